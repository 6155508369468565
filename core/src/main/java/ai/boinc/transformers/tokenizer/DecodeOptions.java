package ai.boinc.transformers.tokenizer;

/** Options of one {@link Tokenizer#decode(int[], DecodeOptions)} call. Immutable. */
public final class DecodeOptions {
  private static final DecodeOptions DEFAULTS = new DecodeOptions(false);
  private static final DecodeOptions SKIP_SPECIAL = new DecodeOptions(true);

  private final boolean skipSpecialTokens;

  private DecodeOptions(boolean skipSpecialTokens) {
    this.skipSpecialTokens = skipSpecialTokens;
  }

  /** Special tokens are kept, as the reference library's {@code decode(ids, false)}. */
  public static DecodeOptions defaults() {
    return DEFAULTS;
  }

  /** Drops special tokens ({@code <s>}, {@code [CLS]}, ...) from the text. */
  public static DecodeOptions skipSpecialTokens() {
    return SKIP_SPECIAL;
  }

  public boolean skipsSpecialTokens() {
    return skipSpecialTokens;
  }

  @Override
  public String toString() {
    return "DecodeOptions{skipSpecialTokens=" + skipSpecialTokens + "}";
  }
}
