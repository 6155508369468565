package ai.boinc.transformers.tokenizers.internal.text;

import java.util.Arrays;

/**
 * An immutable map from code point to a small value (0 when absent), read from a compact text of
 * ranges. Lookups in the Basic Multilingual Plane are one array access; the rest is a binary
 * search. Exists so that character classes can follow the reference's Unicode tables rather than
 * the running JDK's. Thread-safe.
 */
final class CodePointTable {
  private static final int BMP = 0x10000;

  private final byte[] bmp;
  /** Ranges above the BMP: start, end (inclusive), value; sorted by start. */
  private final int[] starts;

  private final int[] ends;
  private final byte[] values;

  private CodePointTable(byte[] bmp, int[] starts, int[] ends, byte[] values) {
    this.bmp = bmp;
    this.starts = starts;
    this.ends = ends;
    this.values = values;
  }

  /**
   * Reads ranges separated by spaces, each {@code S}, {@code S-E} (hexadecimal, inclusive),
   * optionally followed by {@code =V} (decimal value 1..255, default 1). Ranges must be ordered and
   * must not overlap.
   *
   * @throws IllegalArgumentException if the text is malformed
   */
  public static CodePointTable parse(String text) {
    byte[] bmp = new byte[BMP];
    int n = 0;
    int[] starts = new int[16];
    int[] ends = new int[16];
    byte[] values = new byte[16];
    int previousEnd = -1;
    for (String entry : text.trim().split(" +")) {
      if (entry.isEmpty()) {
        continue;
      }
      int eq = entry.indexOf('=');
      int value = eq < 0 ? 1 : Integer.parseInt(entry.substring(eq + 1));
      String range = eq < 0 ? entry : entry.substring(0, eq);
      int dash = range.indexOf('-');
      int start = Integer.parseInt(dash < 0 ? range : range.substring(0, dash), 16);
      int end = dash < 0 ? start : Integer.parseInt(range.substring(dash + 1), 16);
      if (start <= previousEnd || end < start || end > Character.MAX_CODE_POINT
          || value < 1 || value > 0xFF) {
        throw new IllegalArgumentException("bad or unordered range '" + entry + "'");
      }
      previousEnd = end;
      if (start < BMP) {
        Arrays.fill(bmp, start, Math.min(end, BMP - 1) + 1, (byte) value);
        if (end < BMP) {
          continue;
        }
        start = BMP;
      }
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, 2 * n);
        ends = Arrays.copyOf(ends, 2 * n);
        values = Arrays.copyOf(values, 2 * n);
      }
      starts[n] = start;
      ends[n] = end;
      values[n] = (byte) value;
      n++;
    }
    return new CodePointTable(
        bmp, Arrays.copyOf(starts, n), Arrays.copyOf(ends, n), Arrays.copyOf(values, n));
  }

  /** The value of {@code cp}, 0 if it is in no range (or is not a code point). */
  public int get(int cp) {
    if (cp >= 0 && cp < BMP) {
      return bmp[cp] & 0xFF;
    }
    int i = Arrays.binarySearch(starts, cp);
    if (i < 0) {
      i = -i - 2;
    }
    return i >= 0 && cp <= ends[i] ? values[i] & 0xFF : 0;
  }
}
