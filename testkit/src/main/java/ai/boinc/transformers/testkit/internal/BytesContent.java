package ai.boinc.transformers.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Content held in an array that this object owns (callers pass a private copy). Immutable. */
public final class BytesContent implements Content {
  private static final BytesContent EMPTY = new BytesContent(new byte[0]);

  private final byte[] bytes;
  private volatile String sha256;
  private volatile String blobId;

  private BytesContent(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Takes {@code bytes} over without copying. */
  public static BytesContent of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new BytesContent(Objects.requireNonNull(bytes, "bytes"));
  }

  public static BytesContent utf8(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  public static BytesContent empty() {
    return EMPTY;
  }

  @Override
  public long size() {
    return bytes.length;
  }

  @Override
  public void read(long offset, byte[] buffer, int bufferOffset, int count) {
    if (offset < 0 || offset + count > bytes.length) {
      throw new IndexOutOfBoundsException("range " + offset + "+" + count + " outside " + bytes.length + " bytes");
    }
    System.arraycopy(bytes, (int) offset, buffer, bufferOffset, count);
  }

  @Override
  public String sha256() {
    String value = sha256;
    if (value == null) {
      value = Hashes.sha256(bytes);
      sha256 = value;
    }
    return value;
  }

  @Override
  public String gitBlobId() {
    String value = blobId;
    if (value == null) {
      value = Hashes.gitBlobId(bytes);
      blobId = value;
    }
    return value;
  }

  @Override
  public String identity() {
    return gitBlobId();
  }

  /** The array itself; do not modify. */
  byte[] array() {
    return bytes;
  }
}
