package ai.boinc.transformers.cli;

import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.junit5.LocalHubExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The repositories and accounts the download, login and whoami tests run against. */
final class TestHubs {
  /** Alice's token; approved for the gated and private repositories. Must never show in any output. */
  static final String TOKEN = "ba_test_alice_4f9c2e7d1b";
  /** A token the hub does not know. Must never show in any output either. */
  static final String WRONG_TOKEN = "ba_test_wrong_93ad61ce05";

  static final String PUBLIC = "acme/tiny";
  static final String GATED = "acme/gated";
  static final String PRIVATE = "acme/private";
  static final String DATASET = "acme/rows";
  /** An LFS file big enough for a few progress events. */
  static final String WEIGHTS = "weights/model.bin";
  static final int WEIGHTS_SIZE = 300_000;

  private TestHubs() {}

  static String content(String path) {
    return "{\"file\": \"" + path + "\"}\n";
  }

  /** The environment of a CLI run against {@code hub}, with its own cache and token file. */
  static Map<String, String> env(LocalHub hub, Path cache, Path tokenFile) {
    Map<String, String> env = new HashMap<>();
    env.put("BA_ENDPOINT", hub.endpoint().toString());
    env.put("BA_HUB_CACHE", cache.toString());
    env.put("BA_TOKEN_PATH", tokenFile.toString());
    return env;
  }

  static LocalHub start() {
    LocalHub.Builder builder = LocalHub.builder();
    repositories(builder);
    return builder.start();
  }

  /** The same hub for a JUnit 5 class: {@code @RegisterExtension static LocalHubExtension hub = TestHubs.extension();}. */
  static LocalHubExtension extension() {
    return LocalHubExtension.builder().configure(TestHubs::repositories).build();
  }

  private static void repositories(LocalHub.Builder builder) {
    builder
        .repo(HubRepo.model(PUBLIC)
            .file("config.json", content("config.json"))
            .file("tokenizer.json", content("tokenizer.json"))
            .file("README.md", "# tiny\n")
            .file("onnx/model.onnx", "onnx".getBytes(StandardCharsets.UTF_8))
            .virtualLfsFile(WEIGHTS, WEIGHTS_SIZE, 42)
            .build())
        .repo(HubRepo.model(GATED).gated().file("config.json", content("gated config.json")).build())
        .repo(HubRepo.model(PRIVATE).privateRepo().file("config.json", content("private config.json")).build())
        .repo(HubRepo.dataset(DATASET).file("train.csv", "a,b\n1,2\n").build())
        .token(TOKEN, "alice", GATED, PRIVATE);
  }
}
