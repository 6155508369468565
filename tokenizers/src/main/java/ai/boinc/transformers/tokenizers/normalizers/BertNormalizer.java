package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.BertChars;
import ai.boinc.transformers.tokenizers.internal.CharChanges;
import ai.boinc.transformers.tokenizers.internal.Text;

/**
 * JSON type {@code BertNormalizer}: BERT's text clean-up, in the reference's order — {@code
 * clean_text} drops NUL, U+FFFD and control/format/private-use characters and turns whitespace
 * into spaces; {@code handle_chinese_chars} puts spaces around CJK ideographs; {@code
 * strip_accents} decomposes (NFD) and drops nonspacing marks; {@code lowercase} lowercases each
 * character on its own. Every step keeps offsets; a dropped character is folded into the one
 * before it.
 *
 * <p>Character classes come from the reference's own (older) Unicode tables, so results do not
 * depend on the JDK. Immutable and thread-safe.
 *
 * <pre>{@code
 * new BertNormalizer(true, true, null, true).normalize("Héllo\t世界")   // "hello  世  界 "
 * }</pre>
 */
public final class BertNormalizer implements Normalizer {
  private final boolean cleanText;
  private final boolean handleChineseChars;
  private final boolean stripAccents;
  private final boolean lowercase;

  /**
   * @param stripAccents {@code null} to follow {@code lowercase}, as in the reference
   */
  public BertNormalizer(
      boolean cleanText, boolean handleChineseChars, Boolean stripAccents, boolean lowercase) {
    this.cleanText = cleanText;
    this.handleChineseChars = handleChineseChars;
    this.stripAccents = stripAccents == null ? lowercase : stripAccents;
    this.lowercase = lowercase;
  }

  public boolean cleanText() {
    return cleanText;
  }

  public boolean handleChineseChars() {
    return handleChineseChars;
  }

  /** Whether accents are stripped (an absent setting already resolved to {@link #lowercase()}). */
  public boolean stripAccents() {
    return stripAccents;
  }

  public boolean lowercase() {
    return lowercase;
  }

  @Override
  public void normalize(NormalizedString text) {
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

  @Override
  public String toString() {
    return "BertNormalizer{cleanText=" + cleanText + ", handleChineseChars=" + handleChineseChars
        + ", stripAccents=" + stripAccents + ", lowercase=" + lowercase + "}";
  }
}
