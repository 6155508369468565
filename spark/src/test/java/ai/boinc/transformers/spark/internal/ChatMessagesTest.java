package ai.boinc.transformers.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

class ChatMessagesTest {
  @Test
  void jsonKeepsKeyOrderIntsFloatsAndNulls() {
    List<Map<String, Object>> messages = ChatMessages.of(
        "[{\"role\":\"user\",\"content\":null,\"n\":1,\"big\":12345678901,\"f\":1.0,"
            + "\"meta\":{\"z\":1,\"a\":[true,\"x\"]}}]");

    Map<String, Object> message = messages.get(0);
    assertThat(message.keySet()).containsExactly("role", "content", "n", "big", "f", "meta");
    assertThat(message).containsEntry("content", null);
    assertThat(message.get("n")).isEqualTo(1);
    assertThat(message.get("big")).isEqualTo(12345678901L);
    assertThat(message.get("f")).isEqualTo(1.0d);
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) message.get("meta");
    assertThat(meta.keySet()).containsExactly("z", "a");
    assertThat(meta.get("a")).isEqualTo(List.of(true, "x"));
  }

  @Test
  void structsBecomeMapsWithoutTheirNullFields() {
    StructType call = new StructType().add("name", DataTypes.StringType)
        .add("arguments", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    StructType message = new StructType()
        .add("role", DataTypes.StringType)
        .add("content", DataTypes.StringType)
        .add("tool_calls", DataTypes.createArrayType(call));
    scala.collection.immutable.Map<String, String> arguments =
        scala.collection.immutable.Map$.MODULE$.<String, String>empty().updated("city", "Paris");
    Row toolCall = new GenericRowWithSchema(new Object[] {"weather", arguments}, call);
    Row assistant = new GenericRowWithSchema(new Object[] {
        "assistant", null, CollectionConverters.asScala(List.of(toolCall)).toSeq()}, message);
    Row user = new GenericRowWithSchema(new Object[] {"user", "Hi", null}, message);

    List<Map<String, Object>> messages =
        ChatMessages.of(CollectionConverters.asScala(List.of(user, assistant)).toSeq());

    assertThat(messages.get(0)).containsExactly(Map.entry("role", "user"), Map.entry("content", "Hi"));
    assertThat(messages.get(1).keySet()).containsExactly("role", "tool_calls");
    assertThat(messages.get(1).get("tool_calls"))
        .isEqualTo(List.of(Map.of("name", "weather", "arguments", Map.of("city", "Paris"))));
  }

  @Test
  void badValuesSayWhatIsWrongWithoutTheText() {
    assertThatThrownBy(() -> ChatMessages.of("[{\"role\": \"user\", \"content\": \"secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the messages are not valid JSON (line 1")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> ChatMessages.of("\"secret\""))
        .hasMessage("the messages JSON is a string; expected an array of message objects like"
            + " [{\"role\":\"user\",\"content\":\"...\"}]");
    assertThatThrownBy(() -> ChatMessages.of("[{}, 3]"))
        .hasMessage("message 1 is a number; expected an object with \"role\" and \"content\"");
    assertThatThrownBy(() -> ChatMessages.of(42))
        .hasMessageContaining("the messages are a java.lang.Integer");
  }
}
