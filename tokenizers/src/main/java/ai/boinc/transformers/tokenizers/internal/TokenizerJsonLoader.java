package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.internal.json.IntMembers;
import ai.boinc.transformers.tokenizers.internal.json.TokenizerJson;
import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import ai.boinc.transformers.tokenizers.AddedToken;
import ai.boinc.transformers.tokenizers.TokenizerConfig;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.decoders.Decoder;
import ai.boinc.transformers.tokenizers.models.Model;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import ai.boinc.transformers.tokenizers.processors.PostProcessor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RecursiveAction;

/**
 * Reads {@code tokenizer.json} and {@code tokenizer_config.json}; each stage's object goes to its
 * factory ({@link NormalizerFactory}, {@link PreTokenizerFactory}, {@link ModelFactory}, {@link
 * PostProcessorFactory}, {@link DecoderFactory}).
 */
public final class TokenizerJsonLoader {
  /** JSON nesting deeper than this is refused (real files nest about 8 deep). */
  public static final int MAX_NESTING_DEPTH = 100;
  /** Larger documents are refused (the largest real tokenizer.json files are about 35 MB). */
  public static final long MAX_DOCUMENT_LENGTH = 512L * 1024 * 1024;
  /** Longer JSON strings are refused (a precompiled charsmap is a few hundred KB). */
  public static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

  private TokenizerJsonLoader() {}

  /** Parses JSON text (UTF-8); {@code source} names it in messages. Returns a {@link TokenizerJson} tree. */
  public static Object parse(byte[] utf8, String source) {
    return TokenizerJson.parse(utf8, source);
  }

