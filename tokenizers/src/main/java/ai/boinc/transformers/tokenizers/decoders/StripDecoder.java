package ai.boinc.transformers.tokenizers.decoders;

import java.util.ArrayList;
import java.util.List;

/**
 * JSON type {@code Strip}: removes up to {@code start} leading and {@code stop} trailing
 * occurrences of one character from every token (Llama uses it to drop the space its
 * normalizer put in front). Immutable and thread-safe.
 */
public final class StripDecoder implements Decoder {
  private final int content;
  private final int start;
  private final int stop;

  /**
   * @param content the character (code point) to strip
   * @throws IllegalArgumentException if {@code start} or {@code stop} is negative
   */
  public StripDecoder(int content, int start, int stop) {
    if (start < 0 || stop < 0) {
      throw new IllegalArgumentException("start and stop must be >= 0");
    }
    this.content = content;
    this.start = start;
    this.stop = stop;
  }

  @Override
  public List<String> decodeChain(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (String token : tokens) {
      int[] cps = token.codePoints().toArray();
      int startCut = 0;
      for (int i = 0; i < Math.min(start, cps.length) && cps[i] == content; i++) {
        startCut = i + 1;
      }
      int stopCut = cps.length;
      for (int i = 0; i < stop && cps.length - i - 1 >= 0; i++) {
        int index = cps.length - i - 1;
        if (cps[index] != content) {
          break;
        }
        stopCut = index;
      }
      // The reference would fail on overlapping cuts; nothing is left then.
      out.add(startCut >= stopCut ? "" : new String(cps, startCut, stopCut - startCut));
    }
    return out;
  }

  @Override
  public String toString() {
    return "Strip(" + new String(Character.toChars(content)) + ", " + start + ", " + stop + ")";
  }
}
