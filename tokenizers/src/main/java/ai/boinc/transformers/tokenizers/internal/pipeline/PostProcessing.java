package ai.boinc.transformers.tokenizers.internal.pipeline;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reference's {@code post_process}: truncation of the sequence(s), the post-processor, then
 * padding — with the reference's treatment of overflowing windows. Each window of the first
 * sequence is combined with the second sequence and with each of its windows, and the other way
 * round, nested exactly as the reference's {@code Encoding::merge_with} nests them; tokens of a
 * window keep the type id of their sequence (0 or 1) where the main encoding gets the template's.
 * Stateless.
 */
public final class PostProcessing {
  private PostProcessing() {}

  /** Combines one or two sequences into one encoding (a post-processor, or plain concatenation). */
  @FunctionalInterface
  public interface Combiner {
    /** @param pair null for a single sequence */
    Encoding combine(Encoding first, Encoding pair);
  }

  /**
   * @param first the first sequence, as the model tokenized it
   * @param pair the second sequence, or null
   * @param addedTokens the number of special tokens the combiner adds (0 when it adds none)
   * @throws IllegalArgumentException where the reference fails: a strategy that cuts the second
   *     sequence without one, a sequence too short to remove enough tokens from, or a stride not
   *     smaller than the length a sequence is cut to
   */
  public static Encoding apply(
      Encoding first,
      Encoding pair,
      Combiner combiner,
      int addedTokens,
      Optional<Truncation> truncation,
      Optional<Padding> padding) {
    Encoding a = first;
    Encoding b = pair;
    if (truncation.isPresent()) {
      Truncation t = truncation.get();
      int maxLength = t.maxLength();
      boolean truncate = true;
      if (addedTokens > 0) {
        // The reference subtracts in unsigned arithmetic: a max_length smaller than the special
        // tokens wraps around to a huge limit, so nothing is truncated.
        truncate = maxLength >= addedTokens;
        maxLength -= addedTokens;
      }
      if (truncate) {
        Encoding[] cut = truncatePair(a, b, maxLength, t);
        a = cut[0];
        b = cut[1];
      }
    }
    Encoding result = combine(a, b, combiner);
    if (padding.isPresent()) {
      result = EncodingSlices.pad(result, padding.get().targetLength(result.size()), padding.get());
    }
    return result;
  }

  /**
   * Pads every encoding of a batch to the same length: the padding's fixed length or the longest
   * encoding of the batch, rounded up to its multiple. Overflowing encodings are padded to that
   * length too.
   */
  public static List<Encoding> padBatch(List<Encoding> encodings, Padding padding) {
    if (encodings.isEmpty()) {
      return encodings;
    }
    int longest = 0;
    for (Encoding e : encodings) {
      longest = Math.max(longest, e.size());
    }
    int length = padding.targetLength(longest);
    List<Encoding> out = new ArrayList<>(encodings.size());
    for (Encoding e : encodings) {
      out.add(EncodingSlices.pad(e, length, padding));
    }
    return out;
  }

