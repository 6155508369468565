package ai.boinc.transformers.cli;

import ai.boinc.transformers.hub.HubCache;
import ai.boinc.transformers.hub.RepoType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ba cache delete REPO[@REVISION]}: one cached repository or revision, after a confirmation. */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = {
      "Deletes a cached repository, or one revision of it (REPO@REVISION: a branch, a tag or a commit, whose"
          + " first 7 characters are enough), with the files no other revision uses.",
      "Shows what would go and asks for confirmation on standard input, unless --yes is given."
    })
final class CacheDeleteCommand implements Callable<Integer> {
  @ParentCommand CacheCommand cache;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPO[@REVISION]", description = "e.g. meta-llama/Llama-2-7b-ba or acme/tiny@v1.")
  String target;

  @Option(names = "--repo-type", paramLabel = "TYPE", converter = DownloadCommand.RepoTypeConverter.class,
      description = "model, dataset or space (default: model).")
  RepoType repoType = RepoType.MODEL;

  @Option(names = {"-y", "--yes"}, description = "Delete without asking.")
  boolean yes;

  @Option(names = "--dry-run", description = "Only show what would be deleted.")
  boolean dryRun;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int at = target.indexOf('@');
    String repo = at < 0 ? target : target.substring(0, at);
    String revision = at < 0 ? null : target.substring(at + 1);
    HubCache hubCache = cache.cache();
    String what = (revision == null ? "" : "revision '" + revision + "' of ") + repoType.name().toLowerCase(Locale.ROOT)
        + " '" + repo + "'";
    HubCache.PruneResult plan = delete(hubCache, repo, revision, true);
    out.println("Would delete " + what + ", freeing " + Sizes.human(plan.bytes()) + ":");
    for (Path path : plan.files()) {
      out.println("  " + path);
    }
    out.flush();
    if (dryRun) {
      return ExitCodes.OK;
    }
    if (!yes && !confirmed(err)) {
      out.println("Nothing deleted.");
      return ExitCodes.OK;
    }
    HubCache.PruneResult done = delete(hubCache, repo, revision, false);
    out.println("Deleted " + what + ": freed " + Sizes.human(done.bytes()) + ".");
    return ExitCodes.OK;
  }

  private HubCache.PruneResult delete(HubCache hubCache, String repo, String revision, boolean plan) {
    return revision == null
        ? hubCache.delete(repoType, repo, plan)
        : hubCache.deleteRevision(repoType, repo, revision, plan);
  }

  /** Asks on standard error, reads the answer from standard input; no answer at all is a usage error. */
  private boolean confirmed(PrintWriter err) {
    err.print("Delete? [y/N] ");
    err.flush();
    String answer;
    try {
      answer = new BufferedReader(new InputStreamReader(cache.root.stdin, StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (answer == null) {
      err.println();
      throw new CommandLine.ParameterException(spec.commandLine(),
          "no answer on standard input; rerun with --yes to delete without asking");
    }
    String a = answer.trim().toLowerCase(Locale.ROOT);
    return a.equals("y") || a.equals("yes");
  }
}
