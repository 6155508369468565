package ai.boinc.transformers.fetch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the HTTP transport on the class path when the application did not give one: the entry
 * point beside {@link ai.boinc.transformers.credentials.CredentialChain#discover()} that {@code
 * Hub}, the Guice module and the Vault source use.
 *
 * <p>Every {@link FileFetcherProvider} listed in {@code META-INF/services} takes part. Without an
 * id, the provider with the lowest {@link FileFetcherProvider#order()} wins (the JDK transport
 * before OkHttp); an id chooses one by {@link FileFetcherProvider#id()}.
 *
 * <pre>{@code
 * FileFetcher fetcher = FileFetchers.discover("okhttp");
 * Hub hub = Hub.builder().fileFetcher(fetcher).build();
 * }</pre>
 *
 * <p>Each call loads the providers afresh and creates a new fetcher; thread-safe.
 */
public final class FileFetchers {
  private FileFetchers() {}

  /**
   * The preferred transport seen by this library's class loader.
   *
   * @throws IllegalStateException naming the modules to add when there is none
   */
  public static FileFetcher discover() {
    return find(null, FileFetchers.class.getClassLoader());
  }

  /**
   * The transport whose provider has {@code id} ({@code "jdk"}, {@code "okhttp"}, ...).
   *
   * @throws IllegalStateException naming the modules to add when there is none, or listing the
   *     ids found when {@code id} matches none of them
   */
  public static FileFetcher discover(String id) {
    return find(Objects.requireNonNull(id, "id"), FileFetchers.class.getClassLoader());
  }

  /**
   * The transport named {@code id}, or, when {@code id} is null, the provider with the lowest
   * {@link FileFetcherProvider#order()}, from the providers {@code loader} sees.
   *
   * @param id the provider's id, or null for the preferred one
   * @throws IllegalStateException naming the modules to add when there is none, or listing the
   *     ids found when {@code id} matches none of them
   */
  public static FileFetcher discover(String id, ClassLoader loader) {
    return find(id, Objects.requireNonNull(loader, "loader"));
  }

  /** The providers {@code loader} sees, preferred first (lowest order, then id). */
  public static List<FileFetcherProvider> providers(ClassLoader loader) {
    List<FileFetcherProvider> providers = new ArrayList<>();
    ServiceLoader.load(FileFetcherProvider.class, Objects.requireNonNull(loader, "loader")).forEach(providers::add);
    providers.sort(Comparator.comparingInt(FileFetcherProvider::order).thenComparing(FileFetcherProvider::id));
    return List.copyOf(providers);
  }

  private static FileFetcher find(String id, ClassLoader loader) {
    List<FileFetcherProvider> providers = providers(loader);
    if (providers.isEmpty()) {
      throw new IllegalStateException(
          "No HTTP transport found on the class path. Add ai.boinc.transformers:transformers-transport-jdk"
              + " (java.net.http) or ai.boinc.transformers:transformers-transport-okhttp (OkHttp),"
              + " or pass one with Hub.builder().fileFetcher(...).");
    }
    if (id == null) {
      return providers.get(0).create();
    }
    for (FileFetcherProvider provider : providers) {
      if (provider.id().equals(id)) {
        return provider.create();
      }
    }
    throw new IllegalStateException(
        "No HTTP transport with id '"
            + id
            + "' on the class path; found: "
            + providers.stream().map(FileFetcherProvider::id).collect(Collectors.joining(", "))
            + ". Add the module of the transport you chose, or choose one of those.");
  }
}
