package ai.boinc.transformers.tokenizers;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Any bytes given to {@link Tokenizers#fromJson} load or fail with {@link TokenizerLoadException}
 * within a time bound ({@link LoadOutcome}). In a normal build this replays the seeds in {@code
 * src/test/resources/ai/boinc/transformers/tokenizers/TokenizerJsonFuzzTestInputs/fromJson/};
 * with {@code JAZZER_FUZZ=1} Jazzer fuzzes from them and adds a failing input there.
 */
class TokenizerJsonFuzzTest {
  @FuzzTest(maxDuration = "2m")
  void fromJson(byte[] input) {
    LoadOutcome.check(new String(input, StandardCharsets.UTF_8));
  }
}
