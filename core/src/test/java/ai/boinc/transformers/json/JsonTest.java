package ai.boinc.transformers.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static final String SECRET = "ba_planted_secret";

  @Test
  void readsTheShapesOfTheHubsAnswers() {
    Object json = JsonReader.parse(
        " {\"sha\":\"abc\",\"private\":false,\"gated\":null,\"n\":-12,\"f\":1.5e3,\r\n\t"
            + "\"siblings\":[{\"rfilename\":\"a\\u00e9\\n\\\"b\"},{}]} ");
    assertThat(json).isInstanceOf(Map.class);
    Map<?, ?> map = (Map<?, ?>) json;
    assertThat(List.<Object>copyOf(map.keySet())).containsExactly("sha", "private", "gated", "n", "f", "siblings");
    assertThat(map.get("sha")).isEqualTo("abc");
    assertThat(map.get("private")).isEqualTo(false);
    assertThat(map.containsKey("gated")).isTrue();
    assertThat(map.get("gated")).isNull();
    assertThat(map.get("n")).isEqualTo(-12L);
    assertThat(map.get("f")).isEqualTo(new BigDecimal("1.5e3"));
    assertThat(((Map<?, ?>) ((List<?>) map.get("siblings")).get(0)).get("rfilename")).isEqualTo("a\u00e9\n\"b");
    assertThat(((List<?>) map.get("siblings")).get(1)).isEqualTo(Map.of());
  }

  @Test
  void readsEveryScalarAtTheTop() {
    assertThat(JsonReader.parse("true")).isEqualTo(true);
    assertThat(JsonReader.parse("false")).isEqualTo(false);
    assertThat(JsonReader.parse(" null ")).isNull();
    assertThat(JsonReader.parse("\"\"")).isEqualTo("");
    assertThat(JsonReader.parse("0")).isEqualTo(0L);
    assertThat(JsonReader.parse("[]")).isEqualTo(List.of());
    assertThat(JsonReader.parse("{}")).isEqualTo(Map.of());
  }

  @Test
  void readsEveryEscape() {
    assertThat(JsonReader.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00E9\\u20ac\"")).isEqualTo("\"\\/\b\f\n\r\tA\u00e9\u20ac");
    assertThat(JsonReader.parse("\"\\ud83d\\ude00\"")).isEqualTo("\ud83d\ude00");
    assertThat(JsonReader.parse("\"\ud83d\ude00 raw\"")).isEqualTo("\ud83d\ude00 raw");
    assertThat(JsonReader.parse("\"\u007f\u0080\"")).isEqualTo("\u007f\u0080");
  }

  @Test
  void keepsLoneSurrogatesAsAlways() {
    assertThat(JsonReader.parse("\"\\ud800\"")).isEqualTo("\ud800");
    assertThat(JsonReader.parse("\"x\\udc00y\"")).isEqualTo("x\udc00y");
    assertThat(JsonReader.parse("\"\ud800\"")).isEqualTo("\ud800");
  }

  @Test
  void readsIntegersThatFitAsLongAndOtherNumbersExactly() {
    assertThat(JsonReader.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(JsonReader.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(JsonReader.parse("-0")).isEqualTo(0L);
    assertThat(JsonReader.parse("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808"));
    assertThat(JsonReader.parse("99999999999999999999999999")).isEqualTo(new BigDecimal("99999999999999999999999999"));
    assertThat(JsonReader.parse("0.1000000000000000055511151231257827"))
        .isEqualTo(new BigDecimal("0.1000000000000000055511151231257827"));
    assertThat(JsonReader.parse("1e400")).isEqualTo(new BigDecimal("1e400"));
    assertThat(JsonReader.parse("-1.5E-3")).isEqualTo(new BigDecimal("-0.0015"));
    assertThat(JsonReader.parse("1.0")).isEqualTo(new BigDecimal("1.0"));
    assertThat(JsonReader.parse("3600")).hasToString("3600");
  }

  @Test
  void aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue() {
    Map<?, ?> map = (Map<?, ?>) JsonReader.parse("{\"a\":1,\"b\":2,\"a\":3}");
    assertThat(List.<Object>copyOf(map.keySet())).containsExactly("a", "b");
    assertThat(map.get("a")).isEqualTo(3L);
  }

  @Test
  void rejectsMalformedInputNamingTheOffset() {
    String[][] cases = {
      {"", "0"}, {"   ", "3"}, {"{", "1"}, {"{\"a\" 1}", "5"}, {"{\"a\":1,}", "7"}, {"{\"a\":1 \"b\":2}", "7"},
      {"{1:2}", "1"}, {"[1,]", "3"}, {"[1 2]", "3"}, {"[", "1"}, {"]", "0"}, {"tru", "0"}, {"nul", "0"},
      {"True", "0"}, {"\"\\x\"", "1"}, {"{} x", "3"}, {"1 2", "2"}, {"\"a\nb\"", "2"}, {"\"abc", "4"},
      {"\"ab\\", "4"}, {"\"\\u12\"", "1"}, {"\"\\u12G4\"", "1"}, {"\"\\u+123\"", "1"}, {"\"\\u-001\"", "1"},
      {"01", "1"}, {"-", "1"}, {"-a", "1"}, {"1.", "2"}, {".5", "0"}, {"+1", "0"}, {"1e", "2"}, {"1e+", "3"},
      {"0x10", "1"}, {"NaN", "0"}, {"Infinity", "0"}, {"-Infinity", "1"}, {"1.5.2", "3"}, {"'a'", "0"},
      {"\u00a0{}", "0"}, {"\ufeff{}", "0"}, {"{}\u000b", "2"}, {"1e9999999999", "0"}, {"[1e-9999999999]", "1"},
    };
    for (String[] bad : cases) {
      assertThatThrownBy(() -> JsonReader.parse(bad[0])).as(bad[0]).isInstanceOf(JsonException.class)
          .hasMessageStartingWith("malformed JSON at offset " + bad[1] + ": ")
          .satisfies(e -> assertThat(((JsonException) e).offset()).isEqualTo(Integer.parseInt(bad[1])));
    }
  }

  @Test
  void errorsNeverQuoteTheInput() {
    String[] inputs = {
      SECRET, "{\"token\":" + SECRET + "}", "{\"token\":\"" + SECRET, "\"\\q" + SECRET + "\"", "1" + SECRET,
      "[\"" + SECRET + "\" " + SECRET + "]", "{\"" + SECRET + "\"}", "\"" + SECRET + "\\u" + SECRET + "\"",
      "{\"data\":{\"token\":\"" + SECRET + "\"}} " + SECRET, "-" + SECRET, "1." + SECRET, "1e" + SECRET,
    };
    for (String input : inputs) {
      assertThatThrownBy(() -> JsonReader.parse(input)).as(input).isInstanceOf(JsonException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("ba_").doesNotContain("planted")
              .doesNotContain("secret"));
    }
  }

  @Test
  void boundsNesting() {
    assertThat(JsonReader.parse("[".repeat(JsonWriter.MAX_DEPTH) + "]".repeat(JsonWriter.MAX_DEPTH))).isInstanceOf(List.class);
    assertThatThrownBy(() -> JsonReader.parse("[".repeat(JsonWriter.MAX_DEPTH + 1) + "]".repeat(JsonWriter.MAX_DEPTH + 1)))
        .isInstanceOf(JsonException.class).hasMessageContaining("nested deeper than 64");
    assertThatThrownBy(() -> JsonReader.parse("{\"a\":".repeat(JsonWriter.MAX_DEPTH + 1) + "1" + "}".repeat(JsonWriter.MAX_DEPTH + 1)))
        .isInstanceOf(JsonException.class).hasMessageContaining("nested deeper than 64");
    assertThatThrownBy(() -> JsonReader.parse("[{\"a\":".repeat(100_000))).isInstanceOf(JsonException.class);
  }

  @Test
  void boundsTheInputAndItsNumbers() {
    assertThat(JsonReader.parse("[1, 2]", JsonLimits.of(64, 6, 64))).isEqualTo(List.of(1L, 2L));
    assertThatThrownBy(() -> JsonReader.parse("[1, 2] ", JsonLimits.of(64, 6, 64))).isInstanceOf(JsonException.class)
        .hasMessageContaining("longer than 6 characters");
    String longest = "1".repeat(JsonReader.MAX_NUMBER_LENGTH);
    assertThat(JsonReader.parse(longest)).isEqualTo(new BigDecimal(longest));
    assertThatThrownBy(() -> JsonReader.parse("[" + longest + "0]")).isInstanceOf(JsonException.class)
        .hasMessage("malformed JSON at offset 1: number longer than 1000 characters");
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> JsonReader.parse(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void writesCompactlyInTheMapsOrder() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", 1);
    map.put("a", List.of(true, false));
    map.put("n", null);
    map.put("s", "x");
    map.put("m", Map.of());
    map.put("l", List.of());
    assertThat(JsonWriter.write(map)).isEqualTo("{\"z\":1,\"a\":[true,false],\"n\":null,\"s\":\"x\",\"m\":{},\"l\":[]}");
  }

  @Test
  void writesEveryNumberTypeThatIsFinite() {
    List<Object> numbers = Arrays.asList(1, 2L, (short) 3, (byte) 4, 1.5, 2.5f, 1e300, -0.0, new BigInteger("123456789012345678901234567890"),
        new BigDecimal("1E+3"), new BigDecimal("0.000"), new AtomicLong(7));
    assertThat(JsonWriter.write(numbers))
        .isEqualTo("[1,2,3,4,1.5,2.5,1.0E300,-0.0,123456789012345678901234567890,1E+3,0.000,7]");
    for (Object bad : new Object[] {Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      assertThatThrownBy(() -> JsonWriter.write(List.of(bad))).isInstanceOf(JsonException.class)
          .hasMessageContaining("not a finite number");
    }
  }

  @Test
  void escapesWhatJsonRequiresAndLoneSurrogates() {
    assertThat(JsonWriter.write("q\" b\\ /\b\f\n\r\t\u0000\u001f\u007f\u00e9\u2028\ud83d\ude00"))
        .isEqualTo("\"q\\\" b\\\\ /\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u00e9\u2028\ud83d\ude00\"");
    assertThat(JsonWriter.write("a\ud800b\udc00\ude00\ud83d")).isEqualTo("\"a\\ud800b\\udc00\\ude00\\ud83d\"");
  }

  @Test
  void writesAnyCollectionAndKeysByValueOf() {
    assertThat(JsonWriter.write(new LinkedHashSet<>(List.of("b", "a")))).isEqualTo("[\"b\",\"a\"]");
    Map<Object, Object> map = new LinkedHashMap<>();
    map.put(1, "one");
    map.put(null, "none");
    assertThat(JsonWriter.write(map)).isEqualTo("{\"1\":\"one\",\"null\":\"none\"}");
  }

  @Test
  void refusesOtherTypesWithoutQuotingThem() {
    Object secretive = new Object() {
      @Override
      public String toString() {
        return SECRET;
      }
    };
    for (Object bad : new Object[] {secretive, 'c', new int[] {1}, java.nio.file.Path.of("a", "b"), java.time.Instant.EPOCH}) {
      assertThatThrownBy(() -> JsonWriter.write(Map.of("k", bad))).as(String.valueOf(bad)).isInstanceOf(JsonException.class)
          .hasMessageStartingWith("cannot write a ").hasMessageNotContaining(SECRET)
          .satisfies(e -> assertThat(((JsonException) e).offset()).isEqualTo(-1));
    }
  }

  @Test
  void boundsNestingWhenWritingAndSoCatchesCycles() {
    Object nested = List.of();
    for (int i = 1; i < JsonWriter.MAX_DEPTH; i++) {
      nested = List.of(nested);
    }
    assertThat(JsonReader.parse(JsonWriter.write(nested))).isEqualTo(nested);
    Object tooDeep = List.of(nested);
    assertThatThrownBy(() -> JsonWriter.write(tooDeep)).isInstanceOf(JsonException.class).hasMessageContaining("deeper than 64");
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThatThrownBy(() -> JsonWriter.write(cycle)).isInstanceOf(JsonException.class).hasMessageContaining("contain itself");
  }
}
