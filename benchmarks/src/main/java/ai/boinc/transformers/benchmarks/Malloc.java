package ai.boinc.transformers.benchmarks;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Structure;

/**
 * Bytes that C's {@code malloc} has handed out and not yet had back, from glibc's {@code
 * mallinfo2()} (through JNA, which DJL brings along). glibc counts only its main arena there, so
 * {@link RetainedHeap} starts its probes with {@code MALLOC_ARENA_MAX=1}: every thread then
 * allocates from that arena. This is where DJL's Rust tokenizer lives (Rust allocates with {@code
 * malloc}); the JVM's own bookkeeping is there too.
 */
final class Malloc {
  private Malloc() {}

  /** glibc's {@code struct mallinfo2} (glibc 2.33 and later). */
  @Structure.FieldOrder({
    "arena",
    "ordblks",
    "smblks",
    "hblks",
    "hblkhd",
    "usmblks",
    "fsmblks",
    "uordblks",
    "fordblks",
    "keepcost"
  })
  public static class Mallinfo2 extends Structure implements Structure.ByValue {
    public long arena;
    public long ordblks;
    public long smblks;
    public long hblks;
    public long hblkhd;
    public long usmblks;
    public long fsmblks;
    public long uordblks;
    public long fordblks;
    public long keepcost;
  }

  /** The C library. */
  public interface LibC extends Library {
    Mallinfo2 mallinfo2();
  }

  private static final LibC LIBC = load();

  private static LibC load() {
    if (!Platform.isLinux()) {
      return null;
    }
    try {
      LibC libc = Native.load("c", LibC.class);
      libc.mallinfo2();
      return libc;
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      return null; // not glibc, or a glibc older than 2.33
    }
  }

  /** Bytes in use: allocated from the arena plus mmapped chunks; -1 where unknown. */
  static long inUse() {
    if (LIBC == null) {
      return -1;
    }
    Mallinfo2 info = LIBC.mallinfo2();
    return info.uordblks + info.hblkhd;
  }
}
