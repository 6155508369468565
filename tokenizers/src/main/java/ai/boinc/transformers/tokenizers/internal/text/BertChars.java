package ai.boinc.transformers.tokenizers.internal.text;

/**
 * The character classes the reference's BERT components use, looked up in {@link BertCharTables}
 * (generated from the reference itself) so they do not depend on the JDK's Unicode version.
 * Stateless and thread-safe.
 */
public final class BertChars {
  private BertChars() {}

  /** Cc, Cf or Co in the reference's (old) tables, minus tab, newline and carriage return. */
  public static boolean isOther(int cp) {
    if (cp < 0x7F) {
      return cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != 0;
    }
    return inRanges(BertCharTables.OTHER, cp);
  }

  /** ASCII punctuation (all of {@code !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~}) or Unicode P*. */
  public static boolean isPunctuation(int cp) {
    if (cp < 0x80) {
      return (cp >= 0x21 && cp <= 0x2F)
          || (cp >= 0x3A && cp <= 0x40)
          || (cp >= 0x5B && cp <= 0x60)
          || (cp >= 0x7B && cp <= 0x7E);
    }
    return inRanges(BertCharTables.PUNCTUATION, cp);
  }

  /** {@link #preTokenClass}: neither whitespace nor punctuation. */
  public static final byte WORD = 0;
  /** {@link #preTokenClass}: whitespace ({@link Text#isWhiteSpace}). */
  public static final byte SPACE = 1;
  /** {@link #preTokenClass}: punctuation ({@link #isPunctuation}). */
  public static final byte PUNCTUATION = 2;
  /** {@link #preTokenClass}: a high surrogate; the class is that of its code point. */
  public static final byte HIGH_SURROGATE = 3;

  /**
   * What BertPreTokenizer makes of a UTF-16 unit: {@link #WORD}, {@link #SPACE}, {@link
   * #PUNCTUATION} or {@link #HIGH_SURROGATE}. One array read, where the two predicates take a
   * range search each.
   */
  public static byte preTokenClass(char c) {
    return PreTokenClasses.TABLE[c];
  }

  /** The class of a whole code point (never {@link #HIGH_SURROGATE}). */
  public static byte codePointPreTokenClass(int cp) {
    if (Text.isWhiteSpace(cp)) {
      return SPACE;
    }
    return isPunctuation(cp) ? PUNCTUATION : WORD;
  }

  private static final class PreTokenClasses {
    static final byte[] TABLE = build();

    private static byte[] build() {
      byte[] table = new byte[0x10000];
      for (int c = 0; c < table.length; c++) {
        table[c] = Character.isHighSurrogate((char) c) ? HIGH_SURROGATE : codePointPreTokenClass(c);
      }
      return table;
    }
  }

  /** Mn in the reference's tables (what strip_accents removes after NFD). */
  public static boolean isNonspacingMark(int cp) {
    return cp >= 0x300 && inRanges(BertCharTables.NONSPACING_MARK, cp);
  }

  /** The CJK ideograph blocks the reference surrounds with spaces. */
  public static boolean isChineseChar(int cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF)
        || (cp >= 0x3400 && cp <= 0x4DBF)
        || (cp >= 0x20000 && cp <= 0x2A6DF)
        || (cp >= 0x2A700 && cp <= 0x2B73F)
        || (cp >= 0x2B740 && cp <= 0x2B81F)
        || (cp >= 0x2B920 && cp <= 0x2CEAF)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0x2F800 && cp <= 0x2FA1F);
  }

  /**
   * The full lowercase of one character as Rust's {@code char::to_lowercase} gives it (no context:
   * a final sigma stays σ): the mapped code point, or -1 when it maps to several, see {@link
   * #lowercaseSpecial}.
   */
  public static int lowercase(int cp) {
    if (cp < 0x80) {
      return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    }
    int[] runs = BertCharTables.LOWERCASE_RUNS;
    int lo = 0;
    int hi = runs.length / 4 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int first = runs[4 * mid];
      int last = runs[4 * mid + 1];
      if (cp < first) {
        hi = mid - 1;
      } else if (cp > last) {
        lo = mid + 1;
      } else {
        int stride = runs[4 * mid + 2];
        return stride == 0 || (cp - first) % stride == 0 ? cp + runs[4 * mid + 3] : cp;
      }
    }
    for (int[] special : BertCharTables.LOWERCASE_SPECIAL) {
      if (special[0] == cp) {
        return -1;
      }
    }
    return cp;
  }

  /** The several code points {@code cp} lowercases to, when {@link #lowercase} gave -1. */
  public static int[] lowercaseSpecial(int cp) {
    for (int[] special : BertCharTables.LOWERCASE_SPECIAL) {
      if (special[0] == cp) {
        return java.util.Arrays.copyOfRange(special, 1, special.length);
      }
    }
    return new int[] {cp};
  }

  /**
   * The canonical decomposition (NFD) of one character, or {@code null} when NFD leaves it alone.
   * U+11938 keeps its form: the reference's normalization data predates Unicode 13, which gave it
   * a decomposition.
   */
  public static int[] decomposition(int cp) {
    if (cp < 0xC0 || cp == 0x11938) {
      return null;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
      int index = cp - 0xAC00;
      int trailing = index % 28;
      int l = 0x1100 + index / 588;
      int v = 0x1161 + (index % 588) / 28;
      return trailing == 0 ? new int[] {l, v} : new int[] {l, v, 0x11A7 + trailing};
    }
    if (cp <= 0xFFFF) {
      int[][] table = BmpDecompositions.TABLE;
      return table[cp];
    }
    return decompose(cp);
  }

  private static int[] decompose(int cp) {
    String s = new String(Character.toChars(cp));
    String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
    return d.equals(s) ? null : d.codePoints().toArray();
  }

  /** Decompositions of the BMP, built on first use (about 2,000 entries; Hangul syllables are computed). */
  private static final class BmpDecompositions {
    static final int[][] TABLE = build();

    private static int[][] build() {
      int[][] table = new int[0x10000][];
      for (int cp = 0xC0; cp <= 0xFFFF; cp++) {
        if (!Character.isSurrogate((char) cp) && (cp < 0xAC00 || cp > 0xD7A3)) {
          table[cp] = decompose(cp);
        }
      }
      return table;
    }
  }

  /** Whether {@code cp} lies in one of the inclusive {@code [first, last]} pairs. */
  static boolean inRanges(int[] ranges, int cp) {
    int lo = 0;
    int hi = ranges.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (cp < ranges[2 * mid]) {
        hi = mid - 1;
      } else if (cp > ranges[2 * mid + 1]) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }
}
