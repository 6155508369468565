package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import ai.boinc.transformers.tokenizers.internal.text.Text;
import java.util.OptionalInt;

/**
 * Transformers.js's {@code Tokenizer.decode} on top of the pipeline's decoder: an id outside the
 * vocabulary becomes the model's unknown token (the raw layer drops it), special tokens are
 * dropped on request, an end-of-word suffix (CLIP's {@code </w>}) becomes a space — and the text
 * is trimmed when special tokens are skipped — and spaces are cleaned up unless the call or the
 * config's {@code clean_up_tokenization_spaces} says no (Transformers.js's default is yes).
 */
final class ModelDecoder {
  private static final DecodeOptions RAW_KEEP = DecodeOptions.newBuilder().cleanUpTokenizationSpaces(false).build();
  private static final DecodeOptions RAW_SKIP =
      DecodeOptions.newBuilder().skipSpecialTokens(true).cleanUpTokenizationSpaces(false).build();

  private final PipelineTokenizer pipeline;
  private final String endOfWordSuffix;
  /** The id unknown ids decode as, or -1 if the model has no unknown token. */
  private final int unkId;
  private final boolean cleanUpByDefault;

  /**
   * @param endOfWordSuffix the BPE model's {@code end_of_word_suffix}, or null
   * @param modelUnkToken the model's {@code unk_token}, or null
   */
  ModelDecoder(
      PipelineTokenizer pipeline, String endOfWordSuffix, String modelUnkToken, boolean cleanUpByDefault) {
    this.pipeline = pipeline;
    this.endOfWordSuffix = endOfWordSuffix == null || endOfWordSuffix.isEmpty() ? null : endOfWordSuffix;
    OptionalInt unk = modelUnkToken == null ? OptionalInt.empty() : pipeline.tokenToId(modelUnkToken);
    this.unkId = unk.orElse(-1);
    this.cleanUpByDefault = cleanUpByDefault;
  }

  String decode(int[] ids, DecodeOptions options) {
    int[] known = ids;
    if (unkId >= 0) {
      for (int i = 0; i < ids.length; i++) {
        if (pipeline.idToToken(ids[i]).isEmpty()) {
          if (known == ids) {
            known = ids.clone();
          }
          known[i] = unkId;
        }
      }
    }
    boolean skip = options.skipsSpecialTokens();
    String text = pipeline.decode(known, skip ? RAW_SKIP : RAW_KEEP);
    if (endOfWordSuffix != null) {
      text = text.replace(endOfWordSuffix, " ");
      if (skip) {
        text = trimAsJavaScript(text);
      }
    }
    return options.cleanUpTokenizationSpaces().orElse(cleanUpByDefault)
        ? Text.cleanUpTokenizationSpaces(text)
        : text;
  }

  /** JavaScript's {@code String.prototype.trim}: its white space is wider than Java's. */
  static String trimAsJavaScript(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isJsSpace(text.charAt(start))) {
      start++;
    }
    while (end > start && isJsSpace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isJsSpace(char c) {
    return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == 0xFEFF
        || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.SPACE_SEPARATOR;
  }
}
