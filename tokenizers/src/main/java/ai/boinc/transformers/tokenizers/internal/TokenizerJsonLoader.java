package ai.boinc.transformers.tokenizers.internal;

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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code tokenizer.json} and {@code tokenizer_config.json} through the registry. */
public final class TokenizerJsonLoader {
  /** JSON nesting deeper than this is refused (real files nest about 8 deep). */
  public static final int MAX_NESTING_DEPTH = 100;
  /** Larger documents are refused (the largest real tokenizer.json files are about 35 MB). */
  public static final long MAX_DOCUMENT_LENGTH = 512L * 1024 * 1024;
  /** Longer JSON strings are refused (a precompiled charsmap is a few hundred KB). */
  public static final int MAX_STRING_LENGTH = 64 * 1024 * 1024;

  private TokenizerJsonLoader() {}

  /** Parses JSON text (UTF-8); {@code source} names it in messages. Returns a {@link JsonReader} tree. */
  public static Object parse(byte[] utf8, String source) {
    return JsonReader.parse(utf8, source);
  }

  /** Reads and parses a JSON file; returns a {@link JsonReader} tree. */
  public static Object parse(Path file) {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_DOCUMENT_LENGTH) {
        throw new TokenizerLoadException(
            file + " exceeds a limit of transformers-java: document length " + size
                + " bytes (limit " + MAX_DOCUMENT_LENGTH + ")");
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new TokenizerLoadException("no such file: " + file, e);
    } catch (IOException e) {
      throw new TokenizerLoadException("cannot read " + file + ": " + e, e);
    }
    return parse(bytes, file.toString());
  }

  /** Builds the pipeline a parsed {@code tokenizer.json} describes. */
  public static PipelineTokenizer load(Object document, ComponentRegistry registry) {
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
    Normalizer normalizer = optional(root.get("normalizer")) ? registry.normalizer(root.get("normalizer")) : null;
    PreTokenizer preTokenizer =
        optional(root.get("pre_tokenizer")) ? registry.preTokenizer(root.get("pre_tokenizer")) : null;
    Model model = registry.model(modelJson);
    PostProcessor postProcessor =
        optional(root.get("post_processor")) ? registry.postProcessor(root.get("post_processor")) : null;
    Decoder decoder = optional(root.get("decoder")) ? registry.decoder(root.get("decoder")) : null;
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
