package ai.boinc.transformers.testkit;

import static ai.boinc.transformers.testkit.Http.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Weak ETags, gzip without Content-Length, and virtual multi-GiB files. */
class LocalHubSwitchesTest {
  static final String CONFIG = "{\"model_type\": \"llama\", \"padding\": \"" + "x".repeat(500) + "\"}";
  static final byte[] WEIGHTS = Fixtures.bytes(2000, 1);

  static LocalHub start(LocalHub.Builder builder) {
    return builder
        .repo(HubRepo.model("acme/m").file("config.json", CONFIG).lfsFile("model.bin", WEIGHTS).build())
        .start();
  }

  @Test
  void weakEtagsWrapBothEtags() {
    try (LocalHub hub = start(LocalHub.builder().weakEtags(true))) {
      HttpResponse<byte[]> direct = Http.head(hub.resolveUri("acme/m", "config.json"));
      assertThat(header(direct, "ETag")).isEqualTo("W/\"" + Fixtures.gitBlobId(CONFIG.getBytes(StandardCharsets.UTF_8)) + "\"");
      HttpResponse<byte[]> lfs = Http.head(hub.resolveUri("acme/m", "model.bin"));
      assertThat(header(lfs, "X-Linked-Etag")).isEqualTo("W/\"" + Fixtures.sha256(WEIGHTS) + "\"");
    }
  }

  @Test
  void gzipSwitchCompressesWithoutContentLengthOnlyWhenAccepted() throws IOException {
    try (LocalHub hub = start(LocalHub.builder().gzip(true))) {
      URI config = hub.resolveUri("acme/m", "config.json");
      HttpResponse<byte[]> gzip = Http.get(config, "Accept-Encoding", "gzip, deflate");
      assertThat(header(gzip, "Content-Encoding")).isEqualTo("gzip");
      assertThat(header(gzip, "Content-Length")).isNull();
      assertThat(header(gzip, "ETag")).isNotNull();
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip.body()))) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(CONFIG);
      }
      HttpResponse<byte[]> head = Http.head(config, "Accept-Encoding", "gzip");
      assertThat(header(head, "Content-Encoding")).isEqualTo("gzip");
      assertThat(header(head, "Content-Length")).isNull();

      HttpResponse<byte[]> identity = Http.get(config, "Accept-Encoding", "identity");
      assertThat(header(identity, "Content-Encoding")).isNull();
      assertThat(header(identity, "Content-Length")).isEqualTo(Integer.toString(CONFIG.length()));
      assertThat(header(Http.get(config, "Accept-Encoding", "gzip;q=0"), "Content-Encoding")).isNull();
      HttpResponse<byte[]> range = Http.get(config, "Accept-Encoding", "gzip", "Range", "bytes=0-9");
      assertThat(range.statusCode()).isEqualTo(206);
      assertThat(header(range, "Content-Encoding")).isNull();
    }
  }

  @Test
  void withoutTheSwitchNothingIsCompressed() {
    try (LocalHub hub = start(LocalHub.builder())) {
      HttpResponse<byte[]> response = Http.get(hub.resolveUri("acme/m", "config.json"), "Accept-Encoding", "gzip");
      assertThat(header(response, "Content-Encoding")).isNull();
      assertThat(header(response, "ETag")).startsWith("\"");
    }
  }

  @Test
  void virtualFileOfThreeGibibytesServesLengthAndRangesWithoutStoringIt() throws Exception {
    long size = 3L << 30;
    try (LocalHub hub =
        LocalHub.builder().repo(HubRepo.model("acme/huge").virtualLfsFile("huge.bin", size, 42).build()).start()) {
      URI cdn = hub.cdnUri("acme/huge", "huge.bin");
      HttpResponse<byte[]> head = Http.head(cdn);
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(header(head, "Content-Length")).isEqualTo(Long.toString(size));

      HttpResponse<byte[]> tail = Http.get(cdn, "Range", "bytes=" + (size - 100) + "-");
      assertThat(tail.statusCode()).isEqualTo(206);
      assertThat(header(tail, "Content-Range")).isEqualTo("bytes " + (size - 100) + "-" + (size - 1) + "/" + size);
      assertThat(tail.body()).isEqualTo(HubRepo.virtualBytes(42, size - 100, 100));

      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpResponse<InputStream> get = client.send(HttpRequest.newBuilder(cdn).build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = get.body()) {
        assertThat(get.headers().firstValue("Content-Length")).contains(Long.toString(size));
        assertThat(body.readNBytes(4096)).isEqualTo(HubRepo.virtualBytes(42, 0, 4096));
      }
    }
  }

  @Test
  void virtualBytesAreDeterministicAndRangeConsistent() {
    byte[] whole = HubRepo.virtualBytes(7, 0, 100);
    byte[] part = HubRepo.virtualBytes(7, 13, 50);
    for (int i = 0; i < 50; i++) {
      assertThat(part[i]).isEqualTo(whole[13 + i]);
    }
    assertThat(HubRepo.virtualBytes(8, 0, 100)).isNotEqualTo(whole);
  }

  @Test
  void smallVirtualFileResolvesWithRealSha256() {
    try (LocalHub hub =
        LocalHub.builder().repo(HubRepo.model("acme/v").virtualLfsFile("v.bin", 5000, 3).build()).start()) {
      HttpResponse<byte[]> redirect = Http.get(hub.resolveUri("acme/v", "v.bin"));
      assertThat(redirect.statusCode()).isEqualTo(302);
      byte[] content = Http.get(URI.create(header(redirect, "Location"))).body();
      assertThat(content).isEqualTo(HubRepo.virtualBytes(3, 0, 5000));
      assertThat(header(redirect, "X-Linked-Etag")).isEqualTo("\"" + Fixtures.sha256(content) + "\"");
      assertThat(header(redirect, "X-Linked-Size")).isEqualTo("5000");
    }
  }
}
