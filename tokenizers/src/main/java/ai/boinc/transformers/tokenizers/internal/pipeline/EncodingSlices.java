package ai.boinc.transformers.tokenizers.internal.pipeline;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference's {@code Encoding::truncate} and {@code Encoding::pad} on immutable {@link
 * Encoding}s: cutting one into a window and its overflowing windows, and adding padding tokens
 * (to the overflowing encodings too). Stateless.
 */
public final class EncodingSlices {
  private EncodingSlices() {}

  /**
   * Cuts {@code e} to {@code maxLength} tokens; what is cut off becomes overflowing windows of at
   * most {@code maxLength} tokens, each repeating the last {@code stride} tokens of the one
   * before. With {@code maxLength} 0 the whole encoding overflows.
   *
   * @throws IllegalArgumentException if the encoding must be cut and {@code stride >= maxLength}
   */
  public static Encoding truncate(
      Encoding e, int maxLength, int stride, Truncation.Direction direction) {
    int n = e.size();
    if (maxLength >= n) {
      return e;
    }
    if (maxLength == 0) {
      return Encoding.builder().overflowing(List.of(e)).build();
    }
    if (stride >= maxLength) {
      throw new IllegalArgumentException(
          "truncation stride " + stride + " must be smaller than the length " + maxLength
              + " the sequence is cut to (special tokens the post-processor adds are subtracted"
              + " from max_length)");
    }
    int step = maxLength - stride;
    List<int[]> windows = new ArrayList<>();
    if (direction == Truncation.Direction.RIGHT) {
      for (int start = 0; start < n; start += step) {
        int stop = Math.min(start + maxLength, n);
        windows.add(new int[] {start, stop});
        if (stop == n) {
          break;
        }
      }
    } else {
      for (int last = n - 1; last >= 0; last -= step) {
        int stop = last + 1;
        int start = Math.max(0, stop - maxLength);
        windows.add(new int[] {start, stop});
        if (start == 0) {
          break;
        }
      }
    }
    List<Encoding> overflowing = new ArrayList<>(windows.size() - 1);
    for (int i = 1; i < windows.size(); i++) {
      overflowing.add(slice(e, windows.get(i)[0], windows.get(i)[1], List.of()));
    }
    return slice(e, windows.get(0)[0], windows.get(0)[1], overflowing);
  }

  /** Tokens {@code [start, end)} of {@code e}, with the given overflowing encodings. */
  public static Encoding slice(Encoding e, int start, int end, List<Encoding> overflowing) {
    return new EncodingBuilder(end - start).append(e, start, end).overflowing(overflowing).build();
  }

  /** {@code e} without its overflowing encodings. */
  public static Encoding withoutOverflowing(Encoding e) {
    return e.overflowing().isEmpty() ? e : slice(e, 0, e.size(), List.of());
  }

  /** {@code e} with {@code overflowing} as its overflowing encodings. */
  public static Encoding withOverflowing(Encoding e, List<Encoding> overflowing) {
    return slice(e, 0, e.size(), overflowing);
  }

  /**
   * Pads {@code e} and, first, each of its overflowing encodings (recursively) to {@code length}
   * tokens; encodings already that long are left as they are.
   */
  public static Encoding pad(Encoding e, int length, Padding padding) {
    List<Encoding> overflowing = e.overflowing();
    List<Encoding> padded = overflowing;
    if (!overflowing.isEmpty()) {
      padded = new ArrayList<>(overflowing.size());
      for (Encoding o : overflowing) {
        padded.add(pad(o, length, padding));
      }
    }
    int n = e.size();
    if (n >= length) {
      return padded == overflowing ? e : withOverflowing(e, padded);
    }
    int extra = length - n;
    EncodingBuilder b = new EncodingBuilder(length);
    if (padding.direction() == Padding.Direction.LEFT) {
      b.addPadding(padding, extra).append(e);
    } else {
      b.append(e).addPadding(padding, extra);
    }
    return b.overflowing(padded).build();
  }
}
