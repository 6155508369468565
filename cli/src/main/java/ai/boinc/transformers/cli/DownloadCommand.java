package ai.boinc.transformers.cli;

import ai.boinc.transformers.hub.DownloadCancelledException;
import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.DownloadListener;
import ai.boinc.transformers.hub.DownloadOptions;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.RepoType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ba download}: files, or a filtered snapshot, of a repository into the cache. */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    description = {
      "Downloads files of a repository into the cache and prints the local path as the last line of"
          + " standard output: the file's when one FILE is given, else the snapshot folder.",
      "Without FILEs, every file of the repository at the revision is downloaded, filtered by"
          + " --include and --exclude (shell globs: '*' also matches '/', a pattern ending in '/'"
          + " selects a folder, e.g. --include '*.json' --exclude 'onnx/').",
      "Progress goes to standard error: a progress bar on a terminal, one line per file otherwise.",
      "Ctrl-C stops the download, keeps what arrived in the cache and exits 130; the same command resumes it."
    })
final class DownloadCommand implements Callable<Integer> {
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  @ParentCommand BaCommand root;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPO", description = "Repository id, e.g. meta-llama/Llama-2-7b-ba.")
  String repo;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "FILE",
      description = "Paths of files in the repository, e.g. tokenizer.json or onnx/model.onnx.")
  List<String> files = new ArrayList<>();

  @Option(names = "--revision", paramLabel = "REV", description = "Branch, tag or commit (default: ${DEFAULT-VALUE}).")
  String revision = Hub.DEFAULT_REVISION;

  @Option(names = "--include", paramLabel = "GLOB", description = "Without FILEs: download only files matching a GLOB (repeatable).")
  List<String> include = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Without FILEs: skip files matching a GLOB (repeatable).")
  List<String> exclude = new ArrayList<>();

  @Option(names = "--repo-type", paramLabel = "TYPE", converter = RepoTypeConverter.class,
      description = "model, dataset or space (default: model).")
  RepoType repoType = RepoType.MODEL;

  @Option(names = "--force", description = "Download again even if the cache has the files.")
  boolean force;

  @Option(names = {"-q", "--quiet"}, description = "Print only the path: no progress, no per-file lines.")
  boolean quiet;

  @Option(names = "--local-dir", paramLabel = "DIR",
      description = "Also copy the files to DIR at their paths in the repository, with the download metadata"
          + " huggingface_hub keeps there (DIR/.cache/huggingface/download/); the path printed is then in DIR.")
  Path localDir;

  /** The snapshot folder the files came from, once known. */
  private Path snapshotFolder;

  @Mixin HubOptions hubOptions;

  @Override
  public Integer call() {
    if (!files.isEmpty() && (!include.isEmpty() || !exclude.isEmpty())) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--include and --exclude filter a whole-repository download; give FILEs or patterns, not both");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> environment = root.environment;
    Hub hub = hubOptions.hub(environment);
    DownloadProgress progress = new DownloadProgress(err, mode(), root.terminal.width(), System::nanoTime);
    List<String> fetched = Collections.synchronizedList(new ArrayList<>());
    DownloadOptions options = DownloadOptions.builder()
        .revision(revision).repoType(repoType).forceDownload(force).listener(recording(progress, fetched)).build();
    Path result;
    try (InterruptGuard interrupts = InterruptGuard.forCurrentThread()) {
      try {
        result = files.isEmpty() ? snapshot(hub, options) : files(hub, options);
      } catch (DownloadCancelledException e) {
        if (!interrupts.signalled()) {
          throw e;
        }
        progress.finish();
        err.println(interrupted(e));
        err.flush();
        return InterruptGuard.EXIT_INTERRUPTED;
      } finally {
        progress.finish();
      }
    }
    if (localDir != null) {
      result = copyToLocalDir(files.isEmpty() ? sorted(fetched) : files);
    }
    if (files.isEmpty() && progress.finished() == 0 && !quiet && !hub.settings().offline()
        && (!include.isEmpty() || !exclude.isEmpty())) {
      err.println("warning: no file of '" + repo + "' at revision '" + revision + "' matched the --include/--exclude"
          + " patterns; the folder is empty.");
    }
    out.println(result);
    return ExitCodes.OK;
  }

  /** {@code interrupted: model.safetensors, 9.9 MB of 25.2 MB kept; run the same command to resume}. */
  static String interrupted(DownloadCancelledException e) {
    if (e.filename().isEmpty()) {
      return "interrupted: " + e.repoId().map(r -> r + " snapshot").orElse("the download")
          + ", what arrived is kept; run the same command to resume";
    }
    String of = e.bytesTotal() >= 0 ? " of " + Sizes.human(e.bytesTotal()) : "";
    return "interrupted: " + e.filename().get() + ", " + Sizes.human(e.bytesKept()) + of
        + " kept; run the same command to resume";
  }

  private Path snapshot(Hub hub, DownloadOptions options) {
    snapshotFolder = hub.snapshot(repo, options, include, exclude);
    return snapshotFolder;
  }

  /** The copies in --local-dir: the one file's path, or the folder. */
  private Path copyToLocalDir(List<String> repoPaths) {
    LocalDirCopy copy = new LocalDirCopy(localDir);
    Path last = copy.dir();
    for (String repoPath : repoPaths) {
      last = copy.copy(snapshotFolder, repoPath);
    }
    return files.size() == 1 ? last : copy.dir();
  }

  private static List<String> sorted(List<String> names) {
    List<String> copy = new ArrayList<>(names);
    Collections.sort(copy);
    return copy;
  }

  /** {@code progress}, also noting each file that is done (downloaded or found in the cache). */
  private static DownloadListener recording(DownloadListener progress, List<String> done) {
    return new DownloadListener() {
      @Override
      public void onStart(DownloadEvent event) {
        progress.onStart(event);
      }

      @Override
      public void onProgress(DownloadEvent event) {
        progress.onProgress(event);
      }

      @Override
      public void onDone(DownloadEvent event) {
        done.add(event.filename());
        progress.onDone(event);
      }

      @Override
      public void onFailed(DownloadEvent event, HubException error) {
        progress.onFailed(event, error);
      }
    };
  }

  /**
   * Downloads each file; after the first, at the commit the revision resolved to, so that all of
   * them come from one snapshot even if the branch moves meanwhile.
   */
  private Path files(Hub hub, DownloadOptions options) {
    DownloadOptions next = options;
    Path last = null;
    for (String file : files) {
      last = hub.download(repo, file, next);
      if (snapshotFolder == null) {
        snapshotFolder = last;
        for (int segments = file.split("/", -1).length; segments > 0; segments--) {
          snapshotFolder = snapshotFolder.getParent();
        }
        String commit = snapshotFolder.getFileName().toString();
        if (COMMIT.matcher(commit).matches()) {
          next = options.toBuilder().revision(commit).build();
        }
      }
    }
    return files.size() == 1 ? last : snapshotFolder;
  }

  private DownloadProgress.Mode mode() {
    if (quiet) {
      return DownloadProgress.Mode.QUIET;
    }
    boolean barsDisabled = isTrue(root.environment.get("BA_HUB_DISABLE_PROGRESS_BARS"));
    return root.terminal.isInteractive() && !barsDisabled ? DownloadProgress.Mode.BARS : DownloadProgress.Mode.LINES;
  }

  private static boolean isTrue(String value) {
    if (value == null) {
      return false;
    }
    String v = value.trim().toLowerCase(java.util.Locale.ROOT);
    return v.equals("1") || v.equals("true") || v.equals("yes") || v.equals("on");
  }

  /** {@code model}, {@code dataset} or {@code space}, any case. */
  static final class RepoTypeConverter implements CommandLine.ITypeConverter<RepoType> {
    @Override
    public RepoType convert(String value) {
      try {
        return RepoType.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
