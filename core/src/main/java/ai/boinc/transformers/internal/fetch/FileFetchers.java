package ai.boinc.transformers.internal.fetch;

import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.fetch.FileFetcherProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Finds the HTTP transport when the application did not give one. */
public final class FileFetchers {
  private FileFetchers() {}

  /**
   * The transport named {@code id}, or, when {@code id} is null, the provider with the lowest
   * {@link FileFetcherProvider#order()} (the JDK transport before OkHttp).
   *
   * @throws IllegalStateException naming the modules to add when there is none, or the ids found
   *     when {@code id} matches none of them
   */
  public static FileFetcher discover(String id, ClassLoader loader) {
    List<FileFetcherProvider> providers = new ArrayList<>();
    ServiceLoader.load(FileFetcherProvider.class, loader).forEach(providers::add);
    providers.sort(Comparator.comparingInt(FileFetcherProvider::order).thenComparing(FileFetcherProvider::id));
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
