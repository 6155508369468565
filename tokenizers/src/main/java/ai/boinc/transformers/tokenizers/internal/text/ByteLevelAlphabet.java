package ai.boinc.transformers.tokenizers.internal.text;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.Arrays;

/**
 * GPT-2's byte-to-character table: every byte value gets a printable character (printable
 * Latin-1 bytes stand for themselves, the others for U+0100 onwards in byte order), so that byte
 * sequences can be held in token strings. Shared by the ByteLevel pre-tokenizer, normalizer and
 * decoder. Immutable.
 */
public final class ByteLevelAlphabet {
  private static final char[] BYTE_TO_CHAR = new char[256];
  /** Byte for each char below 0x200, -1 if it is not in the alphabet. */
  private static final int[] CHAR_TO_BYTE = new int[0x200];

  static {
    Arrays.fill(CHAR_TO_BYTE, -1);
    int n = 0;
    for (int b = 0; b < 256; b++) {
      boolean self = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
      char c = self ? (char) b : (char) (256 + n++);
      BYTE_TO_CHAR[b] = c;
      CHAR_TO_BYTE[c] = b;
    }
  }

  private ByteLevelAlphabet() {}

  /** The character standing for byte {@code b} (0..255). */
  public static char charOf(int b) {
    return BYTE_TO_CHAR[b & 0xFF];
  }

  /** The byte {@code c} stands for, or -1 if {@code c} is not in the alphabet. */
  public static int byteOf(int c) {
    return c >= 0 && c < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[c] : -1;
  }

  /** The character standing for the space byte ({@code Ġ}). */
  public static char space() {
    return BYTE_TO_CHAR[' '];
  }

  /**
   * Rewrites the normalized text of {@code s} as one alphabet character per UTF-8 byte; every
   * byte of a character keeps that character's alignment. ASCII text maps one unit to one unit,
   * so its alignments are kept as they are.
   */
  public static void toByteLevel(NormalizedString s) {
    String text = s.normalized();
    int n = text.length();
    if (n == 0) {
      return;
    }
    char[] units = new char[n];
    int i = 0;
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        break;
      }
      units[i] = BYTE_TO_CHAR[c];
    }
    if (i == n) {
      s.rewriteUnits(units, n, null);
      return;
    }
    // At most 3 bytes per UTF-16 unit (a surrogate pair is 2 units for 4 bytes).
    units = Arrays.copyOf(units, 3 * n);
    int[] from = new int[3 * n];
    for (int k = 0; k < i; k++) {
      from[k] = k;
    }
    int k = i;
    int[] bytes = new int[4];
    while (i < n) {
      int cp = text.codePointAt(i);
      int count = Utf8.encode(cp, bytes, 0);
      for (int b = 0; b < count; b++) {
        units[k] = BYTE_TO_CHAR[bytes[b]];
        from[k++] = i;
      }
      i += Character.charCount(cp);
    }
    s.rewriteUnits(units, k, from);
  }
}
