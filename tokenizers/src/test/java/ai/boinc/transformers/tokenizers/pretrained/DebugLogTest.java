package ai.boinc.transformers.tokenizers.pretrained;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the model layer does not act on it says at DEBUG: an unknown {@code tokenizer_class}
 * (generic behaviour, as Transformers.js), and config flags that disagree with {@code
 * tokenizer.json} (which wins, as in Transformers.js).
 */
class DebugLogTest {
  @TempDir Path temp;

  @Test
  void anUnknownClassFallsBackToTheGenericBehaviour() throws IOException {
    Path dir = ConfigVariants.folder(temp, "gpt2", "{\"tokenizer_class\": \"FancyTokenizerFast\"}");
    List<String> messages = capture("ai.boinc.transformers.tokenizers.internal.pretrained.TokenizerClasses",
        () -> Tokenizers.fromDirectory(dir));

    assertThat(messages).anySatisfy(m -> assertThat(m).contains("FancyTokenizerFast", "generic"));
  }

  @Test
  void aPrefixSpaceFlagUnlikeTokenizerJsonIsLoggedAndTokenizerJsonWins() throws IOException {
    Path dir = ConfigVariants.folder(temp, "gpt2", "{\"tokenizer_class\": \"GPT2Tokenizer\", \"add_prefix_space\": true}");
    ModelTokenizer[] loaded = new ModelTokenizer[1];
    List<String> messages = capture("ai.boinc.transformers.tokenizers.internal.pretrained.ConfigDisagreements",
        () -> loaded[0] = Tokenizers.fromDirectory(dir));

    assertThat(messages).anySatisfy(m -> assertThat(m).contains("add_prefix_space=true", "ByteLevel"));
    assertThat(loaded[0].encode("Hello").ids())
        .containsExactly(Tokenizers.fromDirectory(Fixtures.tokenizerDir("gpt2")).encode("Hello").ids());
  }

  private List<String> capture(String loggerName, Runnable action) {
    Logger logger = Logger.getLogger(loggerName);
    List<String> messages = new ArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        Object[] params = record.getParameters();
        messages.add(params == null ? record.getMessage()
            : java.text.MessageFormat.format(record.getMessage(), params));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Level before = logger.getLevel();
    logger.setLevel(Level.FINE);
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
    try {
      action.run();
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
    }
    return messages;
  }

}
