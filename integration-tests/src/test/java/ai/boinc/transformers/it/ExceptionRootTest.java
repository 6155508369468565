package ai.boinc.transformers.it;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.TransformersException;
import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One catch for the whole SDK: the tokenizer's errors share the root of the hub's and the credentials'. */
class ExceptionRootTest {
  @Test
  void aMalformedTokenizerIsATransformersExceptionThatNoRetryFixes(@TempDir Path dir) throws Exception {
    Path json = Files.writeString(dir.resolve("tokenizer.json"), "{\"model\": ");

    assertThatThrownBy(() -> Tokenizers.fromFile(json))
        .isInstanceOf(TokenizerLoadException.class)
        .isInstanceOf(TransformersException.class)
        .matches(e -> !((TransformersException) e).isRetryable(), "not retryable");
  }
}
