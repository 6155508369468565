package ai.boinc.transformers.guice;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.FileFetchers;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.LocalVault;
import ai.boinc.transformers.testkit.LocalVaultTokenSpec;
import ai.boinc.transformers.testkit.TestData;
import ai.boinc.transformers.tokenizers.TokenizerFactory;
import ai.boinc.transformers.transport.jdk.JdkFileFetcher;
import ai.boinc.transformers.transport.okhttp.OkHttpFileFetcher;
import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransformersModuleTest {
  static final String REPO = "meta-llama/Llama-2-7b-ba";
  static final String TOKEN = "ba_guice_token_1";

  @TempDir Path cache;
  LocalHub localHub;

  @BeforeEach
  void start() {
    localHub = LocalHub.builder()
        .repo(HubRepo.model(REPO).gated().filesFrom(llama2()).build())
        .token(TOKEN, "guice-user", REPO)
        .start();
  }

  @AfterEach
  void stop() {
    localHub.close();
  }

  Map<String, String> env() {
    return Map.of("BA_ENDPOINT", localHub.endpoint().toString(), "BA_HUB_CACHE", cache.toString(), "BA_ACCESS_TOKEN", TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"jdk", "okhttp"})
  void injectedFactoryLoadsTheGatedTokenizerWithEachTransport(String transport) {
    Injector injector = Guice.createInjector(module(env(), transportNamed(transport)));

    var tokenizer = injector.getInstance(TokenizerFactory.class).fromPretrained(REPO);

    assertThat(tokenizer.encode("Hello world!").ids()).isNotEmpty();
    assertThat(injector.getInstance(FileFetcher.class).agent()).startsWith(transport.equals("jdk") ? "jdk" : "okhttp");
    String agent = transport.equals("jdk") ? "jdk-httpclient/" : "okhttp/";
    assertThat(localHub.requests()).isNotEmpty().allSatisfy(request ->
        assertThat(request.header("User-Agent")).hasValueSatisfying(ua -> assertThat(ua).contains(agent)));
  }

  @Test
  void objectsAreSingletons() {
    Injector injector = Guice.createInjector(module(env()));

    assertThat(injector.getInstance(Hub.class)).isSameAs(injector.getInstance(Hub.class));
    assertThat(injector.getInstance(TokenizerFactory.class)).isSameAs(injector.getInstance(TokenizerFactory.class));
    assertThat(injector.getInstance(CredentialSource.class)).isSameAs(injector.getInstance(CredentialSource.class));
  }

  @Test
  void settingsComeFromTheGivenEnvironment() {
    Injector injector = Guice.createInjector(module(env()));

    HubSettings settings = injector.getInstance(HubSettings.class);
    assertThat(settings.endpoint()).isEqualTo(localHub.endpoint());
    assertThat(settings.cacheDir()).isEqualTo(cache);
    assertThat(injector.getInstance(CredentialSource.class).describe()).contains("environment variable BA_ACCESS_TOKEN");
  }

  @Test
  void modulesOverrideReplacesTheTransport() {
    FileFetcher custom = OkHttpFileFetcher.of(new okhttp3.OkHttpClient());
    Injector injector = Guice.createInjector(Modules.override(module(env()))
        .with(new AbstractModule() {
          @Override
          protected void configure() {
            bind(FileFetcher.class).toInstance(custom);
          }
        }));

    assertThat(injector.getInstance(FileFetcher.class)).isSameAs(custom);
    assertThat(injector.getInstance(TokenizerFactory.class).fromPretrained(REPO).encode("Hi").ids()).isNotEmpty();
  }

  @Test
  void optionalBinderSetBindingReplacesTheSettings() {
    HubSettings mine = HubSettings.builder().endpoint(localHub.endpoint()).cacheDir(cache.resolve("mine")).build();
    Injector injector = Guice.createInjector(module(env()), new AbstractModule() {
      @Override
      protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), HubSettings.class).setBinding().toInstance(mine);
      }
    });

    injector.getInstance(Hub.class).download(REPO, "tokenizer_config.json");
    assertThat(Files.exists(cache.resolve("mine"))).isTrue();
  }

  @Test
  void modulesOverrideReplacesTheCredentialChain() {
    Injector injector = Guice.createInjector(Modules.override(module(Map.of(
            "BA_ENDPOINT", localHub.endpoint().toString(), "BA_HUB_CACHE", cache.toString())))
        .with(new AbstractModule() {
          @Override
          protected void configure() {
            bind(CredentialSource.class).toInstance(CredentialSource.of(AccessToken.of(TOKEN)));
          }
        }));

    assertThat(injector.getInstance(Hub.class).download(REPO, "tokenizer_config.json")).exists();
  }

  @Test
  void thirdPartySourcesJoinTheChainInTheirDeclaredOrder() {
    Injector injector = Guice.createInjector(module(Map.of()), new AbstractModule() {
      @Override
      protected void configure() {
        TransformersModule.addCredentialSource(binder(), "late", 5000, named("late source", "ba_late"));
        TransformersModule.addCredentialSource(binder(), "early", 50, named("early source", null));
      }
    });

    CredentialSource chain = injector.getInstance(CredentialSource.class);
    // 50, then the SDK's own sources (100 environment, 300 Vault, here unconfigured), then 5000.
    assertThat(chain.describe())
        .isEqualTo("early source, environment variable BA_ACCESS_TOKEN, HashiCorp Vault (not configured), late source");
    assertThat(chain.resolveWithSource().orElseThrow().source()).isEqualTo("late source");
  }

  @Test
  void aTokenGivenToTheBuilderComesFirst() {
    Injector injector = Guice.createInjector(module(Map.of("BA_ACCESS_TOKEN", "ba_from_env"),
        binder -> OptionalBinder.newOptionalBinder(binder, AccessToken.class).setBinding().toInstance(AccessToken.of("ba_from_code"))));

    assertThat(injector.getInstance(CredentialSource.class).resolve()).contains(AccessToken.of("ba_from_code"));
  }

  @Test
  void aGivenFetcherIsUsed() {
    FileFetcher jdk = JdkFileFetcher.create();
    Injector injector = Guice.createInjector(module(env(), binder -> OptionalBinder.newOptionalBinder(binder, FileFetcher.class).setBinding().toInstance(jdk)));

    assertThat(injector.getInstance(FileFetcher.class)).isSameAs(jdk);
  }

  @Test
  void theDiscoveredVaultSourceReadsTheTokenFromLocalVault() {
    try (LocalVault vault = LocalVault.start()) {
      vault.kv2().put("hub/boinc", Map.of("token", TOKEN));
      vault.addAppRole("approle", "guice-role", "guice-secret-id", LocalVaultTokenSpec.defaults());
      Map<String, String> env = Map.of(
          "BA_ENDPOINT", localHub.endpoint().toString(),
          "BA_HUB_CACHE", cache.toString(),
          "VAULT_ADDR", vault.address().toString(),
          "BA_VAULT_SECRET_PATH", "hub/boinc",
          "BA_VAULT_ROLE_ID", "guice-role",
          "BA_VAULT_SECRET_ID", "guice-secret-id");
      Injector injector = Guice.createInjector(module(env));

      CredentialSource chain = injector.getInstance(CredentialSource.class);
      assertThat(chain.describe()).contains("environment variable BA_ACCESS_TOKEN", "HashiCorp Vault");
      assertThat(chain.resolveWithSource().orElseThrow().source()).contains("HashiCorp Vault");
      assertThat(injector.getInstance(TokenizerFactory.class).fromPretrained(REPO).encode("Hello").ids()).isNotEmpty();
      assertThat(vault.requests()).isNotEmpty();
    }
  }

  /** The module, with {@code environment} and any further bindings set through OptionalBinder. */
  static Module module(Map<String, String> environment, Module... settings) {
    Module env = binder -> OptionalBinder.newOptionalBinder(binder, TransformersModule.ENVIRONMENT_KEY)
        .setBinding().toInstance(environment);
    return Modules.combine(TransformersModule.create(), env, Modules.combine(settings));
  }

  /** Chooses a discovered transport by id, as a user's module would. */
  static Module transportNamed(String id) {
    return binder -> OptionalBinder.newOptionalBinder(binder, FileFetcher.class)
        .setBinding().toProvider(() -> FileFetchers.discover(id)).in(Singleton.class);
  }

  static CredentialSource named(String description, String token) {
    return new CredentialSource() {
      @Override
      public Optional<AccessToken> resolve() {
        return Optional.ofNullable(token).map(AccessToken::of);
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }

  static Path llama2() {
    return TestData.tokenizer("llama-2");
  }
}
