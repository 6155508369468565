package ai.boinc.transformers.credentials.vault.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Null-safe navigation of Vault's JSON answers; mismatches name the path and the types only. */
final class Json {
  /** Longer leases are treated as this long, so that {@code now + lease} never overflows. */
  static final Duration MAX_LEASE = Duration.ofDays(3650);

  private Json() {}

  /** The object member {@code name} of {@code parent}, or a mismatch if it is absent or not an object. */
  static JsonNode object(JsonNode parent, String name, String path) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isObject()) {
      throw new ShapeMismatch("expected an object at " + path + " but found " + type(node));
    }
    return node;
  }

  /** The root, which must be an object. */
  static JsonNode root(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new ShapeMismatch("expected a JSON object at $ but found " + type(node));
    }
    return node;
  }

  /** A non-negative whole number of seconds, or zero when absent or of another type. */
  static Duration seconds(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    if (node == null || !node.isNumber() || !node.canConvertToLong()) {
      return Duration.ZERO;
    }
    long value = node.asLong();
    if (value <= 0) {
      return Duration.ZERO;
    }
    return value > MAX_LEASE.getSeconds() ? MAX_LEASE : Duration.ofSeconds(value);
  }

  /** A boolean member; false when absent or of another type. */
  static boolean flag(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    return node != null && node.isBoolean() && node.booleanValue();
  }

  /** The text of a string member, or null when absent or of another type. */
  static String text(JsonNode parent, String name) {
    JsonNode node = parent.get(name);
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  /** The strings of an array member; other elements are skipped. */
  static List<String> strings(JsonNode parent, String name) {
    List<String> out = new ArrayList<>();
    JsonNode node = parent == null ? null : parent.get(name);
    if (node != null && node.isArray()) {
      for (JsonNode item : node) {
        if (item.isTextual()) {
          out.add(item.textValue());
        }
      }
    }
    return out;
  }

  /** The member names of an object, for "fields present" hints (names, never values). */
  static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext() && names.size() < 20; ) {
      names.add(it.next());
    }
    return names;
  }

  /** "an array", "null", "a string", ... */
  static String type(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
