package ai.boinc.transformers.internal.hub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * The one partial file of a blob, {@code blobs/<etag>.incomplete} (the name huggingface_hub used
 * when it resumed across runs), written only while holding the blob's lock. Opening it keeps what
 * an earlier, interrupted process left and re-hashes that prefix, so the download resumes where it
 * stopped. Bytes are written at their own offsets and the file is never truncated: starting over
 * unlinks it and creates a new one, so a second writer that wrongly believes it holds the lock (a
 * network file system whose locks do not work) never tears what this one wrote; {@link #isStillAtPath}
 * tells whether that happened.
 */
final class PartialBlob implements AutoCloseable {
  static final String SUFFIX = ".incomplete";

  private final Path path;
  private final Digester digester;
  private final long flushStep;
  private FileChannel channel;
  private Flusher flusher;
  private Object fileKey;
  private long position;
  private final long resumedFrom;
  /** The buffer the digester handed back last, to read into next. */
  private byte[] pending;

  private PartialBlob(Path path, Digester digester, long flushStep) throws IOException {
    this.path = path;
    this.digester = digester;
    this.flushStep = flushStep;
    this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    try {
      this.fileKey = fileKey(path);
      this.flusher = new Flusher(channel, flushStep);
      this.resumedFrom = channel.size();
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** The partial file of {@code blob}. */
  static Path pathOf(Path blob) {
    return blob.resolveSibling(blob.getFileName() + SUFFIX);
  }

  /**
   * Opens (or creates) the partial file of {@code blob} and hashes what it already holds; a prefix
   * longer than {@code expected} (when known) is dropped.
   */
  static PartialBlob open(Path blob, Digester digester, long expected, long flushStep) throws IOException {
    PartialBlob partial = new PartialBlob(pathOf(blob), digester, flushStep);
    try {
      if (expected >= 0 && partial.resumedFrom > expected) {
        partial.restart();
      } else {
        partial.hashPrefix();
      }
      return partial;
    } catch (IOException | RuntimeException e) {
      partial.close();
      throw e;
    }
  }

  private void hashPrefix() throws IOException {
    byte[] buffer = digester.buffer();
    long offset = 0;
    while (offset < resumedFrom) {
      ByteBuffer into = ByteBuffer.wrap(buffer, 0, (int) Math.min(buffer.length, resumedFrom - offset));
      int n = channel.read(into, offset);
      if (n < 0) {
        break; // shortened meanwhile by another writer: the final size check catches it
      }
      buffer = digester.update(buffer, n);
      offset += n;
    }
    position = offset;
    pending = buffer;
  }

  Path path() {
    return path;
  }

  /** The offset the next byte goes to (the bytes already there count as received). */
  long position() {
    return position;
  }

  /** Bytes this download found on disk from an earlier one, 0 when it started fresh. */
  long resumedFrom() {
    return resumedFrom;
  }

  /** The buffer to read the network into next. */
  byte[] buffer() {
    if (pending == null) {
      pending = digester.buffer();
    }
    return pending;
  }

  /** Writes the first {@code n} bytes of {@code buffer} at {@link #position()}; returns the next buffer. */
  byte[] write(byte[] buffer, int n) throws IOException {
    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
    long at = position;
    while (chunk.hasRemaining()) {
      at += channel.write(chunk, at);
    }
    position = at;
    flusher.written(position);
    pending = digester.update(buffer, n);
    return pending;
  }

  /** Starts over from byte 0 in a new file (the old one is unlinked, never truncated). */
  void restart() throws IOException {
    flusher.close();
    channel.close();
    Files.deleteIfExists(path);
    channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
    fileKey = fileKey(path);
    flusher = new Flusher(channel, flushStep);
    digester.reset();
    position = 0;
  }

  /** Flushes everything to disk and returns the digest of the whole content, if the ETag names one. */
  Optional<String> finish() throws IOException {
    flusher.finish();
    channel.force(true);
    return digester.finish();
  }

  /** The size of the file as it is on disk now (another writer may have changed it). */
  long sizeOnDisk() throws IOException {
    return channel.size();
  }

  /** Whether the partial path still names the file this download wrote (no other writer replaced it). */
  boolean isStillAtPath() {
    try {
      return Objects.equals(fileKey, fileKey(path));
    } catch (IOException e) {
      return false;
    }
  }

  private static Object fileKey(Path path) throws IOException {
    Object key = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    // Without file keys (some platforms) the creation time stands in.
    return key != null
        ? key
        : Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).creationTime();
  }

  /** Closes the file; what was written stays for the next download to resume. */
  @Override
  public void close() {
    flusher.close();
    digester.close();
    try {
      channel.close();
    } catch (IOException ignored) {
      // written bytes are in the file either way; the final check judges them
    }
  }
}
