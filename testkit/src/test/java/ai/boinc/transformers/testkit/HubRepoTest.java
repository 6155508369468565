package ai.boinc.transformers.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubRepoTest {
  @Test
  void commitIsDeterministicAndDependsOnContent() {
    String one = HubRepo.model("acme/a").file("x.txt", "1").file("y.txt", "2").build().commit();
    String same = HubRepo.model("acme/b").file("y.txt", "2").file("x.txt", "1").build().commit();
    String other = HubRepo.model("acme/a").file("x.txt", "1").file("y.txt", "3").build().commit();

    assertThat(one).matches("[0-9a-f]{40}").isEqualTo(same).isNotEqualTo(other);
  }

  @Test
  void filesFromReadsEveryRegularFileWithSlashPaths(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub/deeper"));
    Files.writeString(dir.resolve("config.json"), "{}");
    Files.writeString(dir.resolve("sub/deeper/vocab.txt"), "a\nb\n");
    Files.write(dir.resolve("sub/weights.bin"), Fixtures.bytes((int) HubRepo.LFS_THRESHOLD + 10, 5));

    HubRepo repo = HubRepo.model("meta-llama/Llama-2-7b-ba").gated().filesFrom(dir).build();

    assertThat(repo.paths()).containsExactly("config.json", "sub/deeper/vocab.txt", "sub/weights.bin");
    assertThat(repo.type()).isEqualTo(HubRepo.Type.MODEL);
    assertThat(repo.refs()).containsExactly("main");
  }

  @Test
  void refsAreListedMainFirst() {
    HubRepo repo = HubRepo.dataset("acme/d").branch("dev").tag("v1").branch("refs/pr/1").build();

    assertThat(repo.refs()).containsExactly("main", "dev", "v1", "refs/pr/1");
  }

  @Test
  void invalidInputIsRejectedWithReason() {
    assertThatThrownBy(() -> HubRepo.model("a/b/c")).hasMessageContaining("invalid repo id 'a/b/c'");
    assertThatThrownBy(() -> HubRepo.model("acme--x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HubRepo.model("acme/x").file("../x", "")).hasMessageContaining("invalid file path");
    assertThatThrownBy(() -> HubRepo.model("acme/x").file("/x", "")).hasMessageContaining("invalid file path");
    assertThatThrownBy(() -> HubRepo.model("acme/x").file("a", "").file("a", ""))
        .hasMessageContaining("added twice");
    assertThatThrownBy(() -> HubRepo.model("acme/x").branch("main")).hasMessageContaining("already exists");
    assertThatThrownBy(() -> HubRepo.model("acme/x").tag("a//b")).hasMessageContaining("invalid ref name");
  }

  @Test
  void duplicateReposAndTokensAreRejectedWithoutPrintingTheToken() {
    HubRepo repo = HubRepo.model("acme/x").build();
    assertThatThrownBy(() -> LocalHub.builder().repo(repo).repo(HubRepo.model("acme/x").build()))
        .hasMessageContaining("added twice");
    assertThatThrownBy(() -> LocalHub.builder().token("ba_secret", "u").token("ba_secret", "v"))
        .hasMessageContaining("twice")
        .hasMessageNotContaining("ba_secret");
    assertThatThrownBy(() -> LocalHub.builder().token("ba secret", "u")).hasMessageNotContaining("ba secret");
  }
}
