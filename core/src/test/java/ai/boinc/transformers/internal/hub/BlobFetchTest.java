package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.ChecksumMismatchException;
import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.DownloadListener;
import ai.boinc.transformers.hub.RepoType;
import ai.boinc.transformers.hub.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming a blob to disk: the hash on a second thread and the background flushes (used for large
 * files) give exactly what hashing inline gives, through cuts, resumes and restarts.
 */
class BlobFetchTest {
  private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
  private static final URI CDN = URI.create("https://cdn.example/blobs/x?sig=1");

  @TempDir Path dir;

  /** Serves {@code content} in uneven pieces; each request may be cut, ignore its Range, or flip a byte. */
  static final class Server implements FileFetcher {
    final byte[] content;
    final long cutAfter;
    final boolean ignoreRange;
    final long corruptAt;
    final Random random;
    final List<FetchRequest> seen = new ArrayList<>();
    /** Runs once, when the first answer has sent half of the content (another writer acting meanwhile). */
    Runnable atHalf = () -> { };
    /** Runs once, when the first answer has sent all of the content. */
    Runnable atEnd = () -> { };

    Server(byte[] content, long cutAfter, boolean ignoreRange, long corruptAt, long seed) {
      this.content = content;
      this.cutAfter = cutAfter;
      this.ignoreRange = ignoreRange;
      this.corruptAt = corruptAt;
      this.random = new Random(seed);
    }

    @Override
    public synchronized FetchResponse fetch(FetchRequest request) {
      seen.add(request);
      boolean first = seen.size() == 1;
      long from = request.headers().first("Range").map(r -> Long.parseLong(r.replaceAll("[^0-9]", ""))).orElse(0L);
      if (ignoreRange) {
        from = 0;
      }
      FetchHeaders.Builder headers =
          FetchHeaders.builder().add("Content-Length", Long.toString(content.length - from));
      int status = 200;
      if (from > 0) {
        status = 206;
        headers.add("Content-Range", "bytes " + from + "-" + (content.length - 1) + "/" + content.length);
      }
      // Only the first answer is cut or corrupted, so that a retry can succeed.
      long cut = first && cutAfter >= 0 ? cutAfter : Long.MAX_VALUE;
      long corrupt = first ? corruptAt : -1;
      return new FetchResponse(request.uri(), status, headers.build(), new Body(from, cut, corrupt, random.nextLong()));
    }

    final class Body extends InputStream {
      long position;
      long sent;
      final long cut;
      final long corrupt;
      final Random pieces;

      Body(long from, long cut, long corrupt, long seed) {
        this.position = from;
        this.cut = cut;
        this.corrupt = corrupt;
        this.pieces = new Random(seed);
      }

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (sent >= cut) {
          throw new IOException("connection reset (test)");
        }
        if (position >= content.length) {
          Runnable hook = atEnd;
          atEnd = () -> { };
          hook.run();
          return -1;
        }
        int n = (int) Math.min(Math.min(len, 1 + pieces.nextInt(40_000)), Math.min(content.length - position, cut - sent));
        long half = content.length / 2;
        if (position < half && position + n >= half) {
          Runnable hook = atHalf;
          atHalf = () -> { };
          hook.run();
        }
        System.arraycopy(content, (int) position, b, off, n);
        if (corrupt >= position && corrupt < position + n) {
          b[off + (int) (corrupt - position)] ^= 0x5a;
        }
        position += n;
        sent += n;
        return n;
      }

