package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheCommandTest {
  @TempDir Path cache;

  @Test
  void listShowsWhatTokenizeDownloadedAndPruneFreesOrphans() throws Exception {
    try (LocalHub hub = LocalHub.builder()
        .repo(HubRepo.model("acme/llama").filesFrom(CliFixtures.root().resolve("tokenizers/llama-2")).build())
        .start()) {
      Map<String, String> env = Map.of("BA_ENDPOINT", hub.endpoint().toString(), "BA_HUB_CACHE", cache.toString());
      CliRun tokenize = CliRun.run(env, "tokenize", "--repo", "acme/llama", "--text", "Hello world!", "--token-source", "none");
      assertThat(tokenize.exitCode).as(tokenize.toString()).isZero();

      CliRun list = CliRun.run(env, "cache", "list");
      assertThat(list.exitCode).as(list.toString()).isZero();
      assertThat(list.out).contains("acme/llama", "model", hub.commit("acme/llama").substring(0, 12), "main", "Total:");

      Path orphan = cache.resolve("models--acme--llama/blobs/0123abcd");
      Files.writeString(orphan, "not used by any snapshot");
      CliRun dry = CliRun.run(env, "cache", "prune", "--dry-run");
      assertThat(dry.out).contains("would delete " + orphan, "Would free 24 B (1 files).");
      assertThat(orphan).exists();

      CliRun prune = CliRun.run(env, "cache", "--cache-dir", cache.toString(), "prune");
      assertThat(prune.exitCode).as(prune.toString()).isZero();
      assertThat(orphan).doesNotExist();
      assertThat(CliRun.run(env, "tokenize", "--repo", "acme/llama", "--text", "Hi", "--offline").exitCode).isZero();
    }
  }

  @Test
  void anEmptyCacheSaysSo() {
    CliRun list = CliRun.run(Map.of("BA_HUB_CACHE", cache.resolve("none").toString()), "cache", "list");
    assertThat(list.exitCode).isZero();
    assertThat(list.out).contains("is empty");
  }
}
