package ai.boinc.transformers.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.tokenizers.ChatOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChatTemplateOptionsTest {
  @Test
  void survivesJavaSerializationAndBuildsTheSameChatOptions() throws Exception {
    ChatTemplateOptions options = ChatTemplateOptions.newBuilder()
        .addGenerationPrompt(true)
        .extraVariable("enable_thinking", false)
        .extraVariable("budget", Map.of("tokens", 512, "ratio", 0.5))
        .tools(List.of(Map.of("type", "function", "function", Map.of("name", "weather"))))
        .templateName("tool_use")
        .inputIds(true)
        .onError(OnError.NULL_WITH_ERROR)
        .build();

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(options);
    }
    ChatTemplateOptions copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ChatTemplateOptions) in.readObject();
    }
    ChatOptions chat = copy.chatOptions();

    assertThat(chat.addGenerationPrompt()).isTrue();
    assertThat(chat.extraVariables()).containsEntry("enable_thinking", false)
        .containsEntry("budget", Map.of("tokens", 512, "ratio", 0.5));
    assertThat(chat.tools()).contains(
        List.of(Map.of("type", "function", "function", Map.of("name", "weather"))));
    assertThat(chat.templateName()).contains("tool_use");
    assertThat(copy.inputIds()).isTrue();
    assertThat(copy.onError()).isEqualTo(OnError.NULL_WITH_ERROR);
  }

  @Test
  void defaultsAreThoseOfPythonsApplyChatTemplateAndFailOnBadRows() {
    ChatTemplateOptions defaults = ChatTemplateOptions.defaults();
    assertThat(defaults.addGenerationPrompt()).isFalse();
    assertThat(defaults.extraVariables()).isEmpty();
    assertThat(defaults.inputIds()).isFalse();
    assertThat(defaults.onError()).isEqualTo(OnError.FAIL);
    assertThat(defaults.chatOptions().tools()).isEmpty();
  }

  @Test
  void rejectsValuesThatAreNotJsonLike() {
    assertThatThrownBy(() -> ChatTemplateOptions.newBuilder()
            .extraVariable("docs", List.of(Map.of("when", java.time.Instant.EPOCH))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the value at docs[0].when is a java.time.Instant; expected a JSON-like value");
    assertThatThrownBy(() -> ChatTemplateOptions.newBuilder().extraVariable("m", Map.of(1, "x")))
        .hasMessage("the map at m has a key of type java.lang.Integer; JSON-like maps have string keys");
  }
}
