package ai.boinc.transformers.guice;

import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.CredentialSourceProvider;
import java.util.Map;

/** Puts an already built source into the chain at a given position. */
final class FixedCredentialSourceProvider implements CredentialSourceProvider {
  private final String id;
  private final int order;
  private final CredentialSource source;

  FixedCredentialSourceProvider(String id, int order, CredentialSource source) {
    this.id = id;
    this.order = order;
    this.source = source;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int order() {
    return order;
  }

  @Override
  public CredentialSource create(Map<String, String> environment) {
    return source;
  }

  @Override
  public String toString() {
    return "CredentialSourceProvider[" + id + ", order " + order + ", " + source.describe() + "]";
  }
}
