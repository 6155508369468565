package ai.boinc.transformers.internal.hub;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Partial files in {@code blobs/} that are not this library's resumable {@code <etag>.incomplete}:
 * {@code <etag>.<random>.incomplete} (huggingface_hub, older versions of this library), {@code
 * <etag>.part} (hf-hub), {@code .tmp}. Nobody resumes them, so they are removed on the next download
 * of their blob, under its lock, which those tools take too.
 */
final class PartialFiles {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");

  private PartialFiles() {}

  /** Whether a file name in {@code blobs/} is a partial download of any tool. */
  static boolean isPartial(String name) {
    return name.endsWith(PartialBlob.SUFFIX) || name.endsWith(".part") || name.endsWith(".tmp");
  }

  /** The ETag a partial file belongs to: its name up to the first dot. */
  static String etagOf(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  /** Removes the other tools' partial files of {@code blob}; call while holding its lock. */
  static void removeForeign(Path blob) {
    String etag = blob.getFileName().toString();
    Path ours = PartialBlob.pathOf(blob);
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(blob.getParent(), etag + ".*")) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!entry.equals(ours) && isPartial(name) && etagOf(name).equals(etag)) {
          Files.deleteIfExists(entry);
          LOG.log(Level.DEBUG, "removed the abandoned partial download {0}", entry);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "could not clean partial downloads of {0}: {1}", blob, e.getMessage());
    }
  }
}
