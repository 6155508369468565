package ai.boinc.transformers.hub;

/**
 * Hears about the progress of each file a {@link Hub} downloads, e.g. to draw progress bars.
 *
 * <p>For each file: {@link #onStart} once, then {@link #onProgress} any number of times with
 * growing {@link DownloadEvent#bytesDone()}, then exactly one of {@link #onDone} or {@link
 * #onFailed}. A file served from the cache gets {@code onStart} and {@code onDone} with {@link
 * DownloadEvent#cached()} set.
 *
 * <p><b>Threads:</b> events of one file come from one thread, in order, but a {@link
 * Hub#snapshot snapshot} downloads several files at once, so a listener used for snapshots is
 * called from several pool threads concurrently and must be thread-safe. Calls are synchronous:
 * keep them short (a slow listener slows the download). An exception thrown by a listener is
 * logged and otherwise ignored.
 *
 * <pre>{@code
 * DownloadListener bar = new DownloadListener() {
 *   public void onProgress(DownloadEvent e) {
 *     System.err.printf("\r%s %d/%d", e.filename(), e.bytesDone(), e.totalBytes().orElse(-1));
 *   }
 * };
 * Hub hub = Hub.builder().listener(bar).build();
 * }</pre>
 */
public interface DownloadListener {
  /** A listener that ignores every event. */
  DownloadListener NONE = new DownloadListener() {};

  /** The file is about to be fetched (or was found in the cache). */
  default void onStart(DownloadEvent event) {}

  /** More bytes of the file were written. */
  default void onProgress(DownloadEvent event) {}

  /** The file is in the cache, whole and verified. */
  default void onDone(DownloadEvent event) {}

  /** The file could not be fetched; {@code error} is what the call throws. */
  default void onFailed(DownloadEvent event, HubException error) {}
}
