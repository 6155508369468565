package ai.boinc.transformers.internal.hub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/** Files appear whole or not at all: write next to the target, fsync, then rename over it. */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** A fresh temp file name next to {@code target}, unique to this process and call. */
  public static Path tempSibling(Path target, String suffix) {
    String random = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    return target.resolveSibling(target.getFileName() + "." + random + suffix);
  }

  public static void write(Path target, byte[] content) throws IOException {
    Files.createDirectories(target.getParent());
    Path temp = tempSibling(target, ".tmp");
    try {
      try (FileChannel channel =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Renames {@code source} to {@code target} atomically where the file system can. */
  public static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Makes {@code pointer} a relative symbolic link to {@code blob}, or a copy of it where the file
   * system has no symbolic links. An existing pointer is replaced atomically.
   */
  public static void link(Path pointer, Path blob) throws IOException {
    Files.createDirectories(pointer.getParent());
    Path relative = pointer.getParent().relativize(blob);
    if (Files.notExists(pointer, LinkOption.NOFOLLOW_LINKS)) {
      try {
        // symlink(2) creates the link with its target in one step: it never appears torn.
        Files.createSymbolicLink(pointer, relative);
        return;
      } catch (FileAlreadyExistsException e) {
        // created meanwhile: replace it below, atomically
      } catch (UnsupportedOperationException | IOException e) {
        // no symbolic links here: the copy below
      }
    }
    Path temp = tempSibling(pointer, ".tmp");
    try {
      try {
        Files.createSymbolicLink(temp, relative);
      } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
        throw e;
      } catch (IOException e) {
        // No symlinks here (e.g. Windows without developer mode): copy instead.
        Files.copy(blob, temp, StandardCopyOption.REPLACE_EXISTING);
      }
      move(temp, pointer);
    } catch (UnsupportedOperationException e) {
      Files.copy(blob, temp, StandardCopyOption.REPLACE_EXISTING);
      move(temp, pointer);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
