package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A JSON value together with its path from the document root ({@code $.model.merges[3]}), so
 * every type check can fail with a {@link TokenizerLoadException} that says where and what was
 * expected, instead of a NullPointerException or ClassCastException. Immutable.
 */
public final class JsonValue {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int MAX_SHOWN = 60;

  private final JsonNode node;
  private final String path;

  private JsonValue(JsonNode node, String path) {
    this.node = node == null ? MissingNode.getInstance() : node;
    this.path = path;
  }

  public static JsonValue root(JsonNode node) {
    return new JsonValue(node, "$");
  }

  public String path() {
    return path;
  }

  public JsonNode node() {
    return node;
  }

  /** The member {@code name} (possibly missing). */
  public JsonValue get(String name) {
    String childPath =
        PLAIN_NAME.matcher(name).matches()
            ? path + "." + name
            : path + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    return new JsonValue(node.isObject() ? node.get(name) : null, childPath);
  }

  public boolean isMissing() {
    return node.isMissingNode();
  }

  /** Missing or JSON {@code null}. */
  public boolean isAbsent() {
    return node.isMissingNode() || node.isNull();
  }

  public boolean isObject() {
    return node.isObject();
  }

  public boolean isArray() {
    return node.isArray();
  }

  public boolean isString() {
    return node.isTextual();
  }

  /** A required object. */
  public JsonValue requireObject() {
    if (!node.isObject()) {
      throw mismatch("an object");
    }
    return this;
  }

  /** The elements of a required array. */
  public List<JsonValue> elements() {
    if (!node.isArray()) {
      throw mismatch("an array");
    }
    List<JsonValue> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new JsonValue(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** The members of a required object, in document order. */
  public List<Map.Entry<String, JsonValue>> members() {
    requireObject();
    List<Map.Entry<String, JsonValue>> out = new ArrayList<>(node.size());
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      out.add(Map.entry(name, get(name)));
    }
    return out;
  }

  public String asString() {
    if (!node.isTextual()) {
      throw mismatch("a string");
    }
    return node.textValue();
  }

  public boolean asBoolean() {
    if (!node.isBoolean()) {
      throw mismatch("a boolean");
    }
    return node.booleanValue();
  }

  /** An integer in {@code [0, Integer.MAX_VALUE]}. */
  public int asNonNegativeInt() {
    if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
      throw mismatch("a non-negative integer");
    }
    return node.intValue();
  }

  /** A number, as double (huge values stay finite or become infinity, never overflow). */
  public double asDouble() {
    if (!node.isNumber()) {
      throw mismatch("a number");
    }
    return node.doubleValue();
  }

  /** A single character (one code point). */
  public int asChar() {
    String s = asString();
    if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
      throw mismatch("a string of exactly one character");
    }
    return s.codePointAt(0);
  }

  /** Member {@code name} as a required string. */
  public String string(String name) {
    return get(name).asString();
  }

  /** Member {@code name} as a string, empty when missing or null. */
  public Optional<String> optString(String name) {
    JsonValue v = get(name);
    return v.isAbsent() ? Optional.empty() : Optional.of(v.asString());
  }

  /** Member {@code name} as a boolean, {@code defaultValue} when missing or null. */
  public boolean bool(String name, boolean defaultValue) {
    JsonValue v = get(name);
    return v.isAbsent() ? defaultValue : v.asBoolean();
  }

  /** Member {@code name} as a required non-negative int. */
  public int nonNegativeInt(String name) {
    return get(name).asNonNegativeInt();
  }

  /** A load error about this value. */
  public TokenizerLoadException error(String message) {
    return new TokenizerLoadException(message + " at " + path, path, null);
  }

  /** "expected X at path but found Y". */
  public TokenizerLoadException mismatch(String expected) {
    return new TokenizerLoadException(
        "expected " + expected + " at " + path + " but found " + describe(), path, null);
  }

  /** A short description of this value for messages. */
  public String describe() {
    if (node.isMissingNode()) {
      return "nothing (the field is missing)";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      String s = node.textValue();
      return "string '" + (s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "..." : s) + "'";
    }
    if (node.isNumber()) {
      return "number " + node.asText();
    }
    if (node.isBoolean()) {
      return "boolean " + node.asText();
    }
    if (node.isArray()) {
      return "an array";
    }
    return "an object";
  }
}
