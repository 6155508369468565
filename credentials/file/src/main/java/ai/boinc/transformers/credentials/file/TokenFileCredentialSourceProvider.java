package ai.boinc.transformers.credentials.file;

import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.CredentialSourceProvider;
import java.util.Map;

/**
 * Puts the token file second in the default credential chain (order 200), after the environment
 * variable {@code BA_ACCESS_TOKEN} (100) and before Vault (300), as the Hugging Face tools do.
 */
public final class TokenFileCredentialSourceProvider implements CredentialSourceProvider {
  @Override
  public String id() {
    return "file";
  }

  @Override
  public int order() {
    return 200;
  }

  @Override
  public CredentialSource create(Map<String, String> environment) {
    return TokenFileCredentialSource.fromEnvironment(environment);
  }
}
