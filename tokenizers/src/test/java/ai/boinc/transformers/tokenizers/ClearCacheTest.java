package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Emptying the model's caches changes no id, in either layer, while the caches refill. */
class ClearCacheTest {
  @ParameterizedTest
  @ValueSource(strings = {"llama-3", "llama-2", "t5-small", "bert-base-uncased"})
  void idsAreTheSameBeforeAndAfterTheCacheIsEmptied(String model) throws IOException {
    List<String> texts = Files.readAllLines(Fixtures.root().resolve("corpus/public.txt"), StandardCharsets.UTF_8)
        .stream().limit(80).collect(Collectors.toList());
    PretrainedTokenizer raw = Tokenizers.fromFile(Fixtures.tokenizerDir(model).resolve("tokenizer.json"));
    ModelTokenizer modelLayer = Tokenizers.fromDirectory(Fixtures.tokenizerDir(model));
    for (PretrainedTokenizer tokenizer : List.of(raw, modelLayer)) {
      List<int[]> before = texts.stream().map(t -> tokenizer.encode(t).ids()).collect(Collectors.toList());
      tokenizer.clearCache();
      List<int[]> after = texts.stream().map(t -> tokenizer.encode(t).ids()).collect(Collectors.toList());
      tokenizer.clearCache();
      assertThat(after).containsExactlyElementsOf(before);
      assertThat(texts.stream().map(t -> tokenizer.encode(t).ids()).collect(Collectors.toList()))
          .containsExactlyElementsOf(before);
    }
  }
}