  /** The reference's {@code truncate_encodings}. */
  static Encoding[] truncatePair(Encoding a, Encoding b, int maxLength, Truncation t) {
    int stride = t.stride();
    Truncation.Direction direction = t.direction();
    if (maxLength == 0) {
      return new Encoding[] {
        EncodingSlices.truncate(a, 0, stride, direction),
        b == null ? null : EncodingSlices.truncate(b, 0, stride, direction)
      };
    }
    int total = a.size() + (b == null ? 0 : b.size());
    if (total <= maxLength) {
      return new Encoding[] {a, b};
    }
    int toRemove = total - maxLength;
    switch (t.strategy()) {
      case LONGEST_FIRST:
        if (b == null) {
          return new Encoding[] {EncodingSlices.truncate(a, maxLength, stride, direction), null};
        }
        int n1 = a.size();
        int n2 = b.size();
        boolean swap = n1 > n2;
        if (swap) {
          int tmp = n1;
          n1 = n2;
          n2 = tmp;
        }
        n2 = n1 > maxLength ? n1 : Math.max(n1, maxLength - n1);
        if (n1 + n2 > maxLength) {
          n1 = maxLength / 2;
          n2 = n1 + maxLength % 2;
        }
        if (swap) {
          int tmp = n1;
          n1 = n2;
          n2 = tmp;
        }
        return new Encoding[] {
          EncodingSlices.truncate(a, n1, stride, direction),
          EncodingSlices.truncate(b, n2, stride, direction)
        };
      case ONLY_FIRST:
      case ONLY_SECOND:
      default:
        boolean second = t.strategy() == Truncation.Strategy.ONLY_SECOND;
        if (second && b == null) {
          throw new IllegalArgumentException("Truncation error: Second sequence not provided");
        }
        Encoding target = second ? b : a;
        if (target.size() <= toRemove) {
          throw new IllegalArgumentException(
              "Truncation error: Sequence to truncate too short to respect the provided max_length");
        }
        Encoding cut = EncodingSlices.truncate(target, target.size() - toRemove, stride, direction);
        return second ? new Encoding[] {a, cut} : new Encoding[] {cut, b};
    }
  }

  /** The combined encoding with its overflowing windows, nested as the reference nests them. */
  private static Encoding combine(Encoding a, Encoding b, Combiner combiner) {
    List<Encoding> aWindows = a.overflowing();
    List<Encoding> bWindows = b == null ? List.of() : b.overflowing();
    Encoding aMain = EncodingSlices.withoutOverflowing(a);
    Encoding bMain = b == null ? null : EncodingSlices.withoutOverflowing(b);
    Encoding main = combiner.combine(aMain, bMain);
    if (aWindows.isEmpty() && bWindows.isEmpty()) {
      return main;
    }
    List<Encoding> overflowing = new ArrayList<>();
    for (Encoding aw : aWindows) {
      if (b == null) {
        overflowing.add(windowOf(combiner, aw, null, true, false, List.of()));
        continue;
      }
      List<Encoding> nested = new ArrayList<>(bWindows.size());
      for (Encoding bw : bWindows) {
        nested.add(windowOf(combiner, aw, bw, true, true, List.of()));
      }
      overflowing.add(windowOf(combiner, aw, bMain, true, false, nested));
      overflowing.addAll(nested);
    }
    for (Encoding bw : bWindows) {
      List<Encoding> nested = new ArrayList<>(aWindows.size());
      for (Encoding aw : aWindows) {
        nested.add(windowOf(combiner, aw, bw, true, true, List.of()));
      }
      overflowing.add(windowOf(combiner, aMain, bw, false, true, nested));
    }
    return EncodingSlices.withOverflowing(main, overflowing);
  }

  /**
   * One combination; tokens from an overflowing window get their sequence's index as type id, as
   * in the reference, where only the main encodings receive the template's type ids.
   */
  private static Encoding windowOf(
      Combiner combiner,
      Encoding first,
      Encoding pair,
      boolean firstIsWindow,
      boolean pairIsWindow,
      List<Encoding> nested) {
    Encoding e = combiner.combine(first, pair);
    int[] typeIds = e.typeIds();
    int[] sequences = e.sequenceIds();
    for (int i = 0; i < typeIds.length; i++) {
      if ((sequences[i] == 0 && firstIsWindow) || (sequences[i] == 1 && pairIsWindow)) {
        typeIds[i] = sequences[i];
      }
    }
    String[] tokens = e.tokens().toArray(new String[0]);
    int[] offsets = new int[2 * e.size()];
    for (int i = 0; i < e.size(); i++) {
      offsets[2 * i] = e.startOffset(i);
      offsets[2 * i + 1] = e.endOffset(i);
    }
    return Encoding.builder()
        .ids(e.ids())
        .tokens(tokens)
        .typeIds(typeIds)
        .attentionMask(e.attentionMask())
        .specialTokensMask(e.specialTokensMask())
        .wordIds(e.wordIds())
        .sequenceIds(sequences)
        .offsets(offsets)
        .overflowing(nested)
        .build();
  }
}