      @Override
      public int available() {
        return pieces.nextBoolean() ? 0 : (int) Math.min(content.length - position, 1000);
      }
    }
  }

  private static String sha256(byte[] content) throws Exception {
    StringBuilder hex = new StringBuilder();
    for (byte b : MessageDigest.getInstance("SHA-256").digest(content)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  private static String gitBlobId(byte[] content) throws Exception {
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    sha1.update(("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII));
    StringBuilder hex = new StringBuilder();
    for (byte b : sha1.digest(content)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  private static RetryPolicy quickRetries() {
    return RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(1))
        .sleeper(d -> { }).build();
  }

  /** Fetches into {@code blob} with the hash on a second thread ({@code pipelined}) or inline. */
  private static void fetch(Server server, String etag, long size, Path blob, boolean pipelined, boolean flushing,
      List<Long> progress) throws IOException {
    Pipeline pipeline = new Pipeline(server, PipelineTest.HUB, "ua/1", false, false);
    BlobFetch fetch = new BlobFetch(pipeline, Duration.ofSeconds(5), quickRetries(),
        pipelined ? 0 : Long.MAX_VALUE, flushing ? 0 : Long.MAX_VALUE, 64 * 1024);
    DownloadEvent event = new DownloadEvent(RepoType.MODEL, "acme/m", "w.bin", COMMIT, 0, size, false);
    SafeListener listener = new SafeListener(new DownloadListener() {
      @Override
      public void onProgress(DownloadEvent e) {
        progress.add(e.bytesDone());
      }
    });
    fetch.fetch(FileMetadata.of(COMMIT, etag, OptionalLong.of(size), CDN), blob, PipelineTest.ctx(PipelineTest.HUB),
        listener, event);
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".incomplete")).collect(Collectors.toList());
    }
  }

  @Test
  void pipelinedAndInlineHashingStoreTheSameBytesThroughCutsAndRestarts() {
    qt().withExamples(60)
        .forAll(integers().between(0, 700_000), longs().between(-1, 800_000), booleans().all(), booleans().all())
        .checkAssert((size, cutAfter, ignoreRange, lfs) -> {
          try {
            byte[] content = new byte[size];
            new Random(size * 31L + cutAfter).nextBytes(content);
            String etag = lfs ? sha256(content) : gitBlobId(content);
            for (boolean pipelined : new boolean[] {false, true}) {
              Path blob = dir.resolve(pipelined + "-" + size + "-" + cutAfter + "-" + ignoreRange + "-" + lfs);
              List<Long> progress = new ArrayList<>();
              fetch(new Server(content, cutAfter, ignoreRange, -1, size), etag, size, blob, pipelined, pipelined,
                  progress);
              assertThat(Files.readAllBytes(blob)).isEqualTo(content);
              if (size > 0) {
                assertThat(progress).last().isEqualTo((long) size);
              }
            }
            assertThat(leftovers()).isEmpty();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void aCorruptedByteFailsBothWaysAndLeavesNoTempFile() {
    qt().withExamples(30)
        .forAll(integers().between(1, 700_000), integers().between(0, 1000), booleans().all())
        .checkAssert((size, permille, pipelined) -> {
          try {
            byte[] content = new byte[size];
            new Random(size).nextBytes(content);
            long corruptAt = (long) size * permille / 1001;
            Path blob = dir.resolve("corrupt-" + size + "-" + permille + "-" + pipelined);
            Server server = new Server(content, -1, false, corruptAt, size);
            assertThatThrownBy(() -> fetch(server, sha256(content), size, blob, pipelined, pipelined, new ArrayList<>()))
                .isInstanceOf(ChecksumMismatchException.class).hasMessageContaining("SHA-256");
            assertThat(blob).doesNotExist();
            assertThat(leftovers()).isEmpty();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void anInterruptedPipelinedDownloadStopsKeepsItsPartialFileAndTheNextOneResumes() throws Exception {
    byte[] content = new byte[3_000_000];
    new Random(7).nextBytes(content);
    Server server = new Server(content, -1, false, -1, 7);
    server.atHalf = () -> Thread.currentThread().interrupt();
    Path blob = dir.resolve(sha256(content));
    try {
      assertThatThrownBy(() -> fetch(server, sha256(content), content.length, blob, true, true, new ArrayList<>()))
          .isInstanceOf(java.io.InterruptedIOException.class);
    } finally {
      Thread.interrupted();
    }
    assertThat(blob).doesNotExist();
    Path partial = PartialBlob.pathOf(blob);
    long kept = Files.size(partial);
    assertThat(kept).isBetween(1L, (long) content.length - 1);
    assertThat(Files.readAllBytes(partial)).isEqualTo(java.util.Arrays.copyOf(content, (int) kept));

    Server again = new Server(content, -1, false, -1, 8);
    fetch(again, sha256(content), content.length, blob, true, true, new ArrayList<>());
    assertThat(Files.readAllBytes(blob)).isEqualTo(content);
    assertThat(again.seen).hasSize(1);
    assertThat(again.seen.get(0).headers().first("Range")).contains("bytes=" + kept + "-");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aPartialFileWithTheRightPrefixIsResumedWithOneRangeRequest() throws Exception {
    byte[] content = new byte[500_000];
    new Random(9).nextBytes(content);
    for (String etag : new String[] {sha256(content), gitBlobId(content)}) {
      Path blob = dir.resolve(etag);
      Files.write(PartialBlob.pathOf(blob), java.util.Arrays.copyOf(content, 123_456));
      Server server = new Server(content, -1, false, -1, 9);
      List<Long> progress = new ArrayList<>();
      fetch(server, etag, content.length, blob, false, false, progress);
      assertThat(Files.readAllBytes(blob)).isEqualTo(content);
      assertThat(server.seen).hasSize(1);
      assertThat(server.seen.get(0).headers().first("Range")).contains("bytes=123456-");
      assertThat(progress).first().isEqualTo(123_456L);
    }
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aCompletePartialFileNeedsNoRequest() throws Exception {
    byte[] content = new byte[70_000];
    new Random(10).nextBytes(content);
    Path blob = dir.resolve(sha256(content));
    Files.write(PartialBlob.pathOf(blob), content);
    Server server = new Server(content, -1, false, -1, 10);
    fetch(server, sha256(content), content.length, blob, false, false, new ArrayList<>());
    assertThat(Files.readAllBytes(blob)).isEqualTo(content);
    assertThat(server.seen).isEmpty();
  }

  /** A prefix of other bytes (a crash, another tool): the hash check rejects it and the blob is fetched again. */
  @Test
  void aPartialFileWithWrongBytesIsRejectedAndFetchedAgain() throws Exception {
    byte[] content = new byte[400_000];
    new Random(11).nextBytes(content);
    for (boolean pipelined : new boolean[] {false, true}) {
      Path blob = dir.resolve(pipelined + sha256(content));
      byte[] wrong = java.util.Arrays.copyOf(content, 200_000);
      wrong[77] ^= 1;
      Files.write(PartialBlob.pathOf(blob), wrong);
      Server server = new Server(content, -1, false, -1, 11);
      assertFetchedTwiceTheSecondTimeWhole(server, content, blob, pipelined);
    }
    assertThat(leftovers()).isEmpty();
  }

  /**
   * Two writers that both believe they hold the blob's lock (huggingface_hub#4306: flock on NFS):
   * while this download runs, another appends to the same partial file as huggingface_hub 0.36 did.
   * Appended bytes this download later overwrites at their offsets do no harm; bytes appended
   * after its last write make the file too long, the size check rejects the mix and the blob is
   * fetched again.
   */
  @Test
  void aSecondWriterAppendingToThePartialFileIsDetectedAndTheBlobFetchedAgain() throws Exception {
    byte[] content = new byte[600_000];
    new Random(12).nextBytes(content);
    for (boolean pipelined : new boolean[] {false, true}) {
      Path blob = dir.resolve(pipelined + "-append-" + sha256(content));
      Server server = new Server(content, -1, false, -1, 12);
      Runnable append = () -> {
        try {
          Files.write(PartialBlob.pathOf(blob), java.util.Arrays.copyOf(content, 100_000),
              java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      };
      server.atHalf = append;
      server.atEnd = append;
      assertFetchedTwiceTheSecondTimeWhole(server, content, blob, pipelined);
    }
    assertThat(leftovers()).isEmpty();
  }

  /** The other writer started over (deleted and re-created the partial file) while this one wrote. */
  @Test
  void aSecondWriterReplacingThePartialFileIsDetectedAndTheBlobFetchedAgain() throws Exception {
    byte[] content = new byte[600_000];
    new Random(13).nextBytes(content);
    Path blob = dir.resolve("replace-" + sha256(content));
    Server server = new Server(content, -1, false, -1, 13);
    server.atHalf = () -> {
      try {
        Path partial = PartialBlob.pathOf(blob);
        Files.delete(partial);
        Files.write(partial, java.util.Arrays.copyOf(content, 1000));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    };
    assertFetchedTwiceTheSecondTimeWhole(server, content, blob, false);
    assertThat(leftovers()).isEmpty();
  }

  /** The first result was rejected, and the blob was fetched once more from byte 0. */
  private static void assertFetchedTwiceTheSecondTimeWhole(Server server, byte[] content, Path blob, boolean pipelined)
      throws Exception {
    fetch(server, sha256(content), content.length, blob, pipelined, pipelined, new ArrayList<>());
    assertThat(Files.readAllBytes(blob)).isEqualTo(content);
    assertThat(server.seen).hasSize(2);
    assertThat(server.seen.get(1).headers().first("Range")).isEmpty();
  }

  @Test
  void otherToolsPartialFilesOfTheBlobAreRemoved() throws Exception {
    byte[] content = new byte[10_000];
    new Random(14).nextBytes(content);
    String etag = sha256(content);
    Path blob = dir.resolve(etag);
    Path hfh = dir.resolve(etag + ".1a2b3c4d.incomplete");
    Path rust = dir.resolve(etag + ".part");
    Path otherBlob = dir.resolve("f".repeat(64) + ".1a2b3c4d.incomplete");
    for (Path p : List.of(hfh, rust, otherBlob)) {
      Files.write(p, new byte[] {1, 2, 3});
    }
    fetch(new Server(content, -1, false, -1, 14), etag, content.length, blob, false, false, new ArrayList<>());
    assertThat(hfh).doesNotExist();
    assertThat(rust).doesNotExist();
    assertThat(otherBlob).exists();
  }
}
