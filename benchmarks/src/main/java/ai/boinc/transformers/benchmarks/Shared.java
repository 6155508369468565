package ai.boinc.transformers.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the repository's {@code testdata/} folder: the fixtures' {@code tokenizer.json} files and
 * the benchmark corpus are read there.
 *
 * <p>Looked for, in order: the system property {@code benchmarks.shared} (the {@code testdata}
 * folder itself); {@code testdata} of the system property {@code transformers.root} (set by Surefire
 * to the repository root); {@code testdata} of the working directory or of any of its parents. JMH
 * forks inherit the working directory and the {@code -D} options of the {@code java} command that
 * started them.
 */
public final class Shared {
  private Shared() {}

  /** The {@code testdata/} folder. */
  public static Path dir() {
    String explicit = System.getProperty("benchmarks.shared");
    if (explicit != null && !explicit.isEmpty()) {
      Path dir = Paths.get(explicit).toAbsolutePath().normalize();
      if (!isShared(dir)) {
        throw new IllegalStateException(
            "-Dbenchmarks.shared=" + explicit + " has no tokenizers and bench-corpus");
      }
      return dir;
    }
    String root = System.getProperty("transformers.root");
    if (root != null && !root.isEmpty()) {
      Path dir = Paths.get(root).toAbsolutePath().normalize().resolve("testdata");
      if (isShared(dir)) {
        return dir;
      }
    }
    Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath().normalize();
    for (Path d = start; d != null && d.getParent() != null; d = d.getParent()) {
      Path dir = d.resolve("testdata");
      if (isShared(dir)) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "cannot find testdata/ (with tokenizers and bench-corpus) from the working"
            + " directory "
            + start
            + " or its parents; run from the repository root or pass -Dbenchmarks.shared=PATH");
  }

  /**
   * {@code testdata/tokenizers/<family>/tokenizer.json}, else {@code
   * testdata/bench-tokenizers/<family>/tokenizer.json} (families that only the benchmarks use:
   * they have no goldens).
   */
  public static Path tokenizerJson(String family) {
    Path fixture = dir().resolve("tokenizers").resolve(family).resolve("tokenizer.json");
    if (Files.isRegularFile(fixture)) {
      return fixture;
    }
    return dir().resolve("bench-tokenizers").resolve(family).resolve("tokenizer.json");
  }

  /** {@code testdata/bench-corpus/corpus.txt.gz}. */
  public static Path corpus() {
    return dir().resolve("bench-corpus").resolve("corpus.txt.gz");
  }

  private static boolean isShared(Path dir) {
    return Files.isDirectory(dir.resolve("tokenizers"))
        && Files.isDirectory(dir.resolve("bench-corpus"));
  }
}
