package ai.boinc.transformers.tokenizers.internal.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizers.Fixtures;
import ai.boinc.transformers.tokenizers.Tokenizers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A freshly loaded byte-level tokenizer used by several threads at once while its byte tables
 * are built and its whole tokens learned on the pool, and while another thread keeps emptying
 * its caches: every encoding equals the general path's.
 */
class ByteLevelFastPathConcurrencyTest {
  private static final List<String> TEXTS =
      List.of(
          "Hello world! It's a test of 12345 tokens, naïve café 😀 中文字.",
          "   leading spaces\n\nand\r\nlines\tand tabs",
          "internationalization antidisestablishmentarianism Pneumonoultramicroscopic",
          "def f(x):\n    return x ** 2  # comment <|endoftext|> more",
          "ΣΑΣ ǅungla http://example.com/a/b?c=d&e=f ...!!!");

  @Test
  void threadsEncodingWhileTablesAreBuiltAndCachesEmptiedAgreeWithTheGeneralPath()
      throws Exception {
    for (String family : List.of("gpt-4o", "llama-3")) {
      PipelineTokenizer t =
          (PipelineTokenizer)
              Tokenizers.fromFile(Fixtures.tokenizerDir(family).resolve("tokenizer.json"));
      List<Encoding> expected = new ArrayList<>();
      for (String text : TEXTS) {
        expected.add(t.encodeWithoutFastPathForTest(text, null, true));
      }
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Callable<Integer>> work = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
          work.add(
              () -> {
                int checked = 0;
                for (int round = 0; round < 300; round++) {
                  for (int i = 0; i < TEXTS.size(); i++) {
                    assertThat(t.encode(TEXTS.get(i), EncodeOptions.addSpecialTokens(true)))
                        .isEqualTo(expected.get(i));
                    checked++;
                  }
                }
                return checked;
              });
        }
        work.add(
            () -> {
              for (int round = 0; round < 200; round++) {
                t.clearCache();
                Thread.sleep(1);
              }
              return 0;
            });
        int total = 0;
        for (Future<Integer> f : pool.invokeAll(work, 2, TimeUnit.MINUTES)) {
          total += f.get();
        }
        assertThat(total).isEqualTo(3 * 300 * TEXTS.size());
        assertThat(t.hasFastPath()).isTrue();
      } finally {
        pool.shutdownNow();
      }
    }
  }
}
