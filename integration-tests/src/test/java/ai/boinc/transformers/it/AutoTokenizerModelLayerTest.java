package ai.boinc.transformers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.tokenizers.AutoTokenizer;
import ai.boinc.transformers.tokenizers.BatchEncodeOptions;
import ai.boinc.transformers.tokenizers.BatchEncodeOptions.PaddingStrategy;
import ai.boinc.transformers.tokenizers.MissingPadTokenException;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AutoTokenizer.fromPretrained} gives the model tokenizer of a hub repository: named after
 * the repository in its messages, with the repository's {@code chat_template.jinja} when it has
 * one.
 */
class AutoTokenizerModelLayerTest {
  private static final String REPO = "acme/chat-llama";
  private static final String TEMPLATE = "{% for m in messages %}{{ m.content }}{% endfor %}";

  @TempDir Path cache;

  @Test
  void theModelTokenizerOfARepositoryIsNamedAfterItAndHasItsChatTemplate() {
    try (LocalHub hub = LocalHub.builder()
        .repo(HubRepo.model(REPO).publicRepo().filesFrom(Fixtures.tokenizerDir("llama-2"))
            .file("chat_template.jinja", TEMPLATE).build())
        .start()) {
      Hub client = Hub.builder()
          .settings(HubSettings.builder().endpoint(hub.endpoint()).cacheDir(cache).build())
          .build();

      ModelTokenizer tokenizer = AutoTokenizer.fromPretrained(REPO, client);

      assertThat(tokenizer.name()).isEqualTo(REPO);
      assertThat(tokenizer.tokenizerClass()).isEqualTo("LlamaTokenizer");
      assertThat(tokenizer.chatTemplates()).containsEntry("default", TEMPLATE);
      assertThatThrownBy(() -> tokenizer.batchEncode(List.of("a", "b c"),
              BatchEncodeOptions.newBuilder().padding(PaddingStrategy.LONGEST).build()))
          .isInstanceOf(MissingPadTokenException.class)
          .hasMessageContaining(REPO);
    }
  }
}
