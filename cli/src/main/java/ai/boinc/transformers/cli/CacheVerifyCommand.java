package ai.boinc.transformers.cli;

import ai.boinc.transformers.hub.CacheVerification;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubCache;
import ai.boinc.transformers.hub.HubSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ba cache verify [REPO] [--repair]}. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {
      "Re-hashes cached files against their SHA-256 (LFS files) or git blob id and compares their sizes with"
          + " the sizes recorded at download time; lists each damaged file.",
      "Exits 7 if damage remains. --repair downloads damaged files again (needs the hub; BA_ENDPOINT and the"
          + " usual token sources apply)."
    })
final class CacheVerifyCommand implements Callable<Integer> {
  @ParentCommand CacheCommand cache;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "REPO", description = "Only this repository (default: all).")
  String repo;

  @Option(names = "--repair", description = "Download damaged files again and check them once more.")
  boolean repair;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    HubCache hubCache = cache.cache();
    CacheVerification result;
    if (repair) {
      Hub hub = Hub.builder().environment(cache.root.environment)
          .settings(HubSettings.builderFromEnvironment(cache.root.environment).cacheDir(hubCache.cacheDir()).build())
          .build();
      result = repo == null ? hub.verify(true) : hub.verify(repo, true);
    } else {
      result = repo == null ? hubCache.verify() : hubCache.verify(repo);
    }
    for (CacheVerification.DamagedBlob damaged : result.damaged()) {
      String files = damaged.files().isEmpty() ? "(no snapshot uses it)" : String.join(", ", damaged.files());
      out.println((damaged.repaired() ? "repaired " : "damaged ") + damaged.repoId() + " " + files + ": blob "
          + damaged.blob().getFileName() + " " + damaged.problem());
    }
    for (Path unverifiable : result.unverifiable()) {
      out.println("size only " + unverifiable + " (its name is not a hash)");
    }
    long remaining = result.damaged().stream().filter(d -> !d.repaired()).count();
    out.println("Checked " + result.blobsChecked() + " files (" + Sizes.human(result.bytesChecked()) + "): "
        + (result.damaged().isEmpty() ? "all intact." : result.damaged().size() + " damaged, "
            + (result.damaged().size() - remaining) + " repaired."
            + (remaining > 0 && !repair ? " Run again with --repair to download them again." : "")));
    return remaining > 0 ? ExitCodes.IO : ExitCodes.OK;
  }
}
