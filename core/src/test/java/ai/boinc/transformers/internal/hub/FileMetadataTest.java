package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchResponse;
import java.io.InputStream;
import java.net.URI;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileMetadataTest {
  private static final URI RESOLVE = URI.create("https://hub.example.com/acme/secret/resolve/v1.0/model.safetensors");
  private static final String COMMIT = "77aa000000000000000000000000000000000001";
  private static final String SHA1 = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
  private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private static FetchResponse response(URI uri, int status, String... nameValues) {
    FetchHeaders.Builder headers = FetchHeaders.builder();
    for (int i = 0; i < nameValues.length; i += 2) {
      headers.add(nameValues[i], nameValues[i + 1]);
    }
    return new FetchResponse(uri, status, headers.build(), InputStream.nullInputStream());
  }

  private static FetchResponse response(int status, String... nameValues) {
    return response(RESOLVE, status, nameValues);
  }

  @Test
  void aDirectAnswer() {
    FileMetadata metadata =
        FileMetadata.read(
                response(200, "X-Repo-Commit", COMMIT, "ETag", "\"" + SHA1 + "\"", "Content-Length", "2113"),
                RESOLVE)
            .orElseThrow();
    assertThat(metadata.commit).isEqualTo(COMMIT);
    assertThat(metadata.etag).isEqualTo(SHA1);
    assertThat(metadata.size).isEqualTo(OptionalLong.of(2113));
    assertThat(metadata.location).isEqualTo(RESOLVE);
    assertThat(metadata.isSha256()).isFalse();
  }

  @Test
  void anLfsRedirectPrefersTheLinkedHeaders() {
    String cdn = "https://cdn.example:9443/blobs/" + SHA256 + "?sig=abc&exp=123";
    FileMetadata metadata =
        FileMetadata.read(
                response(
                    302,
                    "Location", cdn,
                    "X-Linked-Etag", "\"" + SHA256 + "\"",
                    "X-Linked-Size", "438012345",
                    "X-Repo-Commit", COMMIT,
                    "ETag", "\"cdn-or-hub-id\"",
                    "Content-Length", "0"),
                RESOLVE)
            .orElseThrow();
    assertThat(metadata.etag).isEqualTo(SHA256);
    assertThat(metadata.isSha256()).isTrue();
    assertThat(metadata.size).isEqualTo(OptionalLong.of(438012345));
    assertThat(metadata.location).isEqualTo(URI.create(cdn));
  }

  @Test
  void linkedEtagWinsAlsoOnADirectAnswer() {
    FileMetadata metadata =
        FileMetadata.read(
                response(200, "X-Repo-Commit", COMMIT, "ETag", "\"" + SHA1 + "\"", "x-linked-etag", "\"" + SHA256 + "\""),
                RESOLVE)
            .orElseThrow();
    assertThat(metadata.etag).isEqualTo(SHA256);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "W/\"abc123\"|abc123",
        "\"abc123\"|abc123",
        "abc123|abc123",
        "W/abc123|abc123",
        "'  \"abc123\"  '|abc123",
        "'W/\"\"'|''"
      })
  void etagsAreNormalised(String raw, String normalised) {
    assertThat(FileMetadata.normalizeEtag(raw)).isEqualTo(normalised == null ? "" : normalised);
  }

  @Test
  void weakEtagsAreAccepted() {
    FileMetadata metadata =
        FileMetadata.read(response(200, "X-Repo-Commit", COMMIT, "ETag", "W/\"" + SHA1 + "\""), RESOLVE).orElseThrow();
    assertThat(metadata.etag).isEqualTo(SHA1);
  }

  @Test
  void withoutACommitThereIsNoMetadata() {
    assertThat(FileMetadata.read(response(200, "ETag", "\"" + SHA1 + "\"", "Content-Length", "5"), RESOLVE)).isEmpty();
    assertThat(FileMetadata.read(response(200, "X-Repo-Commit", "main", "ETag", "\"" + SHA1 + "\""), RESOLVE))
        .as("not a commit hash")
        .isEmpty();
  }

  @Test
  void withoutAnEtagThereIsNoMetadata() {
    assertThat(FileMetadata.read(response(200, "X-Repo-Commit", COMMIT, "Content-Length", "5"), RESOLVE)).isEmpty();
  }

  @Test
  void anEtagThatCouldEscapeTheBlobFolderIsRefused() {
    assertThat(FileMetadata.read(response(200, "X-Repo-Commit", COMMIT, "ETag", "\"../../x\""), RESOLVE)).isEmpty();
    assertThat(FileMetadata.read(response(200, "X-Repo-Commit", COMMIT, "ETag", "\"a/b\""), RESOLVE)).isEmpty();
    assertThat(FileMetadata.read(response(200, "X-Repo-Commit", COMMIT, "ETag", "\"\""), RESOLVE)).isEmpty();
  }

  @Test
  void theCommitIsTrimmed() {
    assertThat(FileMetadata.read(response(200, "X-Repo-Commit", " " + COMMIT + " ", "ETag", SHA1), RESOLVE).orElseThrow().commit)
        .isEqualTo(COMMIT);
  }

  @Test
  void contentLengthOfARedirectIsIgnored() {
    FileMetadata metadata =
        FileMetadata.read(
                response(
                    307,
                    "Location", "https://cdn.example/x",
                    "X-Repo-Commit", COMMIT,
                    "ETag", "\"" + SHA1 + "\"",
                    "Content-Length", "17"),
                RESOLVE)
            .orElseThrow();
    assertThat(metadata.size).isEmpty();
  }

  @Test
  void linkedSizeBeatsContentLength() {
    FileMetadata metadata =
        FileMetadata.read(
                response(200, "X-Repo-Commit", COMMIT, "ETag", SHA1, "X-Linked-Size", "100", "Content-Length", "5"),
                RESOLVE)
            .orElseThrow();
    assertThat(metadata.size).isEqualTo(OptionalLong.of(100));
  }

  @Test
  void contentLengthOfACompressedAnswerIsNotTheSize() {
    FileMetadata gzip =
        FileMetadata.read(
                response(200, "X-Repo-Commit", COMMIT, "ETag", SHA1, "Content-Encoding", "gzip", "Content-Length", "50"),
                RESOLVE)
            .orElseThrow();
    assertThat(gzip.size).isEmpty();
    FileMetadata identity =
        FileMetadata.read(
                response(200, "X-Repo-Commit", COMMIT, "ETag", SHA1, "Content-Encoding", "Identity", "Content-Length", "50"),
                RESOLVE)
            .orElseThrow();
    assertThat(identity.size).isEqualTo(OptionalLong.of(50));
  }

  @Test
  void invalidSizesAreAbsent() {
    assertThat(FileMetadata.read(response(200, "X-Repo-Commit", COMMIT, "ETag", SHA1, "X-Linked-Size", "-3"), RESOLVE)
            .orElseThrow().size)
        .isEmpty();
    assertThat(FileMetadata.read(response(302, "X-Repo-Commit", COMMIT, "ETag", SHA1, "X-Linked-Size", "many"), RESOLVE)
            .orElseThrow().size)
        .isEmpty();
  }

  @Test
  void aRelativeLocationIsResolvedAgainstTheAnsweringUri() {
    URI answered = URI.create("https://hub.example.com/acme/tiny/resolve/main/tokenizer.json");
    FileMetadata metadata =
        FileMetadata.read(
                response(
                    answered,
                    307,
                    "Location", "/api/resolve-cache/models/acme/tiny/" + COMMIT + "/tokenizer.json?etag=%22" + SHA1 + "%22",
                    "X-Repo-Commit", COMMIT,
                    "ETag", "\"" + SHA1 + "\""),
                answered)
            .orElseThrow();
    assertThat(metadata.location)
        .hasToString(
            "https://hub.example.com/api/resolve-cache/models/acme/tiny/" + COMMIT + "/tokenizer.json?etag=%22" + SHA1 + "%22");
  }

  @Test
  void aPathRelativeLocationIsResolvedToo() {
    FileMetadata metadata =
        FileMetadata.read(
                response(302, "Location", "../other/file.bin", "X-Repo-Commit", COMMIT, "ETag", SHA1), RESOLVE)
            .orElseThrow();
    assertThat(metadata.location).hasToString("https://hub.example.com/acme/secret/resolve/other/file.bin");
  }

  @Test
  void anAbsoluteLocationIsKeptAsIs() {
    String cdn = "https://cdn.example:9443/blobs/" + SHA256 + "?sig=a%2Fb&exp=1";
    FileMetadata metadata =
        FileMetadata.read(response(302, "Location", " " + cdn + " ", "X-Repo-Commit", COMMIT, "ETag", SHA1), RESOLVE)
            .orElseThrow();
    assertThat(metadata.location.toString()).isEqualTo(cdn);
  }

  @Test
  void aRedirectWithoutLocationKeepsTheRequestedUri() {
    FileMetadata metadata =
        FileMetadata.read(response(302, "X-Repo-Commit", COMMIT, "ETag", SHA1), RESOLVE).orElseThrow();
    assertThat(metadata.location).isEqualTo(RESOLVE);
  }

  @Test
  void aLocationOnANonRedirectIsIgnored() {
    URI requested = URI.create("https://hub.example.com/acme/tiny/resolve/main/a.json");
    FileMetadata metadata =
        FileMetadata.read(
                response(200, "Location", "https://elsewhere.example/x", "X-Repo-Commit", COMMIT, "ETag", SHA1),
                requested)
            .orElseThrow();
    assertThat(metadata.location).isEqualTo(requested);
  }
}
