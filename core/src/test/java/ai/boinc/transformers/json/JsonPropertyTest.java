package ai.boinc.transformers.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.impl.Constraint;

/**
 * {@code parse(write(x))} gives back {@code x} for every value {@code parse} can return, and any
 * text at all either parses or fails with a {@link JsonException} that does not quote it: never a
 * NullPointerException, ClassCastException, StackOverflowError or other untyped failure.
 */
class JsonPropertyTest {
  private static final long SEED = 0x15_0AL;
  private static final String PLANTED = "ba_planted";

  /** Characters that strings must survive: JSON's specials, controls, surrogates alone and paired. */
  private static final String TRICKY = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080\u00e9\u20ac\u2028\u2029"
      + "\ud800\udbff\udc00\udfff\ud83d\ude00\ufeff\uffff a0";
  /** The alphabet of garbage: JSON's syntax, near misses and a planted secret's letters. */
  private static final String[] GARBAGE = {"{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\\ud800", "0", "1", "9",
      "-", "+", ".", "e", "E", "true", "fals", "null", "nul", "x", " ", "\n", "\u000b", "\u0000", "\ud800", "\udc00",
      "1e99999999999", "\"" + PLANTED + "\"", PLANTED, "{\"a\":", "[[[[", "]]]]", "\u00e9", "/", "'"};

  @Test
  void writtenValuesReadBackEqualInTheSameOrder() {
    qt().withFixedSeed(SEED).withExamples(2000).forAll(values()).checkAssert(value -> {
      String text = JsonWriter.write(value);
      Object back = JsonReader.parse(text);
      assertThat(back).isEqualTo(value);
      assertThat(JsonWriter.write(back)).isEqualTo(text);
    });
  }

  @Test
  void finiteDoublesReadBackAsTheSameNumber() {
    Gen<Double> doubles = in -> Double.longBitsToDouble(in.next(Constraint.none()));
    qt().withFixedSeed(SEED + 1).withExamples(2000).forAll(doubles.assuming(Double::isFinite)).checkAssert(d -> {
      Object back = JsonReader.parse(JsonWriter.write(d));
      assertThat(back).isInstanceOf(BigDecimal.class);
      assertThat(((BigDecimal) back).doubleValue()).isEqualTo(d == 0 ? 0.0 : d);
    });
  }

  @Test
  void garbageOnlyEverFailsTyped() {
    qt().withFixedSeed(SEED + 2).withExamples(5000).forAll(garbage()).checkAssert(JsonPropertyTest::parsesOrFailsTyped);
  }

  @Test
  void damagedJsonOnlyEverFailsTyped() {
    qt().withFixedSeed(SEED + 3).withExamples(5000).forAll(damaged()).checkAssert(JsonPropertyTest::parsesOrFailsTyped);
  }

  @Test
  void deepGarbageOnlyEverFailsTyped() {
    Gen<String> deep = in -> {
      String open = pick(new String[] {"[", "{\"a\":", "[{\"b\":", " [ "}, in);
      int times = (int) in.next(Constraint.between(1, 20_000));
      return open.repeat(times) + garbage().generate(in);
    };
    qt().withFixedSeed(SEED + 4).withExamples(200).forAll(deep).checkAssert(JsonPropertyTest::parsesOrFailsTyped);
  }

  private static void parsesOrFailsTyped(String input) {
    try {
      Object value = JsonReader.parse(input);
      assertThat(JsonReader.parse(JsonWriter.write(value))).isEqualTo(value);
    } catch (JsonException expected) {
      assertThat(expected.getMessage()).startsWith("malformed JSON at offset " + expected.offset() + ": ")
          .doesNotContain(PLANTED).doesNotContain("planted");
      assertThat(expected.offset()).isBetween(0, input.length());
    } catch (Throwable untyped) {
      throw new AssertionError("untyped " + untyped.getClass().getName() + " for " + escape(input), untyped);
    }
  }

  // ---- generators

  private static Gen<Object> values() {
    return in -> value(in, 4);
  }

  private static Object value(RandomnessSource in, int depth) {
    switch ((int) in.next(Constraint.between(0, depth > 0 ? 9 : 6))) {
      case 0:
        return null;
      case 1:
        return in.next(Constraint.between(0, 1)) == 1;
      case 2:
        return in.next(Constraint.none());
      case 3:
        return in.next(Constraint.between(-1000, 1000));
      case 4:
        return decimal(in);
      case 5:
      case 6:
        return string(in);
      case 7: {
        List<Object> list = new ArrayList<>();
        for (long n = in.next(Constraint.between(0, 4)); n > 0; n--) {
          list.add(value(in, depth - 1));
        }
        return list;
      }
      default: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (long n = in.next(Constraint.between(0, 4)); n > 0; n--) {
          map.put(string(in), value(in, depth - 1));
        }
        return map;
      }
    }
  }

  /** A BigDecimal that parse gives back: with a scale, or an integer beyond a long's range. */
  private static BigDecimal decimal(RandomnessSource in) {
    BigInteger unscaled = BigInteger.valueOf(in.next(Constraint.none()));
    if (in.next(Constraint.between(0, 1)) == 0) {
      BigInteger big = unscaled.signum() < 0 ? unscaled.subtract(BigInteger.valueOf(Long.MAX_VALUE)).subtract(BigInteger.ONE)
          : unscaled.add(BigInteger.valueOf(Long.MAX_VALUE)).add(BigInteger.ONE);
      return new BigDecimal(big.multiply(BigInteger.valueOf(in.next(Constraint.between(1, 1000)))));
    }
    int scale = (int) in.next(Constraint.between(-40, 39));
    return new BigDecimal(unscaled, scale >= 0 ? scale + 1 : scale);
  }

  private static String string(RandomnessSource in) {
    StringBuilder out = new StringBuilder();
    for (long n = in.next(Constraint.between(0, 12)); n > 0; n--) {
      if (in.next(Constraint.between(0, 2)) == 0) {
        out.append((char) in.next(Constraint.between(0, 0xFFFF)));
      } else {
        out.append(TRICKY.charAt((int) in.next(Constraint.between(0, TRICKY.length() - 1))));
      }
    }
    return out.toString();
  }

  private static Gen<String> garbage() {
    return in -> {
      StringBuilder out = new StringBuilder();
      for (long n = in.next(Constraint.between(0, 30)); n > 0; n--) {
        out.append(pick(GARBAGE, in));
      }
      return out.toString();
    };
  }

  /** Valid JSON with a few characters deleted, inserted, replaced or the end cut off. */
  private static Gen<String> damaged() {
    return in -> {
      StringBuilder text = new StringBuilder(JsonWriter.write(value(in, 4)));
      for (long n = in.next(Constraint.between(1, 3)); n > 0; n--) {
        int at = (int) in.next(Constraint.between(0, text.length()));
        switch ((int) in.next(Constraint.between(0, 3))) {
          case 0:
            if (at < text.length()) {
              text.deleteCharAt(at);
            }
            break;
          case 1:
            text.insert(at, pick(GARBAGE, in));
            break;
          case 2:
            if (at < text.length()) {
              text.setCharAt(at, pick(GARBAGE, in).charAt(0));
            }
            break;
          default:
            text.setLength(at);
        }
      }
      return text.toString();
    };
  }

  private static String pick(String[] options, RandomnessSource in) {
    return options[(int) in.next(Constraint.between(0, options.length - 1))];
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return out.length() > 200 ? out.substring(0, 200) + "..." : out.toString();
  }
}
