package ai.boinc.transformers.internal.hub;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The size the hub announced for each blob, recorded at download time in {@code
 * <repo>/.sizes/<etag>} (outside {@code blobs/}, which other tools scan), so that a cache hit can
 * compare the blob's length with it without a request, offline too. A blob another tool stored has
 * no record; online its size is compared with the hub's answer instead.
 */
final class BlobSizes {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");

  private BlobSizes() {}

  static Path recordOf(CacheLayout cache, String etag) {
    return cache.repoDir().resolve(".sizes").resolve(etag);
  }

  /** Best effort: a read-only cache serves files without records. */
  static void record(CacheLayout cache, String etag, long size) {
    try {
      Path record = recordOf(cache, etag);
      if (recorded(cache, etag).equals(OptionalLong.of(size))) {
        return;
      }
      AtomicFiles.write(record, Long.toString(size).getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not record the size of blob {0}: {1}", etag, e.getMessage());
    }
  }

  static OptionalLong recorded(CacheLayout cache, String etag) {
    try {
      String text = new String(Files.readAllBytes(recordOf(cache, etag)), StandardCharsets.US_ASCII).trim();
      return OptionalLong.of(Long.parseLong(text));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty(); // unreadable or garbled: as if never recorded
    }
  }

  /**
   * What is wrong with the cached file at {@code pointer}, if its length differs from {@code
   * announced} (when known) or else from the recorded size.
   */
  static Optional<String> problem(CacheLayout cache, Path pointer, OptionalLong announced) {
    Optional<String> etag = Downloader.etagOf(pointer);
    OptionalLong expected = announced.isPresent() || etag.isEmpty() ? announced : recorded(cache, etag.get());
    if (expected.isEmpty()) {
      return Optional.empty();
    }
    long actual;
    try {
      actual = Files.size(pointer);
    } catch (IOException e) {
      return Optional.of("cannot be read (" + e.getMessage() + ")");
    }
    if (actual == expected.getAsLong()) {
      return Optional.empty();
    }
    return Optional.of("is " + actual + " bytes long but " + expected.getAsLong() + " bytes were "
        + (announced.isPresent() ? "announced by the hub" : "recorded when it was downloaded"));
  }
}
