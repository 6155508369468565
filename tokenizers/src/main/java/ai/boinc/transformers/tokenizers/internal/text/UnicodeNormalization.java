package ai.boinc.transformers.tokenizers.internal.text;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NFC, NFD, NFKC and NFKD on a {@link NormalizedString}, with the alignments the reference gets
 * from its {@code unicode-normalization-alignments} crate: each character is decomposed (its
 * first piece replaces it, the others are inserted), non-starters are put in canonical order
 * (moving their alignment marks with them), and for the composed forms a starter that absorbs a
 * following character is one replacement fewer. Text that is already in the requested form is
 * left alone (its alignments do not change).
 *
 * <p>Decompositions, compositions and canonical combining classes come from {@link
 * java.text.Normalizer} (the class is not exposed by the JDK, so its order is measured once by
 * asking the normalizer to reorder pairs of marks). Thread-safe.
 */
public final class UnicodeNormalization {
  private static final Map<Integer, int[]> CANONICAL = new ConcurrentHashMap<>();
  private static final Map<Integer, int[]> COMPAT = new ConcurrentHashMap<>();
  private static final Map<Long, Integer> COMPOSE = new ConcurrentHashMap<>();

  private UnicodeNormalization() {}

  /** Applies {@code form} to the normalized text of {@code s}. */
  public static void apply(NormalizedString s, Normalizer.Form form) {
    String text = s.normalized();
    if (Normalizer.isNormalized(text, form)) {
      return;
    }
    boolean compat = form == Normalizer.Form.NFKC || form == Normalizer.Form.NFKD;
    boolean compose = form == Normalizer.Form.NFC || form == Normalizer.Form.NFKC;
    int n = text.length();
    int[] cps = new int[2 * n + 8];
    int[] changes = new int[2 * n + 8];
    int k = 0;
    int runStart = 0; // start of the current run of non-starters
    for (int i = 0; i < n; ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      int[] d = decomposition(cp, compat);
      if (k + d.length > cps.length) {
        cps = Arrays.copyOf(cps, 2 * (k + d.length));
        changes = Arrays.copyOf(changes, cps.length);
      }
      for (int j = 0; j < d.length; j++) {
        int c = d[j];
        if (Ccc.rank(c) == 0) {
          sortRun(cps, changes, runStart, k);
          runStart = k + 1;
        }
        cps[k] = c;
        changes[k] = j == 0 ? 0 : 1;
        k++;
      }
    }
    sortRun(cps, changes, runStart, k);
    if (compose) {
      int[][] r = recompose(cps, changes, k);
      cps = r[0];
      changes = r[1];
      k = cps.length;
    }
    s.transform(0, n, Arrays.copyOf(cps, k), Arrays.copyOf(changes, k), 0);
  }

  private static int[] decomposition(int cp, boolean compat) {
    if (cp < 0xC0) {
      if (!compat || cp < 0xA0) {
        return new int[] {cp};
      }
    }
    Map<Integer, int[]> cache = compat ? COMPAT : CANONICAL;
    int[] d = cache.get(cp);
    if (d == null) {
      String one = new String(Character.toChars(cp));
      d = Normalizer.normalize(one, compat ? Normalizer.Form.NFKD : Normalizer.Form.NFD)
          .codePoints()
          .toArray();
      cache.put(cp, d);
    }
    return d;
  }

  /** Stable sort of {@code [from, to)} by combining class, changes travelling with their chars. */
  private static void sortRun(int[] cps, int[] changes, int from, int to) {
    for (int i = from + 1; i < to; i++) {
      int c = cps[i];
      int ch = changes[i];
      int rank = Ccc.rank(c);
      int j = i - 1;
      while (j >= from && Ccc.rank(cps[j]) > rank) {
        cps[j + 1] = cps[j];
        changes[j + 1] = changes[j];
        j--;
      }
      cps[j + 1] = c;
      changes[j + 1] = ch;
    }
  }

