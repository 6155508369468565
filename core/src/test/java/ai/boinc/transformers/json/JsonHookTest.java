package ai.boinc.transformers.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A hook reads the members it names in a form of its own, and declines by rewinding. */
class JsonHookTest {
  /** Reads $.a.ints as an int[] when it is an array of non-negative ints. */
  private static final class IntArrays implements JsonHook {
    final List<Integer> calls = new ArrayList<>();

    @Override
    public List<List<String>> members() {
      return List.of(List.of("a", "ints"), List.of("top"));
    }

    @Override
    public Object read(int index, JsonReader reader) {
      calls.add(index);
      if (index != 0 || !reader.skip('[')) {
        return null;
      }
      int start = reader.position() - 1;
      List<Integer> out = new ArrayList<>();
      reader.skipSpace();
      while (!reader.skip(']')) {
        int v = reader.readNonNegativeInt();
        if (v < 0) {
          reader.reset(start);
          return null;
        }
        out.add(v);
        reader.skipSpace();
        reader.skip(',');
        reader.skipSpace();
      }
      return out.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  private static Object parse(String json, JsonHook hook) {
    return JsonReader.parse(json.getBytes(StandardCharsets.UTF_8), 0, JsonLimits.DEFAULT, hook);
  }

  @Test
  void readsTheNamedMemberItselfAndNothingElse() {
    IntArrays hook = new IntArrays();
    Map<?, ?> root =
        (Map<?, ?>) parse("{\"ints\": [1], \"a\": {\"ints\": [1, 2, 3], \"b\": {\"ints\": [4]}}, \"top\": 5}", hook);
    Map<?, ?> a = (Map<?, ?>) root.get("a");
    assertThat((int[]) a.get("ints")).containsExactly(1, 2, 3);
    assertThat(root.get("ints")).isEqualTo(List.of(1L));
    assertThat(((Map<?, ?>) a.get("b")).get("ints")).isEqualTo(List.of(4L));
    assertThat(root.get("top")).isEqualTo(5L);
    assertThat(hook.calls).containsExactly(0, 1);
  }

  @Test
  void aDeclinedMemberIsReadAsUsual() {
    Map<?, ?> a = (Map<?, ?>) ((Map<?, ?>) parse("{\"a\": {\"ints\": [1, -2, \"x\"]}}", new IntArrays())).get("a");
    assertThat(a.get("ints")).isEqualTo(List.of(1L, -2L, "x"));
    assertThatThrownBy(() -> parse("{\"a\": {\"ints\": [1, 2,, 3]}}", new IntArrays()))
        .isInstanceOf(JsonException.class)
        .hasMessage("malformed JSON at offset 21: expected a value");
  }

  @Test
  void theCursorReadsStringsIntoItsBuffer() {
    JsonReader r = JsonReader.at("  \"a\\u00e9\\n\" 12 012".getBytes(StandardCharsets.UTF_8), 0, JsonLimits.DEFAULT);
    r.skipSpace();
    assertThat(r.peek()).isEqualTo('"');
    int n = r.readChars();
    assertThat(new String(r.chars(), 0, n)).isEqualTo("a\u00e9\n");
    r.skipSpace();
    assertThat(r.readNonNegativeInt()).isEqualTo(12);
    r.skipSpace();
    int at = r.position();
    assertThat(r.readNonNegativeInt()).isEqualTo(-1);
    assertThat(r.position()).isEqualTo(at);
    r.reset(0);
    assertThat(r.peek()).isEqualTo(' ');
  }
}
