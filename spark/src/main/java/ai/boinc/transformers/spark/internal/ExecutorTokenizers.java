package ai.boinc.transformers.spark.internal;

import ai.boinc.transformers.tokenizers.ModelTokenizer;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One tokenizer per JVM for each set of tokenizer files, keyed by their SHA-256: every task of an
 * executor shares it (tokenizers are immutable and thread-safe). Building needs no network: the
 * files are written to a temporary folder, loaded, and the folder is removed.
 */
public final class ExecutorTokenizers {
  private static final Map<String, ModelTokenizer> TOKENIZERS = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> BUILDS = new ConcurrentHashMap<>();

  private ExecutorTokenizers() {}

  /** The tokenizer of {@code files}, built on first use in this JVM. */
  public static ModelTokenizer get(TokenizerFiles files) {
    ModelTokenizer cached = TOKENIZERS.get(files.sha256());
    if (cached != null) {
      return cached;
    }
    return TOKENIZERS.computeIfAbsent(files.sha256(), hash -> build(files));
  }

  /** How often this JVM built the tokenizer with this SHA-256 (1 after first use, then stays). */
  public static int builds(String sha256) {
    AtomicInteger count = BUILDS.get(sha256);
    return count == null ? 0 : count.get();
  }

  private static ModelTokenizer build(TokenizerFiles files) {
    BUILDS.computeIfAbsent(files.sha256(), hash -> new AtomicInteger()).incrementAndGet();
    Path dir = null;
    try {
      dir = Files.createTempDirectory("transformers-spark-" + files.sha256().substring(0, 12));
      files.writeTo(dir);
      return Tokenizers.fromDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the tokenizer files of " + files.source()
          + " to a temporary folder; check java.io.tmpdir", e);
    } finally {
      if (dir != null) {
        deleteRecursively(dir);
      }
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.list(dir)) {
      for (Path file : (Iterable<Path>) paths::iterator) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      dir.toFile().deleteOnExit();
    }
  }
}