  private static int[][] recompose(int[] cps, int[] changes, int n) {
    int[] outCps = new int[n];
    int[] outChanges = new int[n];
    int k = 0;
    int composee = -1;
    int composeeChange = 0;
    int lastCcc = -1;
    List<int[]> buffer = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int ch = cps[i];
      int chg = changes[i];
      int cc = Ccc.rank(ch);
      if (composee < 0) {
        if (cc != 0) {
          outCps[k] = ch;
          outChanges[k++] = chg;
        } else {
          composee = ch;
          composeeChange = chg;
        }
        continue;
      }
      if (lastCcc < 0) {
        int c = compose(composee, ch);
        if (c >= 0) {
          composee = c;
          composeeChange = composeeChange + chg - 1;
          continue;
        }
        if (cc == 0) {
          outCps[k] = composee;
          outChanges[k++] = composeeChange;
          composee = ch;
          composeeChange = chg;
          continue;
        }
        buffer.add(new int[] {ch, chg});
        lastCcc = cc;
        continue;
      }
      if (lastCcc >= cc) {
        if (cc == 0) {
          outCps[k] = composee;
          outChanges[k++] = composeeChange;
          for (int[] b : buffer) {
            outCps[k] = b[0];
            outChanges[k++] = b[1];
          }
          buffer.clear();
          composee = ch;
          composeeChange = chg;
          lastCcc = -1;
          continue;
        }
        buffer.add(new int[] {ch, chg});
        lastCcc = cc;
        continue;
      }
      int c = compose(composee, ch);
      if (c >= 0) {
        composee = c;
        composeeChange = composeeChange + chg - 1;
        continue;
      }
      buffer.add(new int[] {ch, chg});
      lastCcc = cc;
    }
    if (composee >= 0) {
      outCps[k] = composee;
      outChanges[k++] = composeeChange;
    }
    for (int[] b : buffer) {
      outCps[k] = b[0];
      outChanges[k++] = b[1];
    }
    return new int[][] {Arrays.copyOf(outCps, k), Arrays.copyOf(outChanges, k)};
  }

  /** The primary composite of {@code a} and {@code b}, or -1. */
  private static int compose(int a, int b) {
    long key = ((long) a << 21) | b;
    Integer c = COMPOSE.get(key);
    if (c == null) {
      String pair = new StringBuilder(4).appendCodePoint(a).appendCodePoint(b).toString();
      String nfc = Normalizer.normalize(pair, Normalizer.Form.NFC);
      c = nfc.codePointCount(0, nfc.length()) == 1 ? nfc.codePointAt(0) : -1;
      COMPOSE.put(key, c);
    }
    return c;
  }

  /**
   * Canonical combining classes, as ranks: 0 for starters, and for the others a number that
   * orders them as their classes do.
   */
  static final class Ccc {
    private static final Map<Integer, Integer> RANKS = measure();

    private Ccc() {}

    static int rank(int cp) {
      if (cp < 0x300) {
        return 0;
      }
      Integer r = RANKS.get(cp);
      return r == null ? 0 : r;
    }

    private static Map<Integer, Integer> measure() {
      List<Integer> marks = new ArrayList<>();
      for (int cp = 0x300; cp <= Character.MAX_CODE_POINT; cp++) {
        int type = Character.getType(cp);
        if (type != Character.NON_SPACING_MARK
            && type != Character.COMBINING_SPACING_MARK
            && type != Character.ENCLOSING_MARK) {
          continue;
        }
        String s = new String(Character.toChars(cp));
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFD)) {
          continue;
        }
        // U+0345 has the highest class (240): a mark after it moves in front unless it is a
        // starter (or U+0345 itself).
        if (cp == 0x345 || !Normalizer.normalize("\u0345" + s, Normalizer.Form.NFD).startsWith("\u0345")) {
          marks.add(cp);
        }
      }
      Integer[] sorted = marks.toArray(new Integer[0]);
      Arrays.sort(sorted, Ccc::compare);
      Map<Integer, Integer> ranks = new HashMap<>(2 * sorted.length);
      int rank = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (i == 0 || compare(sorted[i - 1], sorted[i]) != 0) {
          rank++;
        }
        ranks.put(sorted[i], rank);
      }
      return ranks;
    }

    private static int compare(int a, int b) {
      if (a == b) {
        return 0;
      }
      String ab = new StringBuilder().appendCodePoint(a).appendCodePoint(b).toString();
      if (!Normalizer.normalize(ab, Normalizer.Form.NFD).equals(ab)) {
        return 1;
      }
      String ba = new StringBuilder().appendCodePoint(b).appendCodePoint(a).toString();
      if (!Normalizer.normalize(ba, Normalizer.Form.NFD).equals(ba)) {
        return -1;
      }
      return 0;
    }
  }
}
