package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.Text;

/**
 * JSON type {@code Strip}: removes leading ({@code strip_left}) and/or trailing ({@code
 * strip_right}) whitespace (Unicode White_Space). Immutable and thread-safe.
 */
public final class StripNormalizer implements Normalizer {
  private final boolean left;
  private final boolean right;

  public StripNormalizer(boolean left, boolean right) {
    this.left = left;
    this.right = right;
  }

  @Override
  public void normalize(NormalizedString text) {
    String s = text.normalized();
    int start = 0;
    int end = s.length();
    if (left) {
      while (start < end && Text.isWhiteSpace(s.codePointAt(start))) {
        start += Character.charCount(s.codePointAt(start));
      }
    }
    if (right) {
      while (end > start && Text.isWhiteSpace(s.codePointBefore(end))) {
        end -= Character.charCount(s.codePointBefore(end));
      }
    }
    if (start == 0 && end == s.length()) {
      return;
    }
    Filter.keepRange(text, start, end);
  }

  @Override
  public String toString() {
    return "Strip(left=" + left + ", right=" + right + ")";
  }
}
