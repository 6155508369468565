package ai.boinc.transformers.internal.hub;

import java.io.IOException;
import java.util.Optional;

/**
 * Where written bytes go to be hashed. {@link #update} takes a buffer that was just written and
 * returns the buffer to read into next.
 */
interface Digester extends AutoCloseable {
  /** Bytes read before a write: fewer system calls and hash calls than one per network buffer. */
  int BUFFER_SIZE = 256 * 1024;

  /** Hashes on a second thread from {@code pipelineFrom} bytes on, inline below. */
  static Digester of(Hasher hasher, long expected, long pipelineFrom) {
    return expected >= pipelineFrom ? new HashThread(hasher) : new InlineDigester(hasher);
  }

  byte[] buffer();

  byte[] update(byte[] buffer, int n) throws IOException;

  /** Starts over from byte 0 (a server ignored the Range). */
  void reset() throws IOException;

  /** The hex digest of everything since the last reset, if the ETag names a digest. */
  Optional<String> finish() throws IOException;

  @Override
  void close();
}
