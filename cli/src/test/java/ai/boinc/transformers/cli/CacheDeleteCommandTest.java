package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.junit5.LocalHubExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CacheDeleteCommandTest {
  @RegisterExtension static final LocalHubExtension HUB = TestHubs.extension();

  @TempDir Path temp;
  Map<String, String> env;
  Path repoDir;

  @BeforeEach
  void downloadOne() {
    env = TestHubs.env(HUB.get(), temp.resolve("cache"), temp.resolve("token"));
    assertThat(CliRun.run(env, "download", TestHubs.PUBLIC, "config.json").exitCode).isZero();
    repoDir = temp.resolve("cache/models--acme--tiny");
  }

  @Test
  void itShowsWhatGoesAndAsksFirst() {
    CliRun declined = CliRun.run(env, "n\n", Terminal.none(), "cache", "delete", TestHubs.PUBLIC);

    assertThat(declined.exitCode).as(declined.toString()).isZero();
    assertThat(declined.out).startsWith("Would delete model 'acme/tiny', freeing ")
        .contains("  " + repoDir + "\n").endsWith("Nothing deleted.\n");
    assertThat(declined.err).isEqualTo("Delete? [y/N] ");
    assertThat(repoDir).exists();

    CliRun confirmed = CliRun.run(env, "y\n", Terminal.none(), "cache", "delete", TestHubs.PUBLIC);

    assertThat(confirmed.exitCode).as(confirmed.toString()).isZero();
    assertThat(confirmed.out).endsWith("Deleted model 'acme/tiny': freed " + Sizes.human(TestHubs.content("config.json").length()) + ".\n");
    assertThat(repoDir).doesNotExist();
  }

  @Test
  void yesDeletesARevisionWithoutAskingAndNoAnswerAtAllIsAUsageError() {
    String commit = HUB.get().commit(TestHubs.PUBLIC);
    CliRun unanswered = CliRun.run(env, "cache", "delete", TestHubs.PUBLIC + "@main");
    assertThat(unanswered.exitCode).as(unanswered.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(unanswered.err).contains("--yes");
    assertThat(repoDir).exists();

    CliRun yes = CliRun.run(env, "cache", "delete", TestHubs.PUBLIC + "@" + commit.substring(0, 8), "--yes");

    assertThat(yes.exitCode).as(yes.toString()).isZero();
    assertThat(yes.out).startsWith("Would delete revision '" + commit.substring(0, 8) + "' of model 'acme/tiny'")
        .contains(repoDir.resolve("snapshots").resolve(commit).toString(), repoDir.resolve("refs/main").toString());
    assertThat(repoDir).doesNotExist(); // its only revision
  }

  @Test
  void dryRunDeletesNothingAndWhatIsNotCachedIsNotFound() {
    CliRun dry = CliRun.run(env, "cache", "delete", TestHubs.PUBLIC, "--dry-run");
    CliRun absent = CliRun.run(env, "cache", "delete", "acme/absent", "--yes");
    CliRun noRevision = CliRun.run(env, "cache", "delete", TestHubs.PUBLIC + "@v9", "--yes");

    assertThat(dry.exitCode).isZero();
    assertThat(dry.out).doesNotContain("Deleted");
    assertThat(repoDir).exists();
    assertThat(absent.exitCode).as(absent.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(absent.err).contains("'acme/absent'", "not in the cache");
    assertThat(noRevision.exitCode).as(noRevision.toString()).isEqualTo(ExitCodes.NOT_FOUND);
    assertThat(noRevision.err).contains("'v9'", HUB.get().commit(TestHubs.PUBLIC));
  }
}
