package ai.boinc.transformers.tokenizers.internal.text;

/**
 * Extended grapheme cluster boundaries (Unicode UAX #29), as far as the Precompiled normalizer can
 * tell them apart: it treats clusters shorter than 6 UTF-8 bytes as a whole and everything else
 * character by character. Implemented: CR LF, controls, Hangul syllable sequences, Extend / ZWJ /
 * SpacingMark after a character, Prepend before one, regional indicator pairs. Not implemented:
 * the emoji ZWJ rule (GB11) and the Indic conjunct rule (GB9c): the clusters they join are at least
 * 6 bytes long or single characters either way, so the normalizer's output does not change.
 * Stateless and thread-safe.
 */
public final class Graphemes {
  private static final int OTHER = 0;
  private static final int CR = 1;
  private static final int LF = 2;
  private static final int CONTROL = 3;
  private static final int EXTEND = 4;
  private static final int SPACING_MARK = 5;
  private static final int PREPEND = 6;
  private static final int L = 7;
  private static final int V = 8;
  private static final int T = 9;
  private static final int LV = 10;
  private static final int LVT = 11;
  private static final int REGIONAL_INDICATOR = 12;

  private Graphemes() {}

  /** End (exclusive) of the grapheme cluster that starts at {@code start} ({@code < s.length()}). */
  public static int clusterEnd(CharSequence s, int start) {
    int n = s.length();
    int cp = Character.codePointAt(s, start);
    int i = start + Character.charCount(cp);
    int prev = property(cp);
    int regionalIndicators = prev == REGIONAL_INDICATOR ? 1 : 0;
    while (i < n) {
      int next = Character.codePointAt(s, i);
      int cur = property(next);
      if (!joins(prev, cur, regionalIndicators)) {
        break;
      }
      regionalIndicators = cur == REGIONAL_INDICATOR ? regionalIndicators + 1 : 0;
      prev = cur;
      i += Character.charCount(next);
    }
    return i;
  }

  private static boolean joins(int prev, int cur, int regionalIndicators) {
    if (prev == CR && cur == LF) {
      return true;
    }
    if (prev == CR || prev == LF || prev == CONTROL || cur == CR || cur == LF || cur == CONTROL) {
      return false;
    }
    if (prev == L && (cur == L || cur == V || cur == LV || cur == LVT)) {
      return true;
    }
    if ((prev == LV || prev == V) && (cur == V || cur == T)) {
      return true;
    }
    if ((prev == LVT || prev == T) && cur == T) {
      return true;
    }
    if (cur == EXTEND || cur == SPACING_MARK || prev == PREPEND) {
      return true;
    }
    return prev == REGIONAL_INDICATOR && cur == REGIONAL_INDICATOR && regionalIndicators % 2 == 1;
  }

  private static int property(int cp) {
    if (cp < 0x7F) {
      if (cp == '\r') {
        return CR;
      }
      if (cp == '\n') {
        return LF;
      }
      return cp < 0x20 ? CONTROL : OTHER;
    }
    if (cp >= 0x1100 && cp <= 0x11FF) {
      return cp < 0x1160 ? L : cp < 0x11A8 ? V : T;
    }
    if (cp >= 0xAC00 && cp <= 0xD7A3) {
      return (cp - 0xAC00) % 28 == 0 ? LV : LVT;
    }
    if (cp >= 0xA960 && cp <= 0xA97C) {
      return L;
    }
    if (cp >= 0xD7B0 && cp <= 0xD7C6) {
      return V;
    }
    if (cp >= 0xD7CB && cp <= 0xD7FB) {
      return T;
    }
    if (cp >= 0x1F1E6 && cp <= 0x1F1FF) {
      return REGIONAL_INDICATOR;
    }
    if (isPrepend(cp)) {
      return PREPEND;
    }
    if (cp == 0x200C || cp == 0x200D || isOtherGraphemeExtend(cp) || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
      return EXTEND;
    }
    if (cp == 0x0E33 || cp == 0x0EB3) {
      return SPACING_MARK;
    }
    switch (Character.getType(cp)) {
      case Character.NON_SPACING_MARK:
      case Character.ENCLOSING_MARK:
        return EXTEND;
      case Character.COMBINING_SPACING_MARK:
        return isNotSpacingMark(cp) ? OTHER : SPACING_MARK;
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SURROGATE:
        return CONTROL;
      case Character.UNASSIGNED:
        return isDefaultIgnorable(cp) ? CONTROL : OTHER;
      default:
        return OTHER;
    }
  }

  /** Prepended concatenation marks and the other Prepend characters. */
  private static boolean isPrepend(int cp) {
    return (cp >= 0x0600 && cp <= 0x0605)
        || cp == 0x06DD
        || cp == 0x070F
        || cp == 0x0890
        || cp == 0x0891
        || cp == 0x08E2
        || cp == 0x0D4E
        || cp == 0x110BD
        || cp == 0x110CD
        || cp == 0x111C2
        || cp == 0x111C3
        || cp == 0x1193F
        || cp == 0x11941
        || cp == 0x11A3A
        || (cp >= 0x11A84 && cp <= 0x11A89)
        || cp == 0x11D46
        || cp == 0x11F02;
  }

  /** Grapheme_Extend characters that are not Mn or Me (Other_Grapheme_Extend). */
  private static boolean isOtherGraphemeExtend(int cp) {
    switch (cp) {
      case 0x09BE: case 0x09D7: case 0x0B3E: case 0x0B57: case 0x0BBE: case 0x0BD7:
      case 0x0CC2: case 0x0CD5: case 0x0CD6: case 0x0D3E: case 0x0D57: case 0x0DCF:
      case 0x0DDF: case 0x1B35: case 0x302E: case 0x302F: case 0xFF9E: case 0xFF9F:
      case 0x1133E: case 0x11357: case 0x114B0: case 0x114BD: case 0x115AF: case 0x11930:
      case 0x1D165:
        return true;
      default:
        return (cp >= 0x1D16E && cp <= 0x1D172) || (cp >= 0xE0020 && cp <= 0xE007F);
    }
  }

  /** Spacing marks that UAX #29 leaves out of SpacingMark. */
  private static boolean isNotSpacingMark(int cp) {
    switch (cp) {
      case 0x102B: case 0x102C: case 0x1038: case 0x1083: case 0x108F: case 0x1A61:
      case 0x1A63: case 0x1A64: case 0xAA7B: case 0xAA7D: case 0x11720: case 0x11721:
        return true;
      default:
        return (cp >= 0x1062 && cp <= 0x1064)
            || (cp >= 0x1067 && cp <= 0x106D)
            || (cp >= 0x1087 && cp <= 0x108C)
            || (cp >= 0x109A && cp <= 0x109C);
    }
  }

  /** Unassigned code points that are Default_Ignorable (they count as Control). */
  private static boolean isDefaultIgnorable(int cp) {
    return (cp >= 0x2060 && cp <= 0x206F)
        || (cp >= 0xFFF0 && cp <= 0xFFF8)
        || (cp >= 0xE0000 && cp <= 0xE0FFF);
  }
}
