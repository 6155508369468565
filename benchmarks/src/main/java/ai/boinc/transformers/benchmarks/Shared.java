package ai.boinc.transformers.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the {@code shared/} folder that sits beside the repository: the fixtures' {@code
 * tokenizer.json} files and the benchmark corpus are read there, never copied into the repository.
 *
 * <p>Looked for, in order: the system property {@code benchmarks.shared} (the {@code shared} folder
 * itself); {@code ../shared} of the system property {@code transformers.root} (set by Surefire to
 * the repository root); {@code ../shared} of the working directory or of any of its parents. JMH
 * forks inherit the working directory and the {@code -D} options of the {@code java} command that
 * started them.
 */
public final class Shared {
  private Shared() {}

  /** The {@code shared/} folder. */
  public static Path dir() {
    String explicit = System.getProperty("benchmarks.shared");
    if (explicit != null && !explicit.isEmpty()) {
      Path dir = Paths.get(explicit).toAbsolutePath().normalize();
      if (!isShared(dir)) {
        throw new IllegalStateException(
            "-Dbenchmarks.shared=" + explicit + " has no fixtures/tokenizers and bench-corpus");
      }
      return dir;
    }
    String root = System.getProperty("transformers.root");
    if (root != null && !root.isEmpty()) {
      Path dir = Paths.get(root).toAbsolutePath().normalize().resolveSibling("shared");
      if (isShared(dir)) {
        return dir;
      }
    }
    Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
    for (Path d = start; d != null && d.getParent() != null; d = d.getParent()) {
      Path dir = d.resolveSibling("shared");
      if (isShared(dir)) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find ../shared (with fixtures/tokenizers and bench-corpus) from the working"
            + " directory "
            + start
            + " or its parents; run from the repository root or pass -Dbenchmarks.shared=PATH");
  }

  /** {@code shared/fixtures/tokenizers/<family>/tokenizer.json}. */
  public static Path tokenizerJson(String family) {
    return dir()
        .resolve("fixtures")
        .resolve("tokenizers")
        .resolve(family)
        .resolve("tokenizer.json");
  }

  /** {@code shared/bench-corpus/corpus.txt.gz}. */
  public static Path corpus() {
    return dir().resolve("bench-corpus").resolve("corpus.txt.gz");
  }

  private static boolean isShared(Path dir) {
    return Files.isDirectory(dir.resolve("fixtures").resolve("tokenizers"))
        && Files.isDirectory(dir.resolve("bench-corpus"));
  }
}
