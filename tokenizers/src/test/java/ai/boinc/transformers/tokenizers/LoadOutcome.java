package ai.boinc.transformers.tokenizers;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import java.time.Duration;
import java.util.List;

/**
 * The contract for any input to the loader, shared by the mutation property test and the fuzz
 * test: within a time bound, the text either loads (and then encodes and decodes a few texts) or
 * fails with {@link TokenizerLoadException}. A load error must not hide a programming error
 * (NullPointerException, ClassCastException, index errors) in its causes. Encoding a loaded
 * tokenizer may fail only as the reference does (a missing {@code unk_token}: IllegalStateException)
 * or with {@link RegexLimitExceededException}.
 */
final class LoadOutcome {
  static final Duration TIME_BOUND = Duration.ofSeconds(10);
  private static final List<String> TEXTS =
      List.of("Hello world! 123", "", " a  b\n", "<s>x</s>[CLS]", "é中😀\u0000");
  private static final List<Class<? extends Throwable>> BUGS =
      List.of(
          NullPointerException.class,
          ClassCastException.class,
          IndexOutOfBoundsException.class,
          ArithmeticException.class,
          NegativeArraySizeException.class,
          ArrayStoreException.class,
          StackOverflowError.class);

  private LoadOutcome() {}

  /** Asserts the contract for {@code json}; returns true if it loaded. */
  static boolean check(String json) {
    return assertTimeoutPreemptively(TIME_BOUND, () -> checkNow(json), () -> "took longer than " + TIME_BOUND + " for " + abbreviate(json));
  }

  private static boolean checkNow(String json) {
    PretrainedTokenizer t;
    try {
      t = Tokenizers.fromJson(json);
    } catch (TokenizerLoadException e) {
      for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
        for (Class<? extends Throwable> bug : BUGS) {
          if (bug.isInstance(c)) {
            throw new AssertionError("load error hides a bug: " + e.getMessage(), e);
          }
        }
      }
      return false;
    } catch (RuntimeException | StackOverflowError e) {
      throw new AssertionError("loading threw " + e + " instead of TokenizerLoadException for " + abbreviate(json), e);
    }
    for (String text : TEXTS) {
      try {
        Encoding e = t.encode(text, "pair " + text);
        t.decode(e.ids());
        t.decode(e.ids(), DecodeOptions.skipSpecialTokens());
      } catch (IllegalStateException | RegexLimitExceededException expected) {
        // as the reference, or a documented limit
      } catch (RuntimeException | StackOverflowError e) {
        throw new AssertionError("encoding " + text + " threw " + e + " for " + abbreviate(json), e);
      }
    }
    return true;
  }

  static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
  }
}
