package ai.boinc.transformers.tokenizers.internal.pipeline;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString.Split;
import java.util.Arrays;
import java.util.List;

/**
 * Assembles an {@link Encoding} column by column: a model's tokens, (a range of) another
 * encoding, special tokens, padding. Every caller knows the final size, so the columns are
 * allocated once at that size and handed to the encoding without a copy. Not thread-safe.
 */
public final class EncodingBuilder {
  private final int[] ids;
  private final String[] tokens;
  private final int[] typeIds;
  private final int[] attention;
  private final int[] special;
  private final int[] words;
  private final int[] sequences;
  private final int[] offsets;
  private List<Encoding> overflowing = List.of();
  private int n;

  /** A builder of an encoding of exactly {@code size} tokens. */
  public EncodingBuilder(int size) {
    ids = new int[size];
    tokens = new String[size];
    typeIds = new int[size];
    attention = new int[size];
    special = new int[size];
    words = new int[size];
    sequences = new int[size];
    offsets = new int[2 * size];
  }

  /** Appends the tokens of {@code e} as they are. */
  public EncodingBuilder append(Encoding e) {
    return append(e, 0, e.size());
  }

  /** Appends tokens {@code [start, end)} of {@code e} as they are. */
  public EncodingBuilder append(Encoding e, int start, int end) {
    int m = end - start;
    System.arraycopy(e.typeIds(), start, typeIds, n, m);
    System.arraycopy(e.sequenceIds(), start, sequences, n, m);
    return copyTokens(e, start, end);
  }

  /** Appends the tokens of {@code e} with type id {@code typeId}. */
  public EncodingBuilder appendTyped(Encoding e, int typeId) {
    System.arraycopy(e.sequenceIds(), 0, sequences, n, e.size());
    Arrays.fill(typeIds, n, n + e.size(), typeId);
    return copyTokens(e, 0, e.size());
  }

  /** Appends the tokens of {@code e} as sequence {@code sequence}, keeping their type ids. */
  public EncodingBuilder appendInSequence(Encoding e, int sequence) {
    System.arraycopy(e.typeIds(), 0, typeIds, n, e.size());
    Arrays.fill(sequences, n, n + e.size(), sequence);
    return copyTokens(e, 0, e.size());
  }

  /** Appends the tokens of {@code e} as sequence {@code sequence} with type id {@code typeId}. */
  public EncodingBuilder appendSequence(Encoding e, int typeId, int sequence) {
    Arrays.fill(typeIds, n, n + e.size(), typeId);
    Arrays.fill(sequences, n, n + e.size(), sequence);
    return copyTokens(e, 0, e.size());
  }

  /** Ids, tokens, offsets, attention, special mask and words of {@code [start, end)}; moves on. */
  private EncodingBuilder copyTokens(Encoding e, int start, int end) {
    int m = end - start;
    System.arraycopy(e.ids(), start, ids, n, m);
    System.arraycopy(e.attentionMask(), start, attention, n, m);
    System.arraycopy(e.specialTokensMask(), start, special, n, m);
    System.arraycopy(e.wordIds(), start, words, n, m);
    for (int i = start; i < end; i++) {
      tokens[n] = e.token(i);
      offsets[2 * n] = e.startOffset(i);
      offsets[2 * n + 1] = e.endOffset(i);
      n++;
    }
    return this;
  }

  /**
   * Appends the tokens a model made of {@code splits}, word {@code w} being split {@code w}, with
   * offsets into the original text.
   */
  public EncodingBuilder appendSplits(List<Split> splits, int typeId, int sequence) {
    for (int w = 0; w < splits.size(); w++) {
      Split s = splits.get(w);
      NormalizedString piece = s.normalized();
      for (int t = 0; t < s.tokenCount(); t++) {
        int start = s.start(t);
        int end = s.end(t);
        ids[n] = s.id(t);
        tokens[n] = s.value(t);
        typeIds[n] = typeId;
        attention[n] = 1;
        words[n] = w;
        sequences[n] = sequence;
        offsets[2 * n] = piece.toOriginalStart(start, end);
        offsets[2 * n + 1] = piece.toOriginalEnd(start, end);
        n++;
      }
    }
    return this;
  }

  /** Appends the tokens of one text that a fused encoder made, word ids and offsets included. */
  public EncodingBuilder appendWordTokens(WordTokens t, int typeId, int sequence) {
    int m = t.size();
    t.copyTo(ids, tokens, offsets, words, n);
    Arrays.fill(typeIds, n, n + m, typeId);
    Arrays.fill(attention, n, n + m, 1);
    Arrays.fill(sequences, n, n + m, sequence);
    n += m;
    return this;
  }

  /** Adds a special token inserted by a post-processor: offsets (0, 0), no word, no sequence. */
  public EncodingBuilder addSpecial(int id, String token, int typeId) {
    ids[n] = id;
    tokens[n] = token;
    typeIds[n] = typeId;
    attention[n] = 1;
    special[n] = 1;
    words[n] = Encoding.NONE;
    sequences[n] = Encoding.NONE;
    n++;
    return this;
  }

  /** Adds {@code count} padding tokens: not attended to, no word, no sequence. */
  public EncodingBuilder addPadding(Padding padding, int count) {
    for (int i = 0; i < count; i++) {
      ids[n] = padding.padId();
      tokens[n] = padding.padToken();
      typeIds[n] = padding.padTypeId();
      special[n] = 1;
      words[n] = Encoding.NONE;
      sequences[n] = Encoding.NONE;
      n++;
    }
    return this;
  }

  public EncodingBuilder overflowing(List<Encoding> overflowing) {
    this.overflowing = overflowing;
    return this;
  }

  /**
   * @throws IllegalStateException if fewer tokens were added than the size given
   */
  public Encoding build() {
    if (n != ids.length) {
      throw new IllegalStateException(n + " tokens added to an encoding of " + ids.length);
    }
    Encoding.Builder b =
        Encoding.builder()
            .ids(ids)
            .tokens(tokens)
            .typeIds(typeIds)
            .attentionMask(attention)
            .specialTokensMask(special)
            .wordIds(words)
            .sequenceIds(sequences)
            .offsets(offsets);
    return overflowing.isEmpty() ? b.build() : b.overflowing(overflowing).build();
  }

  /** An encoding's offsets as {@code [start0, end0, start1, end1, ...]}. */
  public static int[] flatOffsets(Encoding e) {
    int[] out = new int[2 * e.size()];
    for (int i = 0; i < e.size(); i++) {
      out[2 * i] = e.startOffset(i);
      out[2 * i + 1] = e.endOffset(i);
    }
    return out;
  }

  /** A builder holding every column of {@code e}, to replace one of them. */
  public static Encoding.Builder copyOf(Encoding e) {
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
}
