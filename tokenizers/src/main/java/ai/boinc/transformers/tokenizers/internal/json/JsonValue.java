package ai.boinc.transformers.tokenizers.internal.json;

import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value together with its path from the document root ({@code $.model.merges[3]}), so
 * every type check can fail with a {@link TokenizerLoadException} that says where and what was
 * expected, instead of a NullPointerException or ClassCastException. The value is a node of the
 * tree {@link TokenizerJson} reads (core's {@link ai.boinc.transformers.json.JsonReader} tree,
 * with the compact forms). Immutable.
 */
public final class JsonValue {
  /** Whether {@code name} matches {@code [A-Za-z_][A-Za-z0-9_]*} (written {@code .name} in a path). */
  private static boolean isPlainName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }
  private static final int MAX_SHOWN = 60;
  /** A missing member. */
  private static final Object MISSING = new Object();
  /** JSON {@code null} (in the tree, Java null). */
  private static final Object NULL = new Object();

  private final Object node;
  /**
   * The path, made on first use from the parent's path and the member name or element index:
   * most values are read without ever being named in a message, and string concatenation is slow
   * in a fresh JVM.
   */
  private String path;
  private final JsonValue parent;
  private final String name;
  private final int index;

  private JsonValue(Object node, String path) {
    this.node = node == null ? NULL : node;
    this.path = path;
    this.parent = null;
    this.name = null;
    this.index = -1;
  }

  private JsonValue(Object node, JsonValue parent, String name, int index) {
    this.node = node;
    this.parent = parent;
    this.name = name;
    this.index = index;
  }

  /** The root of a tree read by {@link TokenizerJson} (a String, Map, List, ... node). */
  public static JsonValue root(Object node) {
    return new JsonValue(node, "$");
  }

  public String path() {
    if (path == null) {
      String p = parent.path();
      if (name == null) {
        path = p + "[" + index + "]";
      } else if (isPlainName(name)) {
        path = p + "." + name;
      } else {
        path = p + "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
      }
    }
    return path;
  }

  /** The node, null for JSON null: see {@link TokenizerJson} for the types. */
  public Object node() {
    return node == NULL ? null : node;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map() {
    return node instanceof IntMembers ? ((IntMembers) node).asMap() : (Map<String, Object>) node;
  }

  /** The member {@code name} (possibly missing). */
  public JsonValue get(String name) {
    Object member = MISSING;
    if (isObject()) {
      Map<String, Object> map = map();
      member = map.get(name);
      if (member == null) {
        member = map.containsKey(name) ? NULL : MISSING;
      }
    }
    return new JsonValue(member, this, name, -1);
  }

  public boolean isMissing() {
    return node == MISSING;
  }

  /** Missing or JSON {@code null}. */
  public boolean isAbsent() {
    return node == MISSING || node == NULL;
  }

  public boolean isObject() {
    return node instanceof Map || node instanceof IntMembers;
  }

  public boolean isArray() {
    return node instanceof List || node instanceof MergeList;
  }

  public boolean isString() {
    return node instanceof String;
  }

  public boolean isNumber() {
    return node instanceof Number;
  }

  /**
   * A number without fraction or exponent in the text: a {@code Long}, or an integer too long for
   * one (which the reader keeps as a {@code BigDecimal} of scale 0).
   */
  public boolean isIntegralNumber() {
    return node instanceof Long
        || (node instanceof BigDecimal
            && ((BigDecimal) node).scale() == 0
            && ((BigDecimal) node).precision() > 18);
  }

  /** Elements of an array, members of an object, 0 for anything else. */
  public int size() {
    if (node instanceof List) {
      return ((List<?>) node).size();
    }
    if (node instanceof MergeList) {
      return ((MergeList) node).count();
    }
    return isObject() ? map().size() : 0;
  }

  /** A required object. */
  public JsonValue requireObject() {
    if (!isObject()) {
      throw mismatch("an object");
    }
    return this;
  }

  /** The elements of a required array. */
  public List<JsonValue> elements() {
    if (!isArray()) {
      throw mismatch("an array");
    }
    int n = size();
    List<JsonValue> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(element(i));
    }
    return out;
  }

  /** Element {@code i} of a required array. */
  public JsonValue element(int i) {
    if (!isArray()) {
      throw mismatch("an array");
    }
    Object e =
        node instanceof MergeList ? ((MergeList) node).element(i) : ((List<?>) node).get(i);
    return new JsonValue(e == null ? NULL : e, this, null, i);
  }

  /** The members of a required object, in document order. */
  public List<Map.Entry<String, JsonValue>> members() {
    requireObject();
    Map<String, Object> m = map();
    List<Map.Entry<String, JsonValue>> out = new ArrayList<>(m.size());
    for (String name : m.keySet()) {
      out.add(Map.entry(name, get(name)));
    }
    return out;
  }

  public String asString() {
    if (!(node instanceof String)) {
      throw mismatch("a string");
    }
    return (String) node;
  }

  public boolean asBoolean() {
    if (!(node instanceof Boolean)) {
      throw mismatch("a boolean");
    }
    return (Boolean) node;
  }

  /** An integer in {@code [0, Integer.MAX_VALUE]}. */
  public int asNonNegativeInt() {
    if (!(node instanceof Long) || (Long) node < 0 || (Long) node > Integer.MAX_VALUE) {
      throw mismatch("a non-negative integer");
    }
    return (int) (long) (Long) node;
  }

  /** A number, as double (huge values stay finite or become infinity, never overflow). */
  public double asDouble() {
    if (!(node instanceof Number)) {
      throw mismatch("a number");
    }
    return ((Number) node).doubleValue();
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
    return new TokenizerLoadException(message + " at " + path(), path(), null);
  }

  /** "expected X at path but found Y". */
  public TokenizerLoadException mismatch(String expected) {
    return new TokenizerLoadException(
        "expected " + expected + " at " + path() + " but found " + describe(), path(), null);
  }

  /** A short description of this value for messages. */
  public String describe() {
    if (node == MISSING) {
      return "nothing (the field is missing)";
    }
    if (node == NULL) {
      return "null";
    }
    if (node instanceof String) {
      String s = (String) node;
      return "string '" + (s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "..." : s) + "'";
    }
    if (node instanceof Number) {
      return "number " + node;
    }
    if (node instanceof Boolean) {
      return "boolean " + node;
    }
    if (isArray()) {
      return "an array";
    }
    return "an object";
  }
}
