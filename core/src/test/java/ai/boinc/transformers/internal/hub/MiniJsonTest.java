package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MiniJsonTest {
  @Test
  void readsTheShapesOfTheHubsAnswers() {
    Object json = MiniJson.parse(
        "{\"sha\":\"abc\",\"private\":false,\"gated\":null,\"n\":-12,\"f\":1.5e3,"
            + "\"siblings\":[{\"rfilename\":\"a\\u00e9\\n\\\"b\"},{}]}");
    assertThat(json).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) json;
    assertThat(map.get("sha")).isEqualTo("abc");
    assertThat(map.get("private")).isEqualTo(false);
    assertThat(map.containsKey("gated")).isTrue();
    assertThat(map.get("n")).isEqualTo(-12L);
    assertThat(map.get("f")).isEqualTo(1500.0);
    assertThat(((Map<?, ?>) ((List<?>) map.get("siblings")).get(0)).get("rfilename")).isEqualTo("a\u00e9\n\"b");
  }

  @Test
  void rejectsMalformedInputWithTheOffset() {
    for (String bad : new String[] {"", "{", "{\"a\" 1}", "[1,]", "tru", "\"\\x\"", "{} x", "\"a\nb\""}) {
      assertThatThrownBy(() -> MiniJson.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("offset");
    }
  }

  @Test
  void boundsNesting() {
    assertThatThrownBy(() -> MiniJson.parse("[".repeat(1000) + "]".repeat(1000)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nested");
  }
}
