package ai.boinc.transformers.guice;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.CredentialSourceProvider;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.FileFetchers;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.tokenizers.TokenizerFactory;
import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Names;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Binds the SDK for Guice: {@link HubSettings}, the {@link FileFetcher}, the {@link
 * CredentialSource} chain, the {@link Hub} and a {@link TokenizerFactory}, all singletons (they
 * are thread-safe).
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(TransformersModule.create());
 * TokenizerFactory tokenizers = injector.getInstance(TokenizerFactory.class);
 * Tokenizer llama = tokenizers.fromPretrained("meta-llama/Llama-2-7b-ba");
 * }</pre>
 *
 * <p>The module only declares defaults, with {@link OptionalBinder#setDefault()}: the process
 * environment ({@code BA_*} variables), settings read from it, and the transport and credential
 * sources found by {@link ServiceLoader} ({@link FileFetchers#discover()}, {@link
 * CredentialChain#discover(Map, ClassLoader, java.util.Collection)}). Replace any of them with
 * {@link OptionalBinder#setBinding()} in your own module:
 *
 * <pre>{@code
 * protected void configure() {
 *   OptionalBinder.newOptionalBinder(binder(), TransformersModule.ENVIRONMENT_KEY).setBinding().toInstance(myEnv);
 *   OptionalBinder.newOptionalBinder(binder(), HubSettings.class).setBinding().toInstance(mySettings);
 *   OptionalBinder.newOptionalBinder(binder(), FileFetcher.class).setBinding()
 *       .toProvider(() -> FileFetchers.discover("okhttp"));            // or toInstance(OkHttpFileFetcher.of(client))
 *   OptionalBinder.newOptionalBinder(binder(), AccessToken.class).setBinding().toInstance(token);
 * }
 * }</pre>
 *
 * <p>or replace a binding outright with {@code Modules.override(TransformersModule.create())}.
 *
 * <p>Credential sources: every {@link CredentialSourceProvider} found on the class path plus
 * every one added to the multibinder (see {@link #addCredentialSource}), sorted by {@link
 * CredentialSourceProvider#order()} — Guice's own set order is undefined across modules — after a
 * bound {@link AccessToken}. A multibound provider replaces a discovered one with the same id.
 */
public final class TransformersModule extends AbstractModule {
  /** The name of the bound {@code Map<String, String>} that stands for the process environment. */
  public static final String ENVIRONMENT = "ai.boinc.transformers.environment";

  /** The key of the environment; its default is {@link System#getenv()}. */
  public static final Key<Map<String, String>> ENVIRONMENT_KEY =
      Key.get(new TypeLiteral<Map<String, String>>() {}, Names.named(ENVIRONMENT));

  private TransformersModule() {}

  /** The module: defaults from the process environment and the class path. */
  public static TransformersModule create() {
    return new TransformersModule();
  }

  /**
   * Adds a credential source to the chain from any module, at position {@code order} (the SDK's
   * own sources use 100 environment, 200 token file, 300 Vault).
   */
  public static void addCredentialSource(Binder binder, String id, int order, CredentialSource source) {
    Multibinder.newSetBinder(binder, CredentialSourceProvider.class)
        .addBinding()
        .toInstance(new FixedCredentialSourceProvider(id, order, source));
  }

  @Override
  protected void configure() {
    // Provider instances rather than @Provides methods or constructor bindings: Guice 7.0.0 generates
    // classes for those through sun.misc.Unsafe, which Java 24+ warns about (google/guice#1909).
    Provider<Map<String, String>> environment = getProvider(ENVIRONMENT_KEY);
    Provider<Set<CredentialSourceProvider>> bound = getProvider(new Key<Set<CredentialSourceProvider>>() {});
    Provider<Optional<AccessToken>> token = getProvider(new Key<Optional<AccessToken>>() {});
    Provider<HubSettings> settings = getProvider(HubSettings.class);
    Provider<FileFetcher> fetcher = getProvider(FileFetcher.class);
    Provider<CredentialSource> credentials = getProvider(CredentialSource.class);
    Provider<Hub> hub = getProvider(Hub.class);

    OptionalBinder.newOptionalBinder(binder(), ENVIRONMENT_KEY).setDefault().toInstance(System.getenv());
    OptionalBinder.newOptionalBinder(binder(), HubSettings.class).setDefault()
        .toProvider((Provider<HubSettings>) () -> HubSettings.fromEnvironment(environment.get()))
        .in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), FileFetcher.class).setDefault()
        .toProvider((Provider<FileFetcher>) () -> FileFetchers.discover(null, TransformersModule.class.getClassLoader()))
        .in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), AccessToken.class);
    Multibinder.newSetBinder(binder(), CredentialSourceProvider.class);

    bind(CredentialSource.class)
        .toProvider((Provider<CredentialSource>) () -> credentials(environment.get(), bound.get(), token.get()))
        .in(Singleton.class);
    bind(Hub.class)
        .toProvider((Provider<Hub>) () -> Hub.builder()
            .settings(settings.get()).fileFetcher(fetcher.get()).credentials(credentials.get()).build())
        .in(Singleton.class);
    bind(TokenizerFactory.class)
        .toProvider((Provider<TokenizerFactory>) () -> TokenizerFactory.of(hub.get()))
        .in(Singleton.class);
  }

  /** The discovered chain plus the multibound providers, after a bound token. */
  private static CredentialSource credentials(
      Map<String, String> environment, Set<CredentialSourceProvider> bound, Optional<AccessToken> token) {
    CredentialChain chain = CredentialChain.discover(environment, TransformersModule.class.getClassLoader(), bound);
    return token.map(CredentialSource::of).map(chain::prepend).orElse(chain);
  }
}
