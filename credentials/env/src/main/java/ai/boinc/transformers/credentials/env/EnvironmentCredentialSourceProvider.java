package ai.boinc.transformers.credentials.env;

import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.CredentialSourceProvider;
import java.util.Map;

/** Puts {@code BA_ACCESS_TOKEN} first in the default credential chain. */
public final class EnvironmentCredentialSourceProvider implements CredentialSourceProvider {
  @Override
  public String id() {
    return "env";
  }

  @Override
  public int order() {
    return 100;
  }

  @Override
  public CredentialSource create(Map<String, String> environment) {
    return EnvironmentCredentialSource.of(EnvironmentCredentialSource.DEFAULT_VARIABLE, environment);
  }
}
