package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizers.internal.text.ByteLevelAlphabet;
import ai.boinc.transformers.tokenizers.internal.text.Text;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Encoding plumbing shared by the post-processors of this package. */
final class Encodings {
  private Encodings() {}

  /**
   * The reference's default processing: the encodings one after the other, sequence {@code i}
   * with sequence id {@code i}, nothing added.
   */
  static Encoding merge(List<Encoding> encodings) {
    if (encodings.size() == 1) {
      return encodings.get(0);
    }
    Builder b = new Builder();
    for (Encoding e : encodings) {
      b.addAll(e);
    }
    return b.build();
  }

  /** Sets every sequence id of {@code e} (non-special tokens) to {@code sequence}. */
  static Encoding withSequence(Encoding e, int sequence) {
    int[] seq = e.sequenceIds();
    int i = 0;
    while (i < seq.length && seq[i] == sequence) {
      i++;
    }
    if (i == seq.length) {
      // Already so (the first sequence of a fresh encoding): no copy of every column.
      return e;
    }
    Arrays.fill(seq, sequence);
    return copy(e).sequenceIds(seq).build();
  }

  static Encoding withTypeIds(Encoding e, int typeId) {
    int[] t = new int[e.size()];
    Arrays.fill(t, typeId);
    return copy(e).typeIds(t).build();
  }

  private static Encoding.Builder copy(Encoding e) {
    return Encoding.builder()
        .ids(e.ids())
        .tokens(e.tokens().toArray(new String[0]))
        .typeIds(e.typeIds())
        .attentionMask(e.attentionMask())
        .specialTokensMask(e.specialTokensMask())
        .wordIds(e.wordIds())
        .sequenceIds(e.sequenceIds())
        .offsets(flatOffsets(e));
  }

  static int[] flatOffsets(Encoding e) {
    int[] out = new int[2 * e.size()];
    for (int i = 0; i < e.size(); i++) {
      out[2 * i] = e.startOffset(i);
      out[2 * i + 1] = e.endOffset(i);
    }
    return out;
  }

  /**
   * The reference's byte-level {@code process_offsets}: offsets no longer cover the spaces
   * ({@code Ġ} or whitespace) a token starts or ends with, except the single leading space of the
   * first token when {@code addPrefixSpace} (that space was added, not in the text).
   */
  static Encoding trimOffsets(Encoding e, boolean addPrefixSpace) {
    int[] offsets = flatOffsets(e);
    boolean changed = false;
    for (int i = 0; i < e.size(); i++) {
      String token = e.token(i);
      int leading = 0;
      for (int k = 0; k < token.length(); ) {
        int c = token.codePointAt(k);
        if (!isSpace(c)) {
          break;
        }
        leading++;
        k += Character.charCount(c);
      }
      int trailing = 0;
      for (int k = token.length(); k > 0; ) {
        int c = token.codePointBefore(k);
        if (!isSpace(c)) {
          break;
        }
        trailing++;
        k -= Character.charCount(c);
      }
      int start = offsets[2 * i];
      int end = offsets[2 * i + 1];
      if (leading > 0) {
        boolean isFirst = i == 0 || start == 0;
        if (isFirst && addPrefixSpace && leading == 1) {
          leading = 0;
        }
        start = Math.min(start + leading, end);
      }
      if (trailing > 0 && end >= trailing) {
        end = Math.max(end - trailing, start);
      }
      if (start != offsets[2 * i] || end != offsets[2 * i + 1]) {
        offsets[2 * i] = start;
        offsets[2 * i + 1] = end;
        changed = true;
      }
    }
    return changed ? copy(e).offsets(offsets).build() : e;
  }

  private static boolean isSpace(int c) {
    return c == ByteLevelAlphabet.space() || Text.isWhiteSpace(c);
  }

  /** Growable columns of an encoding. */
  static final class Builder {
    private final List<String> tokens = new ArrayList<>();
    private int[] ids = new int[16];
    private int[] typeIds = new int[16];
    private int[] attention = new int[16];
    private int[] special = new int[16];
    private int[] words = new int[16];
    private int[] sequences = new int[16];
    private int[] offsets = new int[32];
    private int n;

    private void ensure(int extra) {
      if (n + extra > ids.length) {
        int cap = Math.max(2 * ids.length, n + extra);
        ids = Arrays.copyOf(ids, cap);
        typeIds = Arrays.copyOf(typeIds, cap);
        attention = Arrays.copyOf(attention, cap);
        special = Arrays.copyOf(special, cap);
        words = Arrays.copyOf(words, cap);
        sequences = Arrays.copyOf(sequences, cap);
        offsets = Arrays.copyOf(offsets, 2 * cap);
      }
    }

    Builder addAll(Encoding e) {
      int m = e.size();
      ensure(m);
      System.arraycopy(e.ids(), 0, ids, n, m);
      System.arraycopy(e.typeIds(), 0, typeIds, n, m);
      System.arraycopy(e.attentionMask(), 0, attention, n, m);
      System.arraycopy(e.specialTokensMask(), 0, special, n, m);
      System.arraycopy(e.wordIds(), 0, words, n, m);
      System.arraycopy(e.sequenceIds(), 0, sequences, n, m);
      System.arraycopy(flatOffsets(e), 0, offsets, 2 * n, 2 * m);
      tokens.addAll(e.tokens());
      n += m;
      return this;
    }

    /** Adds a special token inserted by a post-processor: offsets (0, 0), no word, no sequence. */
    Builder addSpecial(int id, String token, int typeId) {
      ensure(1);
      ids[n] = id;
      typeIds[n] = typeId;
      attention[n] = 1;
      special[n] = 1;
      words[n] = Encoding.NONE;
      sequences[n] = Encoding.NONE;
      offsets[2 * n] = 0;
      offsets[2 * n + 1] = 0;
      tokens.add(token);
      n++;
      return this;
    }

    Encoding build() {
      return Encoding.builder()
          .ids(Arrays.copyOf(ids, n))
          .tokens(tokens.toArray(new String[0]))
          .typeIds(Arrays.copyOf(typeIds, n))
          .attentionMask(Arrays.copyOf(attention, n))
          .specialTokensMask(Arrays.copyOf(special, n))
          .wordIds(Arrays.copyOf(words, n))
          .sequenceIds(Arrays.copyOf(sequences, n))
          .offsets(Arrays.copyOf(offsets, 2 * n))
          .build();
    }
  }
}
