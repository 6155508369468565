package ai.boinc.transformers.fetch;

/**
 * The {@link java.util.ServiceLoader} plug-in point for transports. A transport module lists its
 * provider in {@code META-INF/services/ai.boinc.transformers.fetch.FileFetcherProvider}.
 */
public interface FileFetcherProvider {

  /** A short stable name used to choose a transport, e.g. {@code "jdk"} or {@code "okhttp"}. */
  String id();

  /** Preference when several transports are present and none is chosen; lower wins. */
  int order();

  /** Creates a fetcher with the transport's default settings. */
  FileFetcher create();
}
