package ai.boinc.transformers.spark.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Copies JSON-like Java values (what chat templates see) into serializable ones: maps become
 * {@link LinkedHashMap} (key order kept), collections {@link ArrayList}; strings, booleans and the
 * JDK's numbers stay as they are, so ints stay ints and floats floats.
 */
public final class JsonValues {
  private JsonValues() {}

  /**
   * @param path where the value is, for the message of a rejected value
   * @throws IllegalArgumentException if a value is of another type, or a map key is not a string
   */
  public static Object copy(Object value, String path) {
    if (value == null || value instanceof String || value instanceof Boolean
        || value instanceof Integer || value instanceof Long || value instanceof Double
        || value instanceof Float || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Map) {
      LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (!(entry.getKey() instanceof String)) {
          throw new IllegalArgumentException("the map at " + path + " has a key of type "
              + typeName(entry.getKey()) + "; JSON-like maps have string keys");
        }
        String key = (String) entry.getKey();
        copy.put(key, copy(entry.getValue(), path + "." + key));
      }
      return copy;
    }
    if (value instanceof Collection) {
      ArrayList<Object> copy = new ArrayList<>();
      int i = 0;
      for (Object item : (Collection<?>) value) {
        copy.add(copy(item, path + "[" + i++ + "]"));
      }
      return copy;
    }
    throw new IllegalArgumentException("the value at " + path + " is a " + typeName(value)
        + "; expected a JSON-like value: null, String, Boolean, a JDK number, a List or a"
        + " Map with String keys");
  }

  private static String typeName(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
