package ai.boinc.transformers.tokenizers.internal.text;

/** UTF-8 helpers with the reference's (Rust's) semantics. */
public final class Utf8 {
  private Utf8() {}

  /** Writes the UTF-8 bytes of {@code cp} (as 0..255 ints) at {@code out[at]}; returns the new end. */
  public static int encode(int cp, int[] out, int at) {
    if (cp < 0x80) {
      out[at++] = cp;
    } else if (cp < 0x800) {
      out[at++] = 0xC0 | (cp >> 6);
      out[at++] = 0x80 | (cp & 0x3F);
    } else if (cp < 0x10000) {
      out[at++] = 0xE0 | (cp >> 12);
      out[at++] = 0x80 | ((cp >> 6) & 0x3F);
      out[at++] = 0x80 | (cp & 0x3F);
    } else {
      out[at++] = 0xF0 | (cp >> 18);
      out[at++] = 0x80 | ((cp >> 12) & 0x3F);
      out[at++] = 0x80 | ((cp >> 6) & 0x3F);
      out[at++] = 0x80 | (cp & 0x3F);
    }
    return at;
  }

  /** Number of UTF-8 bytes of {@code cp}. */
  public static int length(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  /**
   * Decodes {@code bytes[0, len)} as Rust's {@code String::from_utf8_lossy} does: each maximal
   * invalid subsequence (a byte that cannot start a character, or a truncated/ill-formed
   * sequence up to the byte that breaks it) becomes one U+FFFD.
   */
  public static String decodeLossy(byte[] bytes, int len) {
    StringBuilder sb = new StringBuilder(len);
    int i = 0;
    while (i < len) {
      int b0 = bytes[i] & 0xFF;
      if (b0 < 0x80) {
        sb.append((char) b0);
        i++;
        continue;
      }
      int need;
      int lo = 0x80;
      int hi = 0xBF;
      int cp;
      if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        cp = b0 & 0x1F;
      } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        cp = b0 & 0x0F;
        if (b0 == 0xE0) {
          lo = 0xA0;
        } else if (b0 == 0xED) {
          hi = 0x9F;
        }
      } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        cp = b0 & 0x07;
        if (b0 == 0xF0) {
          lo = 0x90;
        } else if (b0 == 0xF4) {
          hi = 0x8F;
        }
      } else {
        sb.append('\uFFFD');
        i++;
        continue;
      }
      int j = i + 1;
      boolean ok = true;
      for (int k = 0; k < need; k++, j++) {
        if (j >= len) {
          ok = false;
          break;
        }
        int b = bytes[j] & 0xFF;
        int l = k == 0 ? lo : 0x80;
        int h = k == 0 ? hi : 0xBF;
        if (b < l || b > h) {
          ok = false;
          break;
        }
        cp = (cp << 6) | (b & 0x3F);
      }
      if (ok) {
        sb.appendCodePoint(cp);
        i = j;
      } else {
        sb.append('\uFFFD');
        i = j;
      }
    }
    return sb.toString();
  }
}
