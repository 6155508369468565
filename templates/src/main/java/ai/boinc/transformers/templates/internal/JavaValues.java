package ai.boinc.transformers.templates.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a caller's Java values into the template's value model: strings, integers (as long),
 * floats (as double), booleans, null, lists and insertion-ordered maps. Nothing else enters a
 * template, so no Java object is ever reachable from one.
 */
public final class JavaValues {
  private static final int MAX_DEPTH = 100;

  private JavaValues() {}

  /**
   * @param path where the value comes from, for the error message (e.g. {@code messages[0]})
   * @throws IllegalArgumentException naming the path and the unsupported type
   */
  public static Object convert(Object value, String path) {
    return convert(value, path, 0);
  }

  private static Object convert(Object value, String path, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException(path + " nests deeper than " + MAX_DEPTH + " levels (a cycle?)");
    }
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      return Double.parseDouble(value.toString());
    }
    if (value instanceof BigInteger) {
      BigInteger big = (BigInteger) value;
      if (big.bitLength() >= 64) {
        throw new IllegalArgumentException(path + " is an integer beyond 64 bits: " + big);
      }
      return big.longValue();
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).doubleValue();
    }
    if (value instanceof Character) {
      return value.toString();
    }
    if (value instanceof Map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
        Object key = convert(e.getKey(), path + " key", depth + 1);
        if (key instanceof List || key instanceof Map) {
          throw new IllegalArgumentException(path + " has a key that is a " + Values.typeName(key)
              + "; keys must be strings or numbers");
        }
        out.put(key, convert(e.getValue(), path + "." + e.getKey(), depth + 1));
      }
      return out;
    }
    if (value instanceof Iterable) {
      List<Object> out = new ArrayList<>();
      int i = 0;
      for (Object o : (Iterable<?>) value) {
        out.add(convert(o, path + "[" + i++ + "]", depth + 1));
      }
      return out;
    }
    if (value instanceof Object[]) {
      List<Object> out = new ArrayList<>();
      Object[] array = (Object[]) value;
      for (int i = 0; i < array.length; i++) {
        out.add(convert(array[i], path + "[" + i + "]", depth + 1));
      }
      return out;
    }
    throw new IllegalArgumentException(path + " is a " + value.getClass().getName()
        + "; a template accepts only String, Number (Integer, Long, Double...), Boolean, null, List and Map");
  }

  /** Python's {@code str.strip()} (its whitespace set, not Java's). */
  public static String pythonStrip(String s) {
    return PyStrings.strip(s, null);
  }

  /** Python's {@code str.rstrip()}. */
  public static String pythonRstrip(String s) {
    return PyStrings.rstrip(s, null);
  }
}
