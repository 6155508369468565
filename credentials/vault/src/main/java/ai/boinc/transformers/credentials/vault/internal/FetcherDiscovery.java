package ai.boinc.transformers.credentials.vault.internal;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.FileFetcherProvider;
import java.util.Comparator;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

/** Finds the transport with the lowest order among the {@link FileFetcherProvider}s on the class path. */
public final class FetcherDiscovery {
  private FetcherDiscovery() {}

  /** Looks with the thread's context class loader, then with {@code fallback}. */
  public static Optional<FileFetcher> discover(ClassLoader fallback) {
    Optional<FileFetcherProvider> provider = lowest(ServiceLoader.load(FileFetcherProvider.class));
    if (provider.isEmpty()) {
      provider = lowest(ServiceLoader.load(FileFetcherProvider.class, fallback));
    }
    return provider.map(FileFetcherProvider::create);
  }

  private static Optional<FileFetcherProvider> lowest(ServiceLoader<FileFetcherProvider> loader) {
    return StreamSupport.stream(loader.spliterator(), false)
        .min(Comparator.comparingInt(FileFetcherProvider::order).thenComparing(FileFetcherProvider::id));
  }
}
