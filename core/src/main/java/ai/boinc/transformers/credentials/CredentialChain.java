package ai.boinc.transformers.credentials;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks several sources in order and takes the first token found.
 *
 * <p>A source that throws stops the chain: a broken source is an error, not a silent skip (a
 * misconfigured Vault must not quietly fall through to a stale token file). {@link #describe()}
 * lists every source, so "no token found" messages show exactly where the SDK looked.
 *
 * <p>Immutable and thread-safe.
 */
public final class CredentialChain implements CredentialSource {
  private final List<CredentialSource> sources;

  private CredentialChain(List<CredentialSource> sources) {
    this.sources = Collections.unmodifiableList(new ArrayList<>(sources));
  }

  /** A chain asking {@code sources} in the given order. */
  public static CredentialChain of(List<? extends CredentialSource> sources) {
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i) == null) {
        throw new NullPointerException("sources[" + i + "] == null");
      }
    }
    return new CredentialChain(new ArrayList<>(sources));
  }

  /** A chain asking {@code sources} in the given order. */
  public static CredentialChain of(CredentialSource... sources) {
    return of(List.of(sources));
  }

  /**
   * The default chain: every {@link CredentialSourceProvider} found by {@link ServiceLoader} on
   * the class path, sorted by {@link CredentialSourceProvider#order()}, configured from the
   * process environment.
   */
  public static CredentialChain discover() {
    return discover(System.getenv(), CredentialChain.class.getClassLoader());
  }

  /** The default chain, configured from {@code environment}, with providers from {@code loader}. */
  public static CredentialChain discover(Map<String, String> environment, ClassLoader loader) {
    return discover(environment, loader, List.of());
  }

  /**
   * The default chain with {@code extra} providers taking part as if they had been discovered: all
   * sorted by {@link CredentialSourceProvider#order()}, then id. An extra provider replaces a
   * discovered one with the same id. Dependency-injection modules use this to add sources.
   */
  public static CredentialChain discover(
      Map<String, String> environment, ClassLoader loader, Collection<? extends CredentialSourceProvider> extra) {
    Objects.requireNonNull(environment, "environment");
    Set<String> extraIds = new HashSet<>();
    extra.forEach(provider -> extraIds.add(provider.id()));
    List<CredentialSourceProvider> providers = new ArrayList<>();
    ServiceLoader.load(CredentialSourceProvider.class, loader).forEach(provider -> {
      if (!extraIds.contains(provider.id())) {
        providers.add(provider);
      }
    });
    providers.addAll(extra);
    providers.sort(
        Comparator.comparingInt(CredentialSourceProvider::order)
            .thenComparing(CredentialSourceProvider::id));
    List<CredentialSource> sources = new ArrayList<>();
    for (CredentialSourceProvider provider : providers) {
      sources.add(provider.create(environment));
    }
    return new CredentialChain(sources);
  }

  /** A chain that asks {@code first} before the sources of this one. */
  public CredentialChain prepend(CredentialSource first) {
    List<CredentialSource> all = new ArrayList<>();
    all.add(first);
    all.addAll(sources);
    return new CredentialChain(all);
  }

  /** The sources in the order they are asked. */
  public List<CredentialSource> sources() {
    return sources;
  }

  @Override
  public Optional<AccessToken> resolve() {
    for (CredentialSource source : sources) {
      Optional<AccessToken> token = source.resolve();
      if (token.isPresent()) {
        return token;
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<ResolvedToken> resolveWithSource() {
    for (CredentialSource source : sources) {
      Optional<ResolvedToken> token = source.resolveWithSource();
      if (token.isPresent()) {
        return token;
      }
    }
    return Optional.empty();
  }

  @Override
  public String describe() {
    if (sources.isEmpty()) {
      return "no credential sources (add transformers-credentials-env or give a token in code)";
    }
    return sources.stream().map(CredentialSource::describe).collect(Collectors.joining(", "));
  }

  /**
   * The description of every source {@code source} asks, chains flattened, in order: the lines of
   * a "no token found; looked in:" message.
   */
  public static List<String> describeEach(CredentialSource source) {
    List<String> lines = new ArrayList<>();
    if (source instanceof CredentialChain) {
      for (CredentialSource each : ((CredentialChain) source).sources) {
        lines.addAll(describeEach(each));
      }
    } else {
      lines.add(source.describe());
    }
    return lines;
  }

  @Override
  public String toString() {
    return "CredentialChain[" + describe() + "]";
  }
}
