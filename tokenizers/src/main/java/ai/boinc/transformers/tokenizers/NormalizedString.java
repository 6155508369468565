package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.tokenizers.internal.regex.Regexes;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of input text together with its normalized form and, for every UTF-16 unit of the
 * normalized form, the span of original text it came from — the reference library's {@code
 * NormalizedString}. Normalizers rewrite the normalized form through this class so that every
 * token can later be mapped back to exact offsets in the text the caller passed in.
 *
 * <p>All indices are UTF-16 indices ({@code String} indices). Alignments are per character: both
 * units of a surrogate pair carry the same span, and a character inserted by a normalizer shares
 * the span of the character it was derived from. A slice ({@link #slice}) remembers where it sits
 * in the full original text, so {@link #toOriginal} returns offsets into that full text.
 *
 * <p>Mutable and not thread-safe: one instance belongs to one encode call.
 *
 * <pre>{@code
 * NormalizedString s = NormalizedString.of("Hi you");
 * s.replace(Pattern.compile(" ", Pattern.LITERAL), "▁");   // "Hi▁you"
 * s.toOriginal(2, 6);                                      // [2, 6]
 * }</pre>
 */
public final class NormalizedString {
  private final String original;
  private final int originalShift;
  private String normalized;
  /**
   * Two entries per normalized UTF-16 unit: start and end in {@link #original}. Null while every
   * unit after the first {@link #prefix} units still aligns with the character of {@link
   * #original} at its index less {@code prefix} (each unit came from the unit at its index), which
   * is what most pieces of most texts stay: no per-unit array is then built at all (see {@link
   * #alignStart}).
   */
  private int[] alignments;
  /**
   * While {@link #alignments} is null: how many leading normalized units were put in front by
   * {@link #prepend} (they align with the first character); the units after them align with the
   * original text one for one. 0 once alignments are explicit.
   */
  private int prefix;

  private NormalizedString(String original, String normalized, int[] alignments, int shift) {
    this.original = original;
    this.normalized = normalized;
    this.alignments = alignments;
    this.originalShift = shift;
  }

  /** A string whose normalized form is still equal to {@code text}. */
  public static NormalizedString of(String text) {
    Objects.requireNonNull(text, "text");
    return new NormalizedString(text, text, null, 0);
  }

  /** The original text of this piece. */
  public String original() {
    return original;
  }

  /** The normalized text. */
  public String normalized() {
    return normalized;
  }

  /** Length of the normalized text in UTF-16 units. */
  public int length() {
    return normalized.length();
  }

  public boolean isEmpty() {
    return normalized.isEmpty();
  }

  /**
   * Whether every normalized unit still comes from the original unit at its index (nothing
   * prepended, no unit rewritten to another number of units): then a range maps to the original
   * text by adding {@link #originalStart}, a surrogate pair's units both spanning the pair.
   */
  public boolean isAligned() {
    return alignments == null && prefix == 0;
  }

  /** Start of this piece in the full original text. */
  public int originalStart() {
    return originalShift;
  }

  /** End (exclusive) of this piece in the full original text. */
  public int originalEnd() {
    return originalShift + original.length();
  }

  /**
   * The span of the full original text that normalized range {@code [start, end)} comes from, as
   * {@code [originalStart, originalEnd]}. An empty range maps to itself, as in the reference.
   *
   * @throws IndexOutOfBoundsException if the range is not within the normalized text
   */
  public int[] toOriginal(int start, int end) {
    return new int[] {toOriginalStart(start, end), toOriginalEnd(start, end)};
  }

  /** {@code toOriginal(start, end)[0]}, without allocating. */
  public int toOriginalStart(int start, int end) {
    Objects.checkFromToIndex(start, end, normalized.length());
    return (start == end ? start : alignStart(start)) + originalShift;
  }

  /** {@code toOriginal(start, end)[1]}, without allocating. */
  public int toOriginalEnd(int start, int end) {
    Objects.checkFromToIndex(start, end, normalized.length());
    return (start == end ? end : alignEnd(end - 1)) + originalShift;
  }

  /** Start in {@link #original} of the span normalized unit {@code i} comes from. */
  private int alignStart(int i) {
    if (alignments != null) {
      return alignments[2 * i];
    }
    // Prepended units take the first character's span, which starts at 0.
    int j = i - prefix;
    if (j <= 0) {
      return 0;
    }
    // Identity: both units of a surrogate pair span the pair.
    return Character.isLowSurrogate(original.charAt(j))
            && Character.isHighSurrogate(original.charAt(j - 1))
        ? j - 1
        : j;
  }

  /** End in {@link #original} of the span normalized unit {@code i} comes from. */
  private int alignEnd(int i) {
    if (alignments != null) {
      return alignments[2 * i + 1];
    }
    int j = Math.max(0, i - prefix);
    return j + 1 < original.length()
            && Character.isHighSurrogate(original.charAt(j))
            && Character.isLowSurrogate(original.charAt(j + 1))
        ? j + 2
        : j + 1;
  }

  /** Builds the per-unit alignments if they are still implicit. */
  private void materialize() {
    if (alignments != null) {
      return;
    }
    int n = normalized.length();
    int[] align = new int[2 * n];
    for (int i = 0; i < n; i++) {
      align[2 * i] = alignStart(i);
      align[2 * i + 1] = alignEnd(i);
    }
    alignments = align;
    prefix = 0;
  }

  /**
   * The part of this string whose normalized form is {@code [start, end)}, with its original text
   * and alignments.
   */
  public NormalizedString slice(int start, int end) {
    Objects.checkFromToIndex(start, end, normalized.length());
    int oStart = start == end ? start : alignStart(start);
    int oEnd = start == end ? end : alignEnd(end - 1);
    oEnd = Math.max(oStart, Math.min(oEnd, original.length()));
    if (alignments == null && start >= prefix && oStart == start - prefix
        && oEnd == end - prefix) {
      // Still the identity; a piece of text nothing rewrote shares one substring for both forms.
      String originalPart = original.substring(oStart, oEnd);
      String normalizedPart =
          normalized == original ? originalPart : normalized.substring(start, end);
      return new NormalizedString(originalPart, normalizedPart, null, originalShift + oStart);
    }
    int[] align = new int[2 * (end - start)];
    for (int i = start; i < end; i++) {
      align[2 * (i - start)] = alignStart(i) - oStart;
      align[2 * (i - start) + 1] = alignEnd(i) - oStart;
    }
    return new NormalizedString(
        original.substring(oStart, oEnd),
        normalized.substring(start, end),
        align,
        originalShift + oStart);
  }

  /**
   * Rewrites the normalized text so that each new UTF-16 unit comes from one old unit and takes
   * its alignment: unit {@code k} of the new text is {@code units[k]} and comes from old unit
   * {@code from[k]} ({@code 0 <= k < count}). With {@code from == null} the text keeps its length
   * and unit {@code k} comes from old unit {@code k} (a one-for-one rewrite, which keeps implicit
   * alignments implicit). The byte-level alphabet and one-unit literal replacements are such
   * rewrites. A negative {@code from[k]} gives unit {@code k} the empty span at 0, as {@link
   * #transform} gives a character inserted before the first one.
   */
  public void rewriteUnits(char[] units, int count, int[] from) {
    int oldLen = normalized.length();
    if (from == null) {
      if (count != oldLen) {
        throw new IllegalArgumentException(
            "a one-for-one rewrite needs " + oldLen + " units, got " + count);
      }
      normalized = new String(units, 0, count);
      return;
    }
    int[] align = new int[2 * count];
    for (int k = 0; k < count; k++) {
      if (from[k] < 0) {
        continue;
      }
      int i = Objects.checkIndex(from[k], oldLen);
      align[2 * k] = alignStart(i);
      align[2 * k + 1] = alignEnd(i);
    }
    alignments = align;
    prefix = 0;
    normalized = new String(units, 0, count);
  }

  /**
   * Rewrites normalized range {@code [start, end)}, the reference library's {@code
   * transform_range}: {@code codePoints[i]} is the i-th new character and {@code changes[i]} says
   * how it relates to the old ones — {@code 1} inserted (it takes the span of the character before
   * it), {@code 0} replaces the next old character, {@code -n} replaces the next old character and
   * removes the {@code n} after it. {@code initialRemoved} old characters are dropped first.
   */
  public void transform(int start, int end, int[] codePoints, int[] changes, int initialRemoved) {
    Objects.checkFromToIndex(start, end, normalized.length());
    if (codePoints.length != changes.length) {
      throw new IllegalArgumentException("codePoints and changes differ in length");
    }
    // Works on implicit alignments too (alignStart/alignEnd), so nothing is materialized first.
    String old = normalized;
    int oldLen = old.length();
    StringBuilder text = new StringBuilder(end - start + codePoints.length);
    int[] align = new int[2 * Math.max(16, (end - start) + 2 * codePoints.length)];
    int count = 0;
    int offset = start;
    for (int i = 0; i < initialRemoved && offset < end; i++) {
      offset += unitsAt(old, offset, oldLen);
    }
    for (int i = 0; i < codePoints.length; i++) {
      int change = changes[i];
      int alignStart;
      int alignEnd;
      if (change > 0) {
        if (offset < 1) {
          alignStart = 0;
          alignEnd = 0;
        } else {
          alignStart = alignStart(offset - 1);
          alignEnd = alignEnd(offset - 1);
        }
      } else {
        alignStart = alignStart(offset);
        alignEnd = alignEnd(offset);
        offset += unitsAt(old, offset, oldLen);
        for (int r = 0; r < -change && offset < end; r++) {
          offset += unitsAt(old, offset, oldLen);
        }
      }
      int cp = codePoints[i];
      int units = Character.charCount(cp);
      text.appendCodePoint(cp);
      if (2 * (count + units) > align.length) {
        align = Arrays.copyOf(align, 2 * align.length);
      }
      for (int u = 0; u < units; u++) {
        align[2 * count] = alignStart;
        align[2 * count + 1] = alignEnd;
        count++;
      }
    }
    splice(start, end, text, align, count);
  }

  /** {@code Character.charCount(s.codePointAt(i))} without decoding the code point. */
  private static int unitsAt(String s, int i, int length) {
    return i + 1 < length
            && Character.isHighSurrogate(s.charAt(i))
            && Character.isLowSurrogate(s.charAt(i + 1))
        ? 2
        : 1;
  }

  private void splice(int start, int end, CharSequence text, int[] align, int count) {
    int oldLen = normalized.length();
    int newLen = oldLen - (end - start) + count;
    int[] merged;
    if (start == 0 && end == oldLen) {
      merged = align.length == 2 * count ? align : Arrays.copyOf(align, 2 * count);
      normalized = text.toString();
    } else {
      merged = new int[2 * newLen];
      copyAlignments(0, start, merged, 0);
      System.arraycopy(align, 0, merged, 2 * start, 2 * count);
      copyAlignments(end, oldLen, merged, start + count);
      normalized = normalized.substring(0, start) + text + normalized.substring(end);
    }
    alignments = merged;
    prefix = 0;
  }

  /** Writes the alignments of units {@code [from, to)} to {@code out} from unit {@code at} on. */
  private void copyAlignments(int from, int to, int[] out, int at) {
    if (alignments != null) {
      System.arraycopy(alignments, 2 * from, out, 2 * at, 2 * (to - from));
      return;
    }
    for (int i = from; i < to; i++) {
      out[2 * (at + i - from)] = alignStart(i);
      out[2 * (at + i - from) + 1] = alignEnd(i);
    }
  }

  /**
   * Puts {@code prefix} in front of the normalized text, aligned with its first character; does
   * nothing on an empty string (as the reference).
   */
  public void prepend(String prefix) {
    if (normalized.isEmpty() || prefix.isEmpty()) {
      return;
    }
    if (alignments == null) {
      // Stays implicit: the new units take the first character's span (see alignStart).
      normalized = prefix + normalized;
      this.prefix += prefix.length();
      return;
    }
    int p = prefix.length();
    int n = normalized.length();
    int[] align = new int[2 * (p + n)];
    int firstStart = alignStart(0);
    int firstEnd = alignEnd(0);
    for (int k = 0; k < p; k++) {
      align[2 * k] = firstStart;
      align[2 * k + 1] = firstEnd;
    }
    for (int i = 0; i < n; i++) {
      align[2 * (p + i)] = alignStart(i);
      align[2 * (p + i) + 1] = alignEnd(i);
    }
    alignments = align;
    normalized = prefix + normalized;
  }

  /** Appends {@code suffix}, aligned with the last character; does nothing on an empty string. */
  public void append(String suffix) {
    if (normalized.isEmpty() || suffix.isEmpty()) {
      return;
    }
    int last = normalized.codePointBefore(normalized.length());
    int lastStart = normalized.length() - Character.charCount(last);
    int[] suffixCps = suffix.codePoints().toArray();
    int[] cps = new int[suffixCps.length + 1];
    cps[0] = last;
    System.arraycopy(suffixCps, 0, cps, 1, suffixCps.length);
    int[] changes = new int[cps.length];
    Arrays.fill(changes, 1);
    changes[0] = 0;
    transform(lastStart, normalized.length(), cps, changes, 0);
  }

  /**
   * Replaces every match of {@code pattern} in the normalized text with {@code content} (taken
   * literally). As in the reference, the new characters take the span of the last character of
   * the match they replace.
   *
   * @throws RegexLimitExceededException if a regular expression backtracks catastrophically on
   *     this text (see {@link Regexes})
   */
  public void replace(Pattern pattern, String content) {
    Matcher m = Regexes.matcher(pattern, normalized);
    if (normalized.isEmpty() || !Regexes.find(m)) {
      return;
    }
    materialize();
    int oldLen = normalized.length();
    StringBuilder text = new StringBuilder(oldLen + 16);
    int[] align = new int[2 * (oldLen + 16)];
    int count = 0;
    int prev = 0;
    do {
      int s = m.start();
      int e = m.end();
      // Unmatched text keeps its alignments.
      align = ensure(align, count + (s - prev));
      System.arraycopy(alignments, 2 * prev, align, 2 * count, 2 * (s - prev));
      count += s - prev;
      text.append(normalized, prev, s);
      int alignStart;
      int alignEnd;
      if (e > s) {
        alignStart = alignments[2 * (e - 1)];
        alignEnd = alignments[2 * (e - 1) + 1];
      } else if (count > 0) {
        alignStart = align[2 * (count - 1)];
        alignEnd = align[2 * (count - 1) + 1];
      } else {
        alignStart = 0;
        alignEnd = 0;
      }
      align = ensure(align, count + content.length());
      for (int u = 0; u < content.length(); u++) {
        align[2 * count] = alignStart;
        align[2 * count + 1] = alignEnd;
        count++;
      }
      text.append(content);
      prev = e;
    } while (Regexes.find(m));
    align = ensure(align, count + (oldLen - prev));
    System.arraycopy(alignments, 2 * prev, align, 2 * count, 2 * (oldLen - prev));
    count += oldLen - prev;
    text.append(normalized, prev, oldLen);
    alignments = Arrays.copyOf(align, 2 * count);
    normalized = text.toString();
  }

  private static int[] ensure(int[] align, int units) {
    return 2 * units <= align.length ? align : Arrays.copyOf(align, Math.max(2 * units, 2 * align.length));
  }

  @Override
  public String toString() {
    return "NormalizedString{original='" + original + "', normalized='" + normalized + "', shift="
        + originalShift + "}";
  }
}
