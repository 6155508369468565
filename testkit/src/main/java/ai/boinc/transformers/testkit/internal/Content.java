package ai.boinc.transformers.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The bytes of a file or a response body, possibly larger than an array can hold: either stored
 * ({@link BytesContent}) or generated on demand ({@link VirtualContent}). Immutable and thread-safe.
 */
public interface Content {
  long size();

  /**
   * Copies {@code count} bytes starting at {@code offset} into {@code buffer}.
   *
   * @throws IndexOutOfBoundsException if the range is outside the content or the buffer
   */
  void read(long offset, byte[] buffer, int bufferOffset, int count);

  /** Hex sha256 of the whole content; may be computed (once) on first call. */
  String sha256();

  /** Hex git blob id (sha1 over {@code "blob <len>\0" + content}); may be computed on first call. */
  String gitBlobId();

  /**
   * A cheap identity of the content, equal for equal content of the same kind; used where hashing
   * a huge virtual file would be too slow (commit ids, CDN keys).
   */
  String identity();

  /** Writes {@code count} bytes from {@code offset} to {@code out} in chunks. */
  default void writeTo(OutputStream out, long offset, long count) throws IOException {
    byte[] buffer = new byte[(int) Math.min(64 * 1024, Math.max(1, count))];
    long done = 0;
    while (done < count) {
      int n = (int) Math.min(buffer.length, count - done);
      read(offset + done, buffer, 0, n);
      out.write(buffer, 0, n);
      done += n;
    }
  }
}
