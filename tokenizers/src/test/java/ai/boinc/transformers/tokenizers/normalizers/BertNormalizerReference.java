package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.BertChars;
import ai.boinc.transformers.tokenizers.internal.text.CharChanges;
import ai.boinc.transformers.tokenizers.internal.text.Text;

/**
 * Test reference: BertNormalizer as the reference library runs it, four separate passes (clean
 * text, pad CJK, NFD + drop marks, lowercase), each a whole-string transform. {@link
 * BertNormalizer}'s single pass must give the same text and alignments.
 */
final class BertNormalizerReference {
  private final boolean cleanText;
  private final boolean handleChineseChars;
  private final boolean stripAccents;
  private final boolean lowercase;

  BertNormalizerReference(
      boolean cleanText, boolean handleChineseChars, Boolean stripAccents, boolean lowercase) {
    this.cleanText = cleanText;
    this.handleChineseChars = handleChineseChars;
    this.stripAccents = stripAccents == null ? lowercase : stripAccents;
    this.lowercase = lowercase;
  }

  void normalize(NormalizedString text) {
    if (cleanText) {
      cleanText(text);
    }
    if (handleChineseChars) {
      padChineseChars(text);
    }
    if (stripAccents) {
      stripAccents(text);
    }
    if (lowercase) {
      lowercase(text);
    }
  }

  private static void cleanText(NormalizedString text) {
    String s = text.normalized();
    CharChanges changes = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int n = Character.charCount(cp);
      boolean drop = cp == 0 || cp == 0xFFFD || BertChars.isOther(cp);
      // Tab, newline and carriage return count as whitespace, not control, as in the reference.
      int mapped = !drop && (Text.isWhiteSpace(cp) || cp == '\t' || cp == '\n' || cp == '\r') ? ' ' : cp;
      if (changes == null && (drop || mapped != cp)) {
        changes = startWith(s, i);
      }
      if (changes != null) {
        if (drop) {
          changes.remove();
        } else {
          changes.add(mapped, 0);
        }
      }
      i += n;
    }
    if (changes != null) {
      changes.applyTo(text);
    }
  }

  private static void padChineseChars(NormalizedString text) {
    String s = text.normalized();
    CharChanges changes = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean chinese = BertChars.isChineseChar(cp);
      if (changes == null && chinese) {
        changes = startWith(s, i);
      }
      if (changes != null) {
        if (chinese) {
          changes.add(' ', 1);
          changes.add(cp, 0);
          changes.add(' ', 1);
        } else {
          changes.add(cp, 0);
        }
      }
      i += Character.charCount(cp);
    }
    if (changes != null) {
      changes.applyTo(text);
    }
  }

  /**
   * NFD, then nonspacing marks dropped — two steps, as in the reference: a mark dropped after a
   * decomposed character folds into that character's last piece, which keeps its own offsets.
   */
  private static void stripAccents(NormalizedString text) {
    decompose(text);
    String s = text.normalized();
    CharChanges changes = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      boolean mark = BertChars.isNonspacingMark(cp);
      if (changes == null && mark) {
        changes = startWith(s, i);
      }
      if (changes != null) {
        if (mark) {
          changes.remove();
        } else {
          changes.add(cp, 0);
        }
      }
      i += Character.charCount(cp);
    }
    if (changes != null) {
      changes.applyTo(text);
    }
  }

  /** Canonical decomposition of each character; its pieces share the character's offsets. */
  private static void decompose(NormalizedString text) {
    String s = text.normalized();
    CharChanges changes = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int[] decomposition = BertChars.decomposition(cp);
      if (changes == null && decomposition != null) {
        changes = startWith(s, i);
      }
      if (changes != null) {
        if (decomposition == null) {
          changes.add(cp, 0);
        } else {
          for (int k = 0; k < decomposition.length; k++) {
            changes.add(decomposition[k], k == 0 ? 0 : 1);
          }
        }
      }
      i += Character.charCount(cp);
    }
    if (changes != null) {
      changes.applyTo(text);
    }
  }

  private static void lowercase(NormalizedString text) {
    String s = text.normalized();
    CharChanges changes = null;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int lower = BertChars.lowercase(cp);
      if (changes == null && lower != cp) {
        changes = startWith(s, i);
      }
      if (changes != null) {
        if (lower >= 0) {
          changes.add(lower, 0);
        } else {
          int[] several = BertChars.lowercaseSpecial(cp);
          for (int k = 0; k < several.length; k++) {
            changes.add(several[k], k == 0 ? 0 : 1);
          }
        }
      }
      i += Character.charCount(cp);
    }
    if (changes != null) {
      changes.applyTo(text);
    }
  }

  /** Changes that keep the characters before {@code end} as they are. */
  private static CharChanges startWith(String s, int end) {
    CharChanges changes = new CharChanges(s.length() + 8);
    for (int i = 0; i < end; ) {
      int cp = s.codePointAt(i);
      changes.add(cp, 0);
      i += Character.charCount(cp);
    }
    return changes;
  }

}
