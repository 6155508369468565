package ai.boinc.transformers.credentials;

/**
 * The {@link java.util.ServiceLoader} plug-in point for credential sources: put a jar with a
 * {@code META-INF/services/ai.boinc.transformers.credentials.CredentialSourceProvider} entry on
 * the class path and {@link CredentialChain#discover()} includes its source.
 *
 * <p>Providers must have a public no-argument constructor and be cheap to create; the source they
 * return does the work.
 */
public interface CredentialSourceProvider {

  /** A short stable name, e.g. {@code "env"} or {@code "file"}. */
  String id();

  /**
   * Where this source stands in the default chain; lower asks first. The SDK's own sources use
   * 100 (environment), 200 (token file) and 300 (Vault); third parties should pick 1000 or more
   * unless they mean to run before them.
   */
  int order();

  /** Creates the source, reading its configuration from {@code environment}. */
  CredentialSource create(java.util.Map<String, String> environment);
}
