package ai.boinc.transformers.credentials;

import java.util.Map;
import java.util.Optional;

/**
 * Providers listed in this module's test-scoped {@code META-INF/services} file, deliberately out
 * of order. Each reads its token from the variable {@code CORE_TEST_<ID>} of the environment
 * handed to {@link CredentialChain#discover(Map, ClassLoader)}.
 */
final class TestCredentialProviders {
  private TestCredentialProviders() {}

  abstract static class Base implements CredentialSourceProvider {
    @Override
    public CredentialSource create(Map<String, String> environment) {
      String variable = "CORE_TEST_" + id().toUpperCase(java.util.Locale.ROOT);
      String value = environment.get(variable);
      return new CredentialSource() {
        @Override
        public Optional<AccessToken> resolve() {
          return Optional.ofNullable(value).map(AccessToken::of);
        }

        @Override
        public String describe() {
          return "test source " + id() + " (" + variable + ")";
        }
      };
    }
  }

  public static final class Late extends Base {
    @Override
    public String id() {
      return "late";
    }

    @Override
    public int order() {
      return 2000;
    }
  }

  public static final class Early extends Base {
    @Override
    public String id() {
      return "early";
    }

    @Override
    public int order() {
      return 10;
    }
  }

  /** Same order as {@link Middle}; the tie is broken by id, so "bravo" after "alpha". */
  public static final class Bravo extends Base {
    @Override
    public String id() {
      return "bravo";
    }

    @Override
    public int order() {
      return 500;
    }
  }

  public static final class Middle extends Base {
    @Override
    public String id() {
      return "alpha";
    }

    @Override
    public int order() {
      return 500;
    }
  }
}
