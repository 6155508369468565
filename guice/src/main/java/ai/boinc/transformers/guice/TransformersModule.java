package ai.boinc.transformers.guice;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.CredentialSourceProvider;
import ai.boinc.transformers.fetch.FileFetcher;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>Defaults come from the environment ({@code BA_*} variables) and from {@link ServiceLoader}
 * discovery (transports, credential sources). Override them with the {@link Builder}, with
 * {@link OptionalBinder#setBinding()} in your own module, or with {@code Modules.override}.
 *
 * <p>Credential sources: every {@link CredentialSourceProvider} found on the class path plus
 * every one added to the multibinder (see {@link #addCredentialSource}), sorted by {@link
 * CredentialSourceProvider#order()} — Guice's own set order is undefined across modules — after a
 * token given to the builder. A multibound provider replaces a discovered one with the same id.
 */
public final class TransformersModule extends AbstractModule {
  /** The name of the bound {@code Map<String, String>} that stands for the process environment. */
  public static final String ENVIRONMENT = "ai.boinc.transformers.environment";

  private final Map<String, String> environment;
  private final HubSettings settings;
  private final FileFetcher fetcher;
  private final String transport;
  private final AccessToken token;

  private TransformersModule(Builder builder) {
    this.environment = builder.environment;
    this.settings = builder.settings;
    this.fetcher = builder.fetcher;
    this.transport = builder.transport;
    this.token = builder.token;
  }

  /** A module configured from the process environment. */
  public static TransformersModule create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
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
    bind(new TypeLiteral<Map<String, String>>() {})
        .annotatedWith(Names.named(ENVIRONMENT))
        .toInstance(environment);
    Multibinder.newSetBinder(binder(), CredentialSourceProvider.class);

    OptionalBinder<HubSettings> settingsBinder = OptionalBinder.newOptionalBinder(binder(), HubSettings.class);
    settingsBinder.setDefault().toInstance(HubSettings.fromEnvironment(environment));
    if (settings != null) {
      settingsBinder.setBinding().toInstance(settings);
    }
    OptionalBinder<FileFetcher> fetcherBinder = OptionalBinder.newOptionalBinder(binder(), FileFetcher.class);
    fetcherBinder.setDefault().toProvider(new DiscoveredFileFetcher(transport)).in(Singleton.class);
    if (fetcher != null) {
      fetcherBinder.setBinding().toInstance(fetcher);
    }
    OptionalBinder<AccessToken> tokenBinder = OptionalBinder.newOptionalBinder(binder(), AccessToken.class);
    if (token != null) {
      tokenBinder.setBinding().toInstance(token);
    }

    // Provider instances rather than @Provides methods or constructor bindings: Guice 7.0.0 generates
    // classes for those through sun.misc.Unsafe, which Java 24+ warns about (google/guice#1909).
    Provider<Map<String, String>> env =
        getProvider(Key.get(new TypeLiteral<Map<String, String>>() {}, Names.named(ENVIRONMENT)));
    Provider<Set<CredentialSourceProvider>> bound = getProvider(new Key<Set<CredentialSourceProvider>>() {});
    Provider<Optional<AccessToken>> givenToken = getProvider(new Key<Optional<AccessToken>>() {});
    Provider<HubSettings> hubSettings = getProvider(HubSettings.class);
    Provider<FileFetcher> fileFetcher = getProvider(FileFetcher.class);
    Provider<CredentialSource> credentials = getProvider(CredentialSource.class);
    Provider<Hub> hub = getProvider(Hub.class);
    bind(CredentialSource.class)
        .toProvider((Provider<CredentialSource>) () -> credentials(env.get(), bound.get(), givenToken.get()))
        .in(Singleton.class);
    bind(Hub.class)
        .toProvider((Provider<Hub>) () -> Hub.builder()
            .settings(hubSettings.get()).fileFetcher(fileFetcher.get()).credentials(credentials.get()).build())
        .in(Singleton.class);
    bind(TokenizerFactory.class)
        .toProvider((Provider<TokenizerFactory>) () -> TokenizerFactory.of(hub.get()))
        .in(Singleton.class);
  }

  /**
   * The chain: a token given to the builder, then every credential source provider, discovered or
   * bound, by order (a bound provider replaces a discovered one with the same id).
   */
  private static CredentialSource credentials(
      Map<String, String> environment, Set<CredentialSourceProvider> bound, Optional<AccessToken> token) {
    Map<String, CredentialSourceProvider> byId = new LinkedHashMap<>();
    ServiceLoader.load(CredentialSourceProvider.class, TransformersModule.class.getClassLoader())
        .forEach(provider -> byId.put(provider.id(), provider));
    bound.forEach(provider -> byId.put(provider.id(), provider));
    List<CredentialSourceProvider> providers = new ArrayList<>(byId.values());
    providers.sort(Comparator.comparingInt(CredentialSourceProvider::order).thenComparing(CredentialSourceProvider::id));
    List<CredentialSource> sources = new ArrayList<>();
    token.ifPresent(t -> sources.add(CredentialSource.of(t)));
    for (CredentialSourceProvider provider : providers) {
      sources.add(provider.create(environment));
    }
    return CredentialChain.of(sources);
  }

  /** Configures a {@link TransformersModule}. Not thread-safe. */
  public static final class Builder {
    private Map<String, String> environment = System.getenv();
    private HubSettings settings;
    private FileFetcher fetcher;
    private String transport;
    private AccessToken token;

    private Builder() {}

    /** The variables that stand for the process environment (for settings and credential sources). */
    public Builder environment(Map<String, String> environment) {
      this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
      return this;
    }

    /** Settings instead of those read from the environment. */
    public Builder settings(HubSettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** A transport instead of the discovered one. */
    public Builder fileFetcher(FileFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
      return this;
    }

    /** Chooses a discovered transport by id ({@code "jdk"} or {@code "okhttp"}). */
    public Builder transport(String id) {
      this.transport = Objects.requireNonNull(id, "id");
      return this;
    }

    /** A token given in code, asked before every other source. */
    public Builder token(AccessToken token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    public TransformersModule build() {
      return new TransformersModule(this);
    }
  }
}
