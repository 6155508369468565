package ai.boinc.transformers.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tree API with Link paging and the paths-info API (hub-protocol.md sections 9.2 and 9.3). */
class LocalHubTreeTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final byte[] WEIGHTS = Fixtures.bytes(3000, 5);
  static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

  static LocalHub hub;

  @BeforeAll
  static void start() {
    HubRepo.Builder repo = HubRepo.model("acme/t").file("config.json", "{}").commitAs("add config");
    for (int i = 0; i < 7; i++) {
      repo.file("dir/f" + i + ".txt", "file " + i);
    }
    repo.lfsFile("dir/sub/model.bin", WEIGHTS).branch("feature/x");
    hub = LocalHub.builder().repo(repo.build()).treePageSize(3).start();
  }

  @AfterAll
  static void stop() {
    hub.close();
  }

  static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return JSON.readTree(response.body());
  }

  /** Follows Link headers (bounded) and collects every page's entries. */
  static List<JsonNode> listAll(URI first) throws IOException {
    List<JsonNode> entries = new ArrayList<>();
    URI next = first;
    for (int page = 0; page < 20 && next != null; page++) {
      HttpResponse<byte[]> response = Http.get(next);
      assertThat(response.statusCode()).isEqualTo(200);
      json(response).forEach(entries::add);
      String link = Http.header(response, "Link");
      if (link == null) {
        next = null;
      } else {
        Matcher matcher = NEXT.matcher(link);
        assertThat(matcher.find()).as(link).isTrue();
        next = URI.create(matcher.group(1));
      }
    }
    return entries;
  }

  @Test
  void recursiveListingIsPagedWithLinkAndHasEveryEntryOnce() throws IOException {
    URI first = URI.create(hub.endpoint() + "/api/models/acme/t/tree/main?recursive=true&expand=false");
    HttpResponse<byte[]> page1 = Http.get(first);
    assertThat(json(page1)).hasSize(3);
    assertThat(Http.header(page1, "Link")).contains("recursive=true").contains("expand=false").contains("cursor=");

    List<JsonNode> entries = listAll(first);
    List<String> paths = new ArrayList<>();
    entries.forEach(e -> paths.add(e.path("path").asText()));
    assertThat(paths).doesNotHaveDuplicates().hasSize(11)
        .contains("config.json", "dir", "dir/sub", "dir/f0.txt", "dir/f6.txt", "dir/sub/model.bin");
    JsonNode model = entries.stream().filter(e -> e.path("path").asText().equals("dir/sub/model.bin")).findFirst().orElseThrow();
    assertThat(model.path("type").asText()).isEqualTo("file");
    assertThat(model.path("size").asLong()).isEqualTo(WEIGHTS.length);
    assertThat(model.path("lfs").path("oid").asText()).isEqualTo(Fixtures.sha256(WEIGHTS));
    JsonNode config = entries.stream().filter(e -> e.path("path").asText().equals("config.json")).findFirst().orElseThrow();
    assertThat(config.path("oid").asText()).isEqualTo(Fixtures.gitBlobId("{}".getBytes()));
    assertThat(config.has("lfs")).isFalse();
  }

  @Test
  void nonRecursiveListingOfASubdirectoryShowsDirectChildren() throws IOException {
    List<JsonNode> entries = listAll(URI.create(hub.endpoint() + "/api/models/acme/t/tree/main/dir/sub"));

    assertThat(entries).singleElement().satisfies(e -> assertThat(e.path("path").asText()).isEqualTo("dir/sub/model.bin"));
    List<JsonNode> root = listAll(URI.create(hub.endpoint() + "/api/models/acme/t/tree/main"));
    assertThat(root).extracting(e -> e.path("path").asText() + ":" + e.path("type").asText())
        .containsExactly("config.json:file", "dir:directory");
    assertThat(listAll(URI.create(hub.endpoint() + "/api/models/acme/t/tree/feature%2Fx")))
        .extracting(e -> e.path("path").asText())
        .containsExactly("config.json");
  }

  @Test
  void missingDirectoryOrRevision() {
    HttpResponse<byte[]> dir = Http.get(URI.create(hub.endpoint() + "/api/models/acme/t/tree/main/nope"));
    assertThat(dir.statusCode()).isEqualTo(404);
    assertThat(Http.header(dir, "X-Error-Code")).isEqualTo("EntryNotFound");
    HttpResponse<byte[]> rev = Http.get(URI.create(hub.endpoint() + "/api/models/acme/t/tree/nope"));
    assertThat(Http.header(rev, "X-Error-Code")).isEqualTo("RevisionNotFound");
  }

  @Test
  void pathsInfoAcceptsJsonAndFormAndOmitsMissingPaths() throws Exception {
    URI uri = URI.create(hub.endpoint() + "/api/models/acme/t/paths-info/main");
    HttpClient client = HttpClient.newHttpClient();
    HttpResponse<byte[]> json =
        client.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"paths\": [\"config.json\", \"nope\", \"dir\"], \"expand\": true}"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(json.statusCode()).isEqualTo(200);
    JsonNode entries = json(json);
    assertThat(entries).hasSize(2);
    assertThat(entries.get(0).path("path").asText()).isEqualTo("config.json");
    assertThat(entries.get(0).path("lastCommit").path("title").asText()).isEqualTo("add config");
    assertThat(entries.get(0).path("lastCommit").path("id").asText()).isEqualTo(hub.commit("acme/t", "feature/x"));
    assertThat(entries.get(1).path("type").asText()).isEqualTo("directory");

    HttpResponse<byte[]> form =
        client.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("paths=dir%2Ff1.txt&paths=config.json&expand=False"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(json(form)).extracting(e -> e.path("path").asText()).containsExactly("dir/f1.txt", "config.json");
    assertThat(json(form).get(0).has("lastCommit")).isFalse();
  }

  @Test
  void pathsInfoNeedsPost() {
    assertThat(Http.get(URI.create(hub.endpoint() + "/api/models/acme/t/paths-info/main")).statusCode()).isEqualTo(405);
  }
}
