package ai.boinc.transformers.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialChainTest {

  /** A source that records each call in {@code asked} and answers a fixed token or nothing. */
  private static CredentialSource source(String name, String token, List<String> asked) {
    return new CredentialSource() {
      @Override
      public Optional<AccessToken> resolve() {
        asked.add(name);
        return Optional.ofNullable(token).map(AccessToken::of);
      }

      @Override
      public String describe() {
        return "source " + name;
      }
    };
  }

  private static CredentialSource broken(String name, List<String> asked) {
    return new CredentialSource() {
      @Override
      public Optional<AccessToken> resolve() {
        asked.add(name);
        throw new CredentialException(describe(), "source " + name + " is sealed");
      }

      @Override
      public String describe() {
        return "source " + name;
      }
    };
  }

  @Test
  void asksSourcesInOrderAndTheFirstTokenWins() {
    List<String> asked = new ArrayList<>();
    CredentialChain chain =
        CredentialChain.of(
            source("a", null, asked), source("b", "ba_b", asked), source("c", "ba_c", asked));

    assertThat(chain.resolve()).contains(AccessToken.of("ba_b"));
    assertThat(asked).containsExactly("a", "b");
  }

  @Test
  void emptyWhenNoSourceHasAToken() {
    List<String> asked = new ArrayList<>();
    CredentialChain chain = CredentialChain.of(source("a", null, asked), source("b", null, asked));
    assertThat(chain.resolve()).isEmpty();
    assertThat(chain.resolveWithSource()).isEmpty();
    assertThat(asked).containsExactly("a", "b", "a", "b");
  }

  @Test
  void aThrowingSourceStopsTheChain() {
    List<String> asked = new ArrayList<>();
    CredentialChain chain =
        CredentialChain.of(source("a", null, asked), broken("vault", asked), source("c", "ba_c", asked));

    assertThatThrownBy(chain::resolve)
        .isInstanceOf(CredentialException.class)
        .hasMessageContaining("vault");
    assertThat(asked).containsExactly("a", "vault");

    asked.clear();
    assertThatThrownBy(chain::resolveWithSource).isInstanceOf(CredentialException.class);
    assertThat(asked).containsExactly("a", "vault");
  }

  @Test
  void aThrowingSourceAfterATokenIsNotAsked() {
    List<String> asked = new ArrayList<>();
    CredentialChain chain = CredentialChain.of(source("a", "ba_a", asked), broken("vault", asked));
    assertThat(chain.resolve()).contains(AccessToken.of("ba_a"));
    assertThat(asked).containsExactly("a");
  }

  @Test
  void describeListsEverySourceInOrder() {
    List<String> asked = new ArrayList<>();
    CredentialChain chain =
        CredentialChain.of(source("a", null, asked), source("b", "ba_b", asked), broken("c", asked));
    assertThat(chain.describe()).isEqualTo("source a, source b, source c");
    assertThat(chain.toString()).contains("source a, source b, source c");
    assertThat(asked).as("describing asks no source for its token").isEmpty();
  }

  @Test
  void anEmptyChainSaysWhatToAdd() {
    CredentialChain chain = CredentialChain.of(List.of());
    assertThat(chain.resolve()).isEmpty();
    assertThat(chain.describe()).contains("transformers-credentials-env");
  }

  @Test
  void resolveWithSourceNamesTheInnerSourceThroughNestedChains() {
    List<String> asked = new ArrayList<>();
    CredentialChain inner = CredentialChain.of(source("x", null, asked), source("y", "ba_y", asked));
    CredentialChain outer = CredentialChain.of(CredentialSource.none(), inner, source("z", "ba_z", asked));

    ResolvedToken resolved = outer.resolveWithSource().orElseThrow();
    assertThat(resolved.token()).isEqualTo(AccessToken.of("ba_y"));
    assertThat(resolved.source()).isEqualTo("source y");
    assertThat(asked).containsExactly("x", "y");
  }

  @Test
  void prependAsksTheNewSourceFirst() {
    List<String> asked = new ArrayList<>();
    CredentialChain chain = CredentialChain.of(source("a", "ba_a", asked));
    CredentialChain withCode = chain.prepend(CredentialSource.of(AccessToken.of("ba_code")));

    assertThat(withCode.resolveWithSource().orElseThrow().source()).isEqualTo("token given in code");
    assertThat(withCode.resolve()).contains(AccessToken.of("ba_code"));
    assertThat(withCode.describe()).isEqualTo("token given in code, source a");
    assertThat(chain.sources()).hasSize(1);
    assertThat(asked).isEmpty();
  }

  @Test
  void nullSourcesAreRejectedWithTheirIndex() {
    List<CredentialSource> sources = new ArrayList<>();
    sources.add(CredentialSource.none());
    sources.add(null);
    assertThatThrownBy(() -> CredentialChain.of(sources))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("sources[1]");
  }

  @Test
  void sourcesAreACopyAndUnmodifiable() {
    List<CredentialSource> sources = new ArrayList<>(List.of(CredentialSource.none()));
    CredentialChain chain = CredentialChain.of(sources);
    sources.add(CredentialSource.of(AccessToken.of("ba_late")));
    assertThat(chain.sources()).hasSize(1);
    assertThat(chain.resolve()).isEmpty();
    assertThatThrownBy(() -> chain.sources().add(CredentialSource.none()))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void discoverSortsProvidersByOrderThenId() {
    CredentialChain chain = CredentialChain.discover(Map.of(), getClass().getClassLoader());
    assertThat(chain.describe())
        .isEqualTo(
            "test source early (CORE_TEST_EARLY), test source alpha (CORE_TEST_ALPHA),"
                + " test source bravo (CORE_TEST_BRAVO), test source late (CORE_TEST_LATE)");
    assertThat(chain.resolve()).isEmpty();
  }

  @Test
  void discoverConfiguresSourcesFromTheGivenEnvironment() {
    CredentialChain chain =
        CredentialChain.discover(
            Map.of("CORE_TEST_LATE", "ba_late", "CORE_TEST_BRAVO", "ba_bravo"),
            getClass().getClassLoader());
    ResolvedToken resolved = chain.resolveWithSource().orElseThrow();
    assertThat(resolved.token()).isEqualTo(AccessToken.of("ba_bravo"));
    assertThat(resolved.source()).isEqualTo("test source bravo (CORE_TEST_BRAVO)");
  }

  @Test
  void discoverWithExtraProvidersSortsThemInAndReplacesTheDiscoveredOneWithTheSameId() {
    TestCredentialProviders.Base replacement = new TestCredentialProviders.Base() {
      @Override
      public String id() {
        return "late";
      }

      @Override
      public int order() {
        return 1;
      }
    };
    CredentialChain chain = CredentialChain.discover(Map.of(), getClass().getClassLoader(), List.of(replacement));
    assertThat(chain.describe())
        .isEqualTo(
            "test source late (CORE_TEST_LATE), test source early (CORE_TEST_EARLY),"
                + " test source alpha (CORE_TEST_ALPHA), test source bravo (CORE_TEST_BRAVO)");
  }

  @Test
  void discoverWithALoaderThatSeesNoProvidersGivesAnEmptyChain() throws Exception {
    try (URLClassLoader isolated = new URLClassLoader(new URL[0], null)) {
      CredentialChain chain = CredentialChain.discover(Map.of(), isolated);
      assertThat(chain.sources()).isEmpty();
      assertThat(chain.describe()).contains("no credential sources");
    }
  }

  @Test
  void theBuiltInSourcesDescribeThemselves() {
    assertThat(CredentialSource.none().resolve()).isEmpty();
    assertThat(CredentialSource.none().describe()).contains("anonymous");
    CredentialSource inCode = CredentialSource.of(AccessToken.of("ba_code"));
    assertThat(inCode.resolve()).contains(AccessToken.of("ba_code"));
    assertThat(inCode.toString()).doesNotContain("ba_code");
  }
}
