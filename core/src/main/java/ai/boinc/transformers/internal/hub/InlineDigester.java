package ai.boinc.transformers.internal.hub;

import java.util.Optional;

/** Hashes on the download thread: for small files, where a thread would cost more than it saves. */
final class InlineDigester implements Digester {
  private final Hasher hasher;
  private final byte[] buffer = new byte[BUFFER_SIZE];

  InlineDigester(Hasher hasher) {
    this.hasher = hasher;
  }

  @Override
  public byte[] buffer() {
    return buffer;
  }

  @Override
  public byte[] update(byte[] bytes, int n) {
    hasher.update(bytes, n);
    return bytes;
  }

  @Override
  public void reset() {
    hasher.reset();
  }

  @Override
  public Optional<String> finish() {
    return hasher.finish();
  }

  @Override
  public void close() {}
}
