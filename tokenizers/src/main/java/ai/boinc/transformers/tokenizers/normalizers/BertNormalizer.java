package ai.boinc.transformers.tokenizers.normalizers;

import static ai.boinc.transformers.tokenizers.internal.text.BertNormalization.DROP;
import static ai.boinc.transformers.tokenizers.internal.text.BertNormalization.MAX_EXPANSION;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.BertNormalization;
import java.util.Arrays;

/**
 * JSON type {@code BertNormalizer}: BERT's text clean-up, in the reference's order — {@code
 * clean_text} drops NUL, U+FFFD and control/format/private-use characters and turns whitespace
 * into spaces; {@code handle_chinese_chars} puts spaces around CJK ideographs; {@code
 * strip_accents} decomposes (NFD) and drops nonspacing marks; {@code lowercase} lowercases each
 * character on its own. Every step keeps offsets; a dropped character is folded into the one
 * before it.
 *
 * <p>The four steps run as one pass over the text (each character goes through all four before
 * the next), which gives the same text and offsets because every step works on one character at
 * a time; offsets are only recorded once the text stops being a one-for-one rewrite. The one
 * exception is a lone surrogate: a step that drops the character between a lone high and a lone
 * low surrogate joins them into one character for the next step, so such text goes through the
 * steps one after the other.
 *
 * <p>Character classes come from the reference's own (older) Unicode tables, so results do not
 * depend on the JDK. What the steps make of one character is decided in one internal place that
 * the fused BERT encoder shares. Immutable and thread-safe.
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
  /** The enabled steps as normalizers of their own, for text that needs them one by one. */
  private final BertNormalizer[] steps;
  private final BertNormalization rules;

  /**
   * @param stripAccents {@code null} to follow {@code lowercase}, as in the reference
   */
  public BertNormalizer(
      boolean cleanText, boolean handleChineseChars, Boolean stripAccents, boolean lowercase) {
    this.cleanText = cleanText;
    this.handleChineseChars = handleChineseChars;
    this.stripAccents = stripAccents == null ? lowercase : stripAccents;
    this.lowercase = lowercase;
    this.rules = new BertNormalization(cleanText, handleChineseChars, this.stripAccents, lowercase);
    boolean[] flags = {cleanText, handleChineseChars, this.stripAccents, lowercase};
    int enabled = 0;
    for (boolean f : flags) {
      enabled += f ? 1 : 0;
    }
    if (enabled <= 1) {
      steps = new BertNormalizer[] {this};
    } else {
      steps = new BertNormalizer[enabled];
      int k = 0;
      for (int f = 0; f < 4; f++) {
        if (flags[f]) {
          steps[k++] = new BertNormalizer(f == 0, f == 1, f == 2, f == 3);
        }
      }
    }
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
    if (!run(text, false)) {
      for (BertNormalizer step : steps) {
        step.run(text, true);
      }
    }
  }

  /**
   * Rewrites {@code text} in one pass. In {@code strict} mode every unit of a changed text takes
   * the span its character has in a reference transform, even where a surrogate pair's units
   * disagree; otherwise returns false, changing nothing, for text that has to go through the steps
   * one by one (see the class comment).
   */
  private boolean run(NormalizedString text, boolean strict) {
    String s = text.normalized();
    int n = s.length();
    if (n == 0) {
      return true;
    }
    char[] in = new char[n];
    s.getChars(0, n, in, 0);
    char[] table = rules.table();
    Output out = new Output(n);
    int i = 0;
    if (strict) {
      out.leaveIdentity();
    } else {
      // Most text is mostly characters that become one character: a tight loop while all are.
      char[] units = out.units;
      for (char m; i < n && (m = table[in[i]]) < DROP; i++) {
        units[i] = m;
      }
      out.count = i;
    }
    int[] scratch = new int[2 * MAX_EXPANSION];
    boolean loneSurrogate = false;
    boolean pair = false;
    while (i < n) {
      char m = table[in[i]];
      if (m < DROP) {
        out.one(m, i);
        i++;
      } else if (m == DROP) {
        out.dropOne();
        i++;
      } else {
        int cp = Character.codePointAt(in, i, n);
        int width = Character.charCount(cp);
        loneSurrogate |= Character.isSurrogate((char) cp) && width == 1;
        pair |= width == 2;
        int k = rules.expand(in, i, cp, scratch);
        out.add(scratch, k, i, width);
        i += width;
      }
    }
    if (!strict && (loneSurrogate || (pair && hasLoneSurrogate(text.original())))) {
      // A lone surrogate in the original can leave a pair whose units have different spans.
      return false;
    }
    if (out.count == n && Arrays.equals(out.units, 0, n, in, 0, n)) {
      return true;
    }
    text.rewriteUnits(out.units, out.count, out.identity ? null : out.from);
    return true;
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The normalized units being built. While {@link #identity} holds, unit k comes from unit k of
   * the input and {@link #from} is not kept; after that each unit's source index is.
   */
  private static final class Output {
    char[] units;
    int[] from;
    int count;
    boolean identity = true;

    Output(int n) {
      units = new char[n + 8];
    }

    void one(char c, int source) {
      if (count == units.length) {
        grow();
      }
      units[count] = c;
      if (!identity) {
        from[count] = source;
      }
      count++;
    }

    void dropOne() {
      leaveIdentity();
    }

    /** Adds the {@code k} code points made of the {@code width} units at {@code i}. */
    void add(int[] expansion, int k, int i, int width) {
      if (identity
          && k == 1
          && expansion[1] == i
          && Character.charCount(expansion[0]) == width) {
        Character.toChars(expansion[0], units, count);
        count += width;
        return;
      }
      leaveIdentity();
      for (int e = 0; e < k; e++) {
        int cp = expansion[2 * e];
        int source = expansion[2 * e + 1];
        if (count + 2 > units.length) {
          grow();
        }
        int w = Character.toChars(cp, units, count);
        for (int u = 0; u < w; u++) {
          from[count++] = source;
        }
      }
    }

    void leaveIdentity() {
      if (identity) {
        identity = false;
        from = new int[units.length];
        for (int k = 0; k < count; k++) {
          from[k] = k;
        }
      }
    }

    private void grow() {
      units = Arrays.copyOf(units, 2 * units.length);
      if (from != null) {
        from = Arrays.copyOf(from, units.length);
      }
    }
  }

  @Override
  public String toString() {
    return "BertNormalizer{cleanText=" + cleanText + ", handleChineseChars=" + handleChineseChars
        + ", stripAccents=" + stripAccents + ", lowercase=" + lowercase + "}";
  }
}
