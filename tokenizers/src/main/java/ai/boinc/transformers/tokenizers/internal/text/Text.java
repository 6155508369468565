package ai.boinc.transformers.tokenizers.internal.text;

/** Character classes as the reference's regex engine defines them, and input clean-up. */
public final class Text {
  private Text() {}

  /**
   * {@code text} with every unpaired surrogate replaced by U+FFFD; the same string when there is
   * none. The length never changes, so offsets into the result are offsets into {@code text}.
   */
  public static String replaceLoneSurrogates(String text) {
    char[] chars = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (!Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = '\uFFFD';
      }
    }
    return chars == null ? text : new String(chars);
  }

  /** Unicode White_Space, which is what {@code \s} means to Rust's regex crate. */
  public static boolean isWhiteSpace(int cp) {
    return (cp >= 0x09 && cp <= 0x0D)
        || cp == 0x20
        || cp == 0x85
        || cp == 0xA0
        || cp == 0x1680
        || (cp >= 0x2000 && cp <= 0x200A)
        || cp == 0x2028
        || cp == 0x2029
        || cp == 0x202F
        || cp == 0x205F
        || cp == 0x3000;
  }

  /** Unicode {@code \w} as in Rust's regex crate (UTS #18 word character). */
  public static boolean isWordChar(int cp) {
    if (Character.isAlphabetic(cp) || cp == 0x200C || cp == 0x200D) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.DECIMAL_DIGIT_NUMBER
        || type == Character.CONNECTOR_PUNCTUATION;
  }

  /**
   * Transformers' {@code clean_up_tokenization}: removes the space before {@code . ? ! ,} and
   * before the English contractions {@code n't 'm 's 've 're}, and turns {@code " ' "} into
   * {@code "'"}. Each replacement runs over the whole text in this order, as in Transformers.
   */
  public static String cleanUpTokenizationSpaces(String text) {
    return text.replace(" .", ".")
        .replace(" ?", "?")
        .replace(" !", "!")
        .replace(" ,", ",")
        .replace(" ' ", "'")
        .replace(" n't", "n't")
        .replace(" 'm", "'m")
        .replace(" 's", "'s")
        .replace(" 've", "'ve")
        .replace(" 're", "'re");
  }
}
