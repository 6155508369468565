package ai.boinc.transformers.cli;

import ai.boinc.transformers.hub.CachedRepo;
import ai.boinc.transformers.hub.CachedRevision;
import ai.boinc.transformers.hub.HubCache;
import ai.boinc.transformers.hub.HubSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ba cache list}, {@code ba cache prune}, {@code ba cache verify} and {@code ba cache delete}. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    description = "Shows and cleans the local download cache.",
    subcommands = {CacheCommand.List.class, CacheCommand.Prune.class, CacheVerifyCommand.class,
        CacheDeleteCommand.class})
final class CacheCommand {
  @ParentCommand BaCommand root;

  @Option(names = "--cache-dir", paramLabel = "DIR", scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "The cache (default: BA_HUB_CACHE or ~/.cache/boincai/hub).")
  Path cacheDir;

  HubCache cache() {
    return HubCache.of(cacheDir != null ? cacheDir : HubSettings.fromEnvironment(root.environment).cacheDir());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists cached repositories with sizes per revision.")
  static final class List implements Callable<Integer> {
    @ParentCommand CacheCommand cache;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      HubCache hubCache = cache.cache();
      java.util.List<CachedRepo> repos = hubCache.scan();
      if (repos.isEmpty()) {
        out.println("The cache at " + hubCache.cacheDir() + " is empty.");
        return ExitCodes.OK;
      }
      Table table = new Table("REPO", "TYPE", "REVISION", "REFS", "FILES", "SIZE");
      long total = 0;
      for (CachedRepo repo : repos) {
        total += repo.sizeOnDisk();
        String type = repo.type().plural().substring(0, repo.type().plural().length() - 1);
        table.row(repo.repoId(), type, "", "", "", Sizes.human(repo.sizeOnDisk()));
        for (CachedRevision revision : repo.revisions()) {
          table.row("", "", revision.commit().substring(0, 12), String.join(",", revision.refs()),
              Integer.toString(revision.files()), Sizes.human(revision.size()));
        }
      }
      table.print(out);
      out.println("Total: " + Sizes.human(total) + " in " + repos.size() + " repositories at " + hubCache.cacheDir());
      return ExitCodes.OK;
    }
  }

  @Command(name = "prune", mixinStandardHelpOptions = true,
      description = "Deletes blobs that no cached revision uses, and temp files of old interrupted downloads.")
  static final class Prune implements Callable<Integer> {
    @ParentCommand CacheCommand cache;
    @Spec CommandSpec spec;

    @Option(names = "--dry-run", description = "Only show what would be deleted.")
    boolean dryRun;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      HubCache.PruneResult result = cache.cache().prune(dryRun);
      for (Path file : result.files()) {
        out.println((dryRun ? "would delete " : "deleted ") + file);
      }
      out.println((dryRun ? "Would free " : "Freed ") + Sizes.human(result.bytes()) + " (" + result.files().size() + " files).");
      return ExitCodes.OK;
    }
  }
}
