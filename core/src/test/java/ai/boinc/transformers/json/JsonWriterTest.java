package ai.boinc.transformers.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The two string styles: minimal escapes, and visible (golden-file) escapes. */
class JsonWriterTest {
  @Test
  void writeStringEscapesOnlyWhatJsonNeeds() {
    assertThat(JsonWriter.writeString("a\"\\\n\u0001\u007f\u00ad\u2028\ue000\ud800\ud83d\ude00", new StringBuilder()))
        .hasToString("\"a\\\"\\\\\\n\\u0001\u007f\u00ad\u2028\ue000\\ud800\ud83d\ude00\"");
  }

  @Test
  void writeVisibleStringAlsoEscapesInvisibleCharacters() {
    assertThat(
            JsonWriter.writeVisibleString(
                "a \u007f\u00ad\u00a0\u2028\ue000\ufdd0\uffff\udb80\udc00\ud800\ud83d\ude00é", new StringBuilder()))
        .hasToString(
            "\"a \\u007f\\u00ad\\u00a0\\u2028\\ue000\\ufdd0\\uffff\\udb80\\udc00\\ud800\ud83d\ude00é\"");
  }
}
