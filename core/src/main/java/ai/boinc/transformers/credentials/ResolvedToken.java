package ai.boinc.transformers.credentials;

import java.util.Objects;

/** A token together with the description of the source it came from, for error messages. */
public final class ResolvedToken {
  private final AccessToken token;
  private final String source;

  public ResolvedToken(AccessToken token, String source) {
    this.token = Objects.requireNonNull(token, "token");
    this.source = Objects.requireNonNull(source, "source");
  }

  public AccessToken token() {
    return token;
  }

  /** The {@link CredentialSource#describe() description} of the source that held the token. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "ResolvedToken[" + token + " from " + source + "]";
  }
}
