package ai.boinc.transformers.spark.internal;

import ai.boinc.transformers.tokenizers.Tokenizers;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bytes of a tokenizer's files ({@code tokenizer.json} and, when present, {@code
 * tokenizer_config.json}, {@code special_tokens_map.json}, {@code chat_template.jinja}): the value
 * that is broadcast. Holds no credential and no hub address, only file names and contents, and
 * the SHA-256 of both that keys the executors' cache. Immutable.
 */
public final class TokenizerFiles implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String TOKENIZER_JSON = Tokenizers.MODEL_FILES.get(0);
  /** The files read beside {@code tokenizer.json} when they exist, in a fixed order. */
  public static final List<String> OPTIONAL_FILES = Tokenizers.MODEL_FILES.subList(1, Tokenizers.MODEL_FILES.size());

  private final LinkedHashMap<String, byte[]> files;
  private final String sha256;
  /** Where the files came from, for messages: a repo and commit, or a folder. */
  private final String source;

  private TokenizerFiles(LinkedHashMap<String, byte[]> files, String source) {
    this.files = files;
    this.sha256 = digest(files);
    this.source = source;
  }

  /**
   * Reads {@code tokenizer.json} and those of {@link #OPTIONAL_FILES} that exist in {@code dir}.
   *
   * @throws UncheckedIOException if a file cannot be read
   * @throws IllegalArgumentException if {@code dir} has no {@code tokenizer.json}
   */
  public static TokenizerFiles read(Path dir, String source) {
    Objects.requireNonNull(dir, "dir");
    if (!Files.isRegularFile(dir.resolve(TOKENIZER_JSON))) {
      throw new IllegalArgumentException("no " + TOKENIZER_JSON + " in " + dir);
    }
    LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
    files.put(TOKENIZER_JSON, readAll(dir.resolve(TOKENIZER_JSON)));
    for (String name : OPTIONAL_FILES) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        files.put(name, readAll(file));
      }
    }
    return new TokenizerFiles(files, Objects.requireNonNull(source, "source"));
  }

  private static byte[] readAll(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Lower-case hex SHA-256 over every file name and content, in order. */
  public String sha256() {
    return sha256;
  }

  public String source() {
    return source;
  }

  /** File names to contents; the arrays are not copied: do not change them. */
  public Map<String, byte[]> files() {
    return Collections.unmodifiableMap(files);
  }

  /** Total size of the contents in bytes. */
  public long size() {
    long total = 0;
    for (byte[] content : files.values()) {
      total += content.length;
    }
    return total;
  }

  /** Writes the files into {@code dir}, which must exist. */
  public void writeTo(Path dir) {
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      try {
        Files.write(dir.resolve(file.getKey()), file.getValue());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + dir.resolve(file.getKey()), e);
      }
    }
  }

  private static String digest(Map<String, byte[]> files) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
      sha.update(name);
      sha.update((byte) 0);
      sha.update(longBytes(file.getValue().length));
      sha.update(file.getValue());
    }
    StringBuilder hex = new StringBuilder(64);
    for (byte b : sha.digest()) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }

  private static byte[] longBytes(long value) {
    byte[] out = new byte[8];
    for (int i = 7; i >= 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }

  @Override
  public String toString() {
    return "TokenizerFiles{" + source + ", " + files.keySet() + ", " + size() + " bytes, sha256="
        + sha256 + "}";
  }
}
