package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizers.internal.pipeline.EncodingBuilder;
import ai.boinc.transformers.tokenizers.internal.text.ByteLevelAlphabet;
import ai.boinc.transformers.tokenizers.internal.text.Text;
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
    int total = 0;
    for (Encoding e : encodings) {
      total += e.size();
    }
    EncodingBuilder b = new EncodingBuilder(total);
    for (Encoding e : encodings) {
      b.append(e);
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
    return EncodingBuilder.copyOf(e).sequenceIds(seq).build();
  }

  static Encoding withTypeIds(Encoding e, int typeId) {
    int[] t = new int[e.size()];
    Arrays.fill(t, typeId);
    return EncodingBuilder.copyOf(e).typeIds(t).build();
  }

  /**
   * The reference's byte-level {@code process_offsets}: offsets no longer cover the spaces
   * ({@code Ġ} or whitespace) a token starts or ends with, except the single leading space of the
   * first token when {@code addPrefixSpace} (that space was added, not in the text).
   */
  static Encoding trimOffsets(Encoding e, boolean addPrefixSpace) {
    int[] offsets = EncodingBuilder.flatOffsets(e);
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
    return changed ? EncodingBuilder.copyOf(e).offsets(offsets).build() : e;
  }

  private static boolean isSpace(int c) {
    return c == ByteLevelAlphabet.space() || Text.isWhiteSpace(c);
  }
}
