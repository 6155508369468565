package ai.boinc.transformers;

/**
 * The root of every error this SDK raises on purpose: catch it to handle them all. Unchecked, like
 * AWS's {@code SdkException}; each family has its own subclass that carries what it was about:
 *
 * <ul>
 *   <li>{@code hub.HubException}: a download or hub call failed (repository, file, revision);
 *   <li>{@code credentials.CredentialException}: a credential source is configured but broken
 *       (its Vault subclasses carry the address and status);
 *   <li>{@code tokenizers.TokenizerLoadException}: a {@code tokenizer.json} is unreadable or wrong
 *       (the JSON path), and {@code tokenizers.RegexLimitExceededException}: a pattern ran away on
 *       one input;
 *   <li>{@code templates.TemplateException}: a chat template failed (its syntax, its own {@code
 *       raise_exception}, a bound of the sandbox) or a model has no chat template.
 * </ul>
 *
 * <p>Misuse of the API (a null argument, an invalid option) is reported with the JDK's {@code
 * NullPointerException}, {@code IllegalArgumentException} or {@code IllegalStateException}
 * instead, as a programming error. Messages name what went wrong and what to do; none contains a
 * token or other secret.
 */
public class TransformersException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected TransformersException(String message) {
    super(message);
  }

  protected TransformersException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Whether the same call may succeed if tried again later, unchanged (a hub that is down, a
   * sealed Vault). False unless a subclass knows better: a missing file, a rejected token or a
   * malformed {@code tokenizer.json} stays so until something changes.
   */
  public boolean isRetryable() {
    return false;
  }
}
