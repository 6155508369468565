package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.CacheLockTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One download per blob across threads and processes: an in-process lock (a JVM may hold only one
 * {@link FileLock} per file, so threads queue here first) and then an OS file lock on {@code
 * .locks/<repo>/<etag>.lock}. Waits are bounded; lock files are kept, as huggingface_hub keeps them
 * (deleting one while another process waits on it would let a third process lock a new file).
 * Where the file system cannot lock (some network file systems), the in-process lock alone is used
 * and a warning is logged.
 */
final class BlobLocks {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");
  private static final long POLL_MILLIS = 25;
  /** Shared by every Hub of this JVM, since they may share a cache. */
  private static final ConcurrentHashMap<Path, Entry> LOCKS = new ConcurrentHashMap<>();

  private BlobLocks() {}

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock();
    int users;
  }

  /** A held lock; {@link #close()} releases it. */
  static final class Held implements AutoCloseable {
    private final Path key;
    private final Entry entry;
    private final FileChannel channel;
    private final FileLock fileLock;

    private Held(Path key, Entry entry, FileChannel channel, FileLock fileLock) {
      this.key = key;
      this.entry = entry;
      this.channel = channel;
      this.fileLock = fileLock;
    }

    @Override
    public void close() {
      try {
        if (fileLock != null) {
          fileLock.release();
        }
      } catch (IOException e) {
        LOG.log(Level.DEBUG, "releasing {0}: {1}", key, e);
      } finally {
        closeQuietly(channel);
        entry.lock.unlock();
        leave(key, entry);
      }
    }
  }

  /**
   * Takes the lock of {@code lockFile}, waiting at most {@code timeout}.
   *
   * @throws CacheLockTimeoutException if it could not be taken in time
   * @throws InterruptedIOException if the thread was interrupted while waiting
   */
  static Held acquire(Path lockFile, Duration timeout, FileContext ctx) throws IOException {
    Path key = lockFile.toAbsolutePath().normalize();
    long deadline = System.nanoTime() + timeout.toNanos();
    Entry entry = enter(key);
    boolean locked = false;
    try {
      try {
        locked = entry.lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(e);
      }
      if (!locked) {
        throw timeout(lockFile, timeout, ctx, "another thread of this process");
      }
      Files.createDirectories(key.getParent());
      FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        FileLock fileLock = fileLock(channel, key, deadline, timeout, ctx);
        Held held = new Held(key, entry, channel, fileLock);
        locked = false; // owned by held now
        return held;
      } catch (IOException | RuntimeException e) {
        closeQuietly(channel);
        throw e;
      }
    } finally {
      if (locked) {
        entry.lock.unlock();
      }
      if (!entry.lock.isHeldByCurrentThread()) {
        leave(key, entry);
      }
    }
  }

  /**
   * Whether a thread of this process or another process holds the lock of {@code lockFile} now
   * (for prune, which must not remove the partial file of a running download).
   */
  static boolean isHeld(Path lockFile) {
    Path key = lockFile.toAbsolutePath().normalize();
    if (LOCKS.containsKey(key)) {
      return true;
    }
    if (!Files.exists(key)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(key, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false; // no locks on this file system: age alone decides
    }
  }

  private static FileLock fileLock(FileChannel channel, Path key, long deadline, Duration timeout, FileContext ctx)
      throws IOException {
    while (true) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // another class loader's copy of this class holds it; wait like for a process
      } catch (IOException e) {
        if (Cancellation.isCancellation(e)) {
          throw e;
        }
        LOG.log(Level.WARNING, "cannot lock {0} ({1}); this file system may not support locks, so only"
            + " downloads within this process are coordinated", key, e.getMessage());
        return null;
      }
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() - deadline > 0) {
        throw timeout(key, timeout, ctx, "another process");
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(e);
      }
    }
  }

  private static Entry enter(Path key) {
    return LOCKS.compute(key, (k, e) -> {
      Entry entry = e != null ? e : new Entry();
      entry.users++;
      return entry;
    });
  }

  private static void leave(Path key, Entry entry) {
    LOCKS.compute(key, (k, e) -> {
      if (e != entry) {
        return e;
      }
      e.users--;
      return e.users == 0 ? null : e;
    });
  }

  private static CacheLockTimeoutException timeout(Path lockFile, Duration timeout, FileContext ctx, String holder) {
    return new CacheLockTimeoutException(
        "Waited " + timeout.toMillis() + " ms for " + holder + " to finish downloading " + ctx.describe()
            + " (lock file " + lockFile + "). If no other download is running, a hung process or a network file"
            + " system may hold the lock; try again, or raise the limit with Hub.builder().lockTimeout(...).",
        ctx.repoId, ctx.filename, ctx.revision, lockFile);
  }

  private static InterruptedIOException interrupted(InterruptedException cause) {
    InterruptedIOException e = new InterruptedIOException("interrupted while waiting for a cache lock");
    e.initCause(cause);
    return e;
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was written
    }
  }
}
