package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.internal.text.ByteLevelAlphabet;
import ai.boinc.transformers.tokenizers.internal.regex.OnigRegex;
import java.util.List;

/**
 * JSON type {@code ByteLevel} (as a pre-tokenizer): optionally puts a space in front of every
 * piece that does not start with one ({@code add_prefix_space}), optionally splits pieces with
 * GPT-2's word regex ({@code use_regex}), then rewrites every piece as one {@link
 * ByteLevelAlphabet} character per UTF-8 byte, so that byte-level BPE vocabularies (GPT-2,
 * RoBERTa, Llama 3, Qwen, o200k) can tokenize any text. Each byte keeps the offsets of the whole
 * character it belongs to. ({@code trim_offsets} only matters to the post-processor.) Immutable
 * and thread-safe.
 */
public final class ByteLevelPreTokenizer implements PreTokenizer {
  /** GPT-2's pre-tokenization pattern (Oniguruma syntax). */
  public static final String GPT2_PATTERN =
      "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

  private static final OnigRegex GPT2 = OnigRegex.compile(GPT2_PATTERN);

  private final boolean addPrefixSpace;
  private final boolean useRegex;

  public ByteLevelPreTokenizer(boolean addPrefixSpace, boolean useRegex) {
    this.addPrefixSpace = addPrefixSpace;
    this.useRegex = useRegex;
  }

  public boolean addPrefixSpace() {
    return addPrefixSpace;
  }

  public boolean useRegex() {
    return useRegex;
  }

  @Override
  public void preTokenize(PreTokenizedString text) {
    if (addPrefixSpace || useRegex) {
      text.splitEach(
          piece -> {
            if (addPrefixSpace && !piece.normalized().startsWith(" ")) {
              piece.prepend(" ");
            }
            if (!useRegex) {
              return List.of(piece);
            }
            return SplitDelimiterBehavior.ISOLATED.split(
                piece, GPT2.findAll(piece.normalized()), false);
          });
    }
    text.rewriteEach(ByteLevelAlphabet::toByteLevel);
  }

  @Override
  public String toString() {
    return "ByteLevel(add_prefix_space=" + addPrefixSpace + ", use_regex=" + useRegex + ")";
  }
}
