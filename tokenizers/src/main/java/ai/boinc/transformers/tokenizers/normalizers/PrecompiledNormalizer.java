package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.CharChanges;
import ai.boinc.transformers.tokenizers.internal.text.Graphemes;
import ai.boinc.transformers.tokenizers.internal.text.SpmCharsmap;
import java.nio.CharBuffer;
import java.util.Objects;

/**
 * JSON type {@code Precompiled}: the normalization a SentencePiece model carries in its {@code
 * precompiled_charsmap} (for T5 an NFKC-like map that also turns tabs and newlines into spaces).
 * As in the reference, the text is walked by grapheme cluster: a cluster shorter than 6 UTF-8
 * bytes is looked up whole, and if the map has an entry for some prefix of it, the whole cluster
 * becomes that entry's replacement; otherwise each character is looked up on its own. New
 * characters take the offsets of the characters they replace.
 *
 * <p>Most text is clusters of one BMP character that the map leaves alone or replaces by one BMP
 * character (a newline by a space): those are looked up in a per-unit table and rewritten in
 * place, which keeps alignments implicit; the first cluster that needs more sends the whole text
 * down the reference's path. Immutable and thread-safe.
 */
public final class PrecompiledNormalizer implements Normalizer {
  private final SpmCharsmap charsmap;
  /** The replacement of each BMP character on its own (null: unchanged; surrogates: null). */
  private final String[] bmp = new String[0x10000];

  /**
   * @param charsmap the decoded {@code precompiled_charsmap} bytes
   * @throws IllegalArgumentException if the bytes are not a well-formed charsmap
   */
  public PrecompiledNormalizer(byte[] charsmap) {
    this.charsmap = SpmCharsmap.parse(Objects.requireNonNull(charsmap, "charsmap"));
    char[] one = new char[1];
    CharSequence unit = CharBuffer.wrap(one);
    for (int c = 0; c < 0x10000; c++) {
      if (!Character.isSurrogate((char) c)) {
        one[0] = (char) c;
        bmp[c] = this.charsmap.firstMatch(unit, 0, 1);
      }
    }
  }

  @Override
  public void normalize(NormalizedString text) {
    String s = text.normalized();
    int n = s.length();
    byte[] flags = Clusters.FLAGS;
    char[] out = null;
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if ((flags[c] & Clusters.ALONE) != 0
          && (i + 1 == n || (flags[s.charAt(i + 1)] & Clusters.JOINS) == 0)) {
        // A cluster of one BMP character: the whole-cluster and the per-character look-ups are
        // both the look-up of that character.
        String replacement = bmp[c];
        if (replacement != null) {
          if (replacement.length() != 1 || Character.isSurrogate(replacement.charAt(0))) {
            normalizeByClusters(text);
            return;
          }
          if (out == null) {
            out = s.toCharArray();
          }
          out[i] = replacement.charAt(0);
        }
        i++;
      } else {
        int end = Graphemes.clusterEnd(s, i);
        if (changes(s, i, end)) {
          normalizeByClusters(text);
          return;
        }
        i = end;
      }
    }
    if (out != null) {
      // Only one-for-one replacements of BMP units: each new unit comes from the unit at its index,
      // which is what the general path's transform gives, and implicit alignments stay implicit.
      text.rewriteUnits(out, n, null);
    }
  }

  /** Whether the general path would change anything in the cluster {@code s[start, end)}. */
  private boolean changes(String s, int start, int end) {
    if (utf8Length(s, start, end) < 6 && charsmap.firstMatch(s, start, end) != null) {
      return true;
    }
    for (int i = start; i < end; ) {
      int next = i + Character.charCount(s.codePointAt(i));
      if (charsmap.firstMatch(s, i, next) != null) {
        return true;
      }
      i = next;
    }
    return false;
  }

  /**
   * The reference's algorithm, cluster by cluster, with its bookkeeping of how characters move;
   * {@link #normalize} gives exactly the same result when all it finds are one-for-one
   * replacements.
   */
  void normalizeByClusters(NormalizedString text) {
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

  /**
   * What {@link Graphemes} says about single BMP units, worked out once by asking it about pairs:
   * whether a cluster that starts with the unit ends right after it unless the next unit {@link
   * #JOINS} (its property is Other, Control, LF, Extend or SpacingMark), and whether a unit joins
   * a preceding letter (Extend, SpacingMark). Surrogates are neither, so they take the slow path.
   */
  static final class Clusters {
    static final int ALONE = 1;
    static final int JOINS = 2;
    // Before FLAGS: compute() reads it.
    private static final char[] PROBES = {'a', '\n', '\u1100', '\u11A8'};
    static final byte[] FLAGS = compute();

    private Clusters() {}

    private static byte[] compute() {
      byte[] flags = new byte[0x10000];
      char[] pair = new char[2];
      CharSequence text = CharBuffer.wrap(pair);
      for (int c = 0; c < 0x10000; c++) {
        char u = (char) c;
        if (Character.isSurrogate(u)) {
          flags[c] = JOINS;
          continue;
        }
        pair[0] = 'a';
        pair[1] = u;
        int f = Graphemes.clusterEnd(text, 0) == 2 ? JOINS : 0;
        pair[0] = u;
        // Probes: a letter (after Prepend), LF (after CR), a leading jamo (after L), a trailing
        // jamo (after V, LV, T, LVT). The other properties join only what JOINS marks.
        boolean alone = true;
        for (char probe : PROBES) {
          pair[1] = probe;
          alone &= Graphemes.clusterEnd(text, 0) == 1;
        }
        flags[c] = (byte) (f | (alone ? ALONE : 0));
      }
      return flags;
    }
  }

  @Override
  public String toString() {
    return "Precompiled";
  }
}
