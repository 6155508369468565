package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.CharChanges;
import ai.boinc.transformers.tokenizers.internal.Graphemes;
import ai.boinc.transformers.tokenizers.internal.SpmCharsmap;
import java.util.Objects;

/**
 * JSON type {@code Precompiled}: the normalization a SentencePiece model carries in its {@code
 * precompiled_charsmap} (for T5 an NFKC-like map that also turns tabs and newlines into spaces).
 * As in the reference, the text is walked by grapheme cluster: a cluster shorter than 6 UTF-8
 * bytes is looked up whole, and if the map has an entry for some prefix of it, the whole cluster
 * becomes that entry's replacement; otherwise each character is looked up on its own. New
 * characters take the offsets of the characters they replace.
 *
 * <p>Immutable and thread-safe.
 */
public final class PrecompiledNormalizer implements Normalizer {
  private final SpmCharsmap charsmap;

  /**
   * @param charsmap the decoded {@code precompiled_charsmap} bytes
   * @throws IllegalArgumentException if the bytes are not a well-formed charsmap
   */
  public PrecompiledNormalizer(byte[] charsmap) {
    this.charsmap = SpmCharsmap.parse(Objects.requireNonNull(charsmap, "charsmap"));
  }

  @Override
  public void normalize(NormalizedString text) {
    String s = text.normalized();
    int n = s.length();
    CharChanges changes = new CharChanges(n + 8);
    boolean modified = false;
    int start = 0;
    while (start < n) {
      int end = Graphemes.clusterEnd(s, start);
      if (utf8Length(s, start, end) < 6) {
        String whole = charsmap.firstMatch(s, start, end);
        if (whole != null) {
          modified = true;
          replace(changes, s.codePointCount(start, end), whole);
          start = end;
          continue;
        }
      }
      for (int i = start; i < end; ) {
        int cp = s.codePointAt(i);
        int next = i + Character.charCount(cp);
        String replacement = charsmap.firstMatch(s, i, next);
        if (replacement != null) {
          modified = true;
          replace(changes, 1, replacement);
        } else {
          changes.add(cp, 0);
        }
        i = next;
      }
      start = end;
    }
    if (modified) {
      changes.applyTo(text);
    }
  }

  /**
   * The reference's bookkeeping for {@code oldCount} characters becoming {@code replacement}: the
   * new characters replace old ones one for one; extra new ones are inserted, missing ones are
   * removed after the last character written (if any).
   */
  private static void replace(CharChanges changes, int oldCount, String replacement) {
    int newCount = 0;
    for (int i = 0; i < replacement.length(); ) {
      int cp = replacement.codePointAt(i);
      changes.add(cp, 0);
      newCount++;
      i += Character.charCount(cp);
    }
    int diff = newCount - oldCount;
    if (diff > 0) {
      changes.markLastInserted(diff);
    } else if (diff < 0) {
      changes.addToLastChange(diff);
    }
  }

  private static int utf8Length(String s, int start, int end) {
    int bytes = 0;
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  @Override
  public String toString() {
    return "Precompiled";
  }
}
