package ai.boinc.transformers.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * Pseudo-random bytes generated from a seed, never stored: lets LocalHub serve files of many GiB.
 * The byte at offset {@code i} depends only on the seed and {@code i}, so any range can be produced
 * directly. Hashes are computed by generating the whole content once, on first use. Thread-safe.
 */
public final class VirtualContent implements Content {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final long size;
  private final long seed;
  private volatile String sha256;
  private volatile String blobId;

  public VirtualContent(long size, long seed) {
    if (size < 0) {
      throw new IllegalArgumentException("size < 0: " + size);
    }
    this.size = size;
    this.seed = seed;
  }

  /** The bytes of a virtual file of this seed at {@code offset}, without any size limit. */
  public static byte[] bytes(long seed, long offset, int count) {
    byte[] out = new byte[count];
    fill(seed, offset, out, 0, count);
    return out;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int count) {
    if (offset < 0 || offset + count > size) {
      throw new IndexOutOfBoundsException("range " + offset + "+" + count + " outside " + size + " bytes");
    }
    fill(seed, offset, buffer, bufferOffset, count);
  }

  /** Byte {@code i} is byte {@code i % 8} (little-endian) of {@code mix(seed, i / 8)}. */
  private static void fill(long seed, long offset, byte[] buffer, int bufferOffset, int count) {
    int i = 0;
    while (i < count) {
      long position = offset + i;
      if ((position & 7) == 0 && count - i >= 8) {
        LONGS.set(buffer, bufferOffset + i, mix(seed, position >>> 3));
        i += 8;
        continue;
      }
      long word = mix(seed, position >>> 3);
      int shift = (int) (position & 7);
      for (; shift < 8 && i < count; shift++, i++) {
        buffer[bufferOffset + i] = (byte) (word >>> (8 * shift));
      }
    }
  }

  /** SplitMix64's finalizer over the word index: fast and well mixed. */
  private static long mix(long seed, long index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public String sha256() {
    String value = sha256;
    if (value == null) {
      value = digest("SHA-256", null);
      sha256 = value;
    }
    return value;
  }

  @Override
  public String gitBlobId() {
    String value = blobId;
    if (value == null) {
      value = digest("SHA-1", ("blob " + size + "\0").getBytes(StandardCharsets.US_ASCII));
      blobId = value;
    }
    return value;
  }

  @Override
  public String identity() {
    return "virtual-" + size + "-" + Long.toHexString(seed);
  }

  private String digest(String algorithm, byte[] prefix) {
    MessageDigest digest = Hashes.digest(algorithm);
    if (prefix != null) {
      digest.update(prefix);
    }
    try {
      writeTo(new DigestSink(digest), 0, size);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return Hashes.hex(digest.digest());
  }

  private static final class DigestSink extends OutputStream {
    private final MessageDigest digest;

    DigestSink(MessageDigest digest) {
      this.digest = digest;
    }

    @Override
    public void write(int b) {
      digest.update((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      digest.update(b, off, len);
    }
  }

  @Override
  public String toString() {
    return identity();
  }
}