  /** Reads and parses a JSON file; returns a {@link TokenizerJson} tree. */
  public static Object parse(Path file) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_DOCUMENT_LENGTH) {
        throw new TokenizerLoadException(
            file + " exceeds a limit of transformers-java: document length " + size
                + " bytes (limit " + MAX_DOCUMENT_LENGTH + ")");
      }
      bytes = readAll(file, (int) size);
    } catch (NoSuchFileException e) {
      throw new TokenizerLoadException("no such file: " + file, e);
    } catch (IOException e) {
      throw new TokenizerLoadException("cannot read " + file + ": " + e, e);
    }
    return parse(bytes, file.toString());
  }

  /**
   * The bytes of {@code file}, {@code size} expected, read into the array in 64 KiB steps: about
   * half the time of {@link Files#readAllBytes} in a fresh JVM, which reads through a temporary
   * direct buffer as large as the file. A file that changed size meanwhile is read again whole.
   */
  private static byte[] readAll(Path file, int size) throws IOException {
    byte[] bytes = new byte[size];
    try (SeekableByteChannel channel = Files.newByteChannel(file)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.position() < size) {
        buffer.limit(Math.min(buffer.position() + READ_STEP, size));
        if (channel.read(buffer) < 0) {
          break;
        }
      }
      if (buffer.position() < size || channel.read(ByteBuffer.allocate(1)) >= 0) {
        return Files.readAllBytes(file);
      }
    }
    return bytes;
  }

  private static final int READ_STEP = 1 << 16;

  /** Reads and loads the {@code tokenizer.json} at {@code file}. */
  public static PipelineTokenizer loadFile(Path file) {
    return load(parse(file), file); // parse errors name the file already
  }

  /**
   * Builds the pipeline of {@code document}, read from {@code file}: a component error names the
   * file before its JSON path, since the path alone does not say which of several files was wrong.
   */
  public static PipelineTokenizer load(Object document, Path file) {
    try {
      return load(document);
    } catch (TokenizerLoadException e) {
      throw new TokenizerLoadException(file + ": " + e.getMessage(), e.jsonPath().orElse(null), e);
    }
  }

  /** Builds the pipeline a parsed {@code tokenizer.json} describes. */
  public static PipelineTokenizer load(Object document) {
    JsonValue root = JsonValue.root(document);
    if (!root.isObject()) {
      throw root.mismatch("a tokenizer.json object");
    }
    JsonValue version = root.get("version");
    if (!version.isAbsent() && !version.asString().equals("1.0")) {
      throw version.error("unknown tokenizer.json version '" + version.asString() + "', expected '1.0'");
    }
    Optional<Truncation> truncation = TruncationPaddingJson.truncation(root.get("truncation"));
    Optional<Padding> padding = TruncationPaddingJson.padding(root.get("padding"));
    JsonValue modelJson = root.get("model");
    if (modelJson.isAbsent()) {
      throw modelJson.mismatch("a model object");
    }
    FrontEnd front = new FrontEnd(root);
    Model model;
    JsonValue vocab = modelJson.isObject() ? modelJson.get("vocab") : modelJson;
    if (vocab.node() instanceof IntMembers && ((IntMembers) vocab.node()).count() >= PARALLEL_VOCABULARY) {
      // A large model takes most of the load; the normalizer and pre-tokenizer (regexes, tables)
      // are built meanwhile on a pool thread. Their errors still come first, as in document order.
      front.fork();
      RuntimeException modelFailure = null;
      Model built = null;
      try {
        built = ModelFactory.INSTANCE.create(modelJson);
      } catch (RuntimeException e) {
        modelFailure = e;
      }
      front.join();
      front.rethrow();
      if (modelFailure != null) {
        throw modelFailure;
      }
      model = built;
    } else {
      front.compute();
      front.rethrow();
      model = ModelFactory.INSTANCE.create(modelJson);
    }
    Normalizer normalizer = front.normalizer;
    PreTokenizer preTokenizer = front.preTokenizer;
    PostProcessor postProcessor =
        optional(root.get("post_processor")) ? PostProcessorFactory.INSTANCE.create(root.get("post_processor")) : null;
    Decoder decoder = optional(root.get("decoder")) ? DecoderFactory.INSTANCE.create(root.get("decoder")) : null;
    List<AddedToken> added = addedTokens(root.get("added_tokens"));
    PipelineTokenizer tokenizer;
    try {
      tokenizer = new PipelineTokenizer(normalizer, preTokenizer, model, postProcessor, decoder, added, null);
    } catch (RuntimeException e) {
      // Added tokens are normalized at load; a normalizer may fail on them.
      JsonValue at = root.get("added_tokens");
      throw new TokenizerLoadException("invalid added tokens at " + at.path() + ": " + e, at.path(), e);
    }
    return tokenizer.withTruncationAndPadding(truncation, padding);
  }

  /** Vocabularies at least this large are built while the normalizer and pre-tokenizer are. */
  private static final int PARALLEL_VOCABULARY = 20_000;

  /**
   * The normalizer and pre-tokenizer. A failure is kept and rethrown by {@link #rethrow} on the
   * loading thread, unchanged (a task's join would rethrow a copy).
   */
  private static final class FrontEnd extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private final transient JsonValue root;
    transient Normalizer normalizer;
    transient PreTokenizer preTokenizer;
    private transient RuntimeException failure;
    private transient Error error;

    FrontEnd(JsonValue root) {
      this.root = root;
    }

    @Override
    protected void compute() {
      try {
        normalizer = optional(root.get("normalizer")) ? NormalizerFactory.INSTANCE.create(root.get("normalizer")) : null;
        preTokenizer =
            optional(root.get("pre_tokenizer")) ? PreTokenizerFactory.INSTANCE.create(root.get("pre_tokenizer")) : null;
      } catch (RuntimeException e) {
        failure = e;
      } catch (Error e) {
        error = e;
      }
    }

    void rethrow() {
      if (error != null) {
        throw error;
      }
      if (failure != null) {
        throw failure;
      }
    }
  }

  private static boolean optional(JsonValue v) {
    return !v.isAbsent();
  }

  private static List<AddedToken> addedTokens(JsonValue json) {
    List<AddedToken> out = new ArrayList<>();
    if (json.isAbsent()) {
      return out;
    }
    for (JsonValue t : json.elements()) {
      t.requireObject();
      JsonValue id = t.get("id");
      if (!id.isAbsent()) {
        // Checked only: like the reference, ids are assigned from the vocabulary.
        id.asNonNegativeInt();
      }
      out.add(addedToken(t, t.string("content"), t.bool("special", false)));
    }
    return out;
  }

  /** An AddedToken object; absent flags take the reference's defaults. */
  static AddedToken addedToken(JsonValue t, String content, boolean special) {
    return AddedToken.newBuilder(content, special)
        .singleWord(t.bool("single_word", false))
        .lstrip(t.bool("lstrip", false))
        .rstrip(t.bool("rstrip", false))
        .normalized(t.bool("normalized", !special))
        .build();
  }

  /** Parses a {@code tokenizer_config.json} (see {@link ConfigApplier}). */
  public static TokenizerConfig config(Object document) {
    return ConfigApplier.parse(document);
  }
}
