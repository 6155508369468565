package ai.boinc.transformers.spark.internal;

import ai.boinc.transformers.spark.TokenizeOptions;

/** Why a text is not encoded before the tokenizer sees it, or {@code null} when it is fine. */
final class TextCheck {
  private TextCheck() {}

  static String problem(String text, TokenizeOptions options) {
    if (text == null) {
      return "the text is null";
    }
    if (text.length() > options.maxChars()) {
      return "the text has " + text.length() + " chars, over the limit of " + options.maxChars()
          + " (TokenizeOptions.maxChars)";
    }
    return null;
  }

  /** A tokenizer failure as a reason: its type and message (which never holds the text). */
  static String reason(RuntimeException e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
