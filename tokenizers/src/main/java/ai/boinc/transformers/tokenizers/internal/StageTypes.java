package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import java.util.List;

/**
 * What the five stage factories share: reading a component's {@code "type"} and the load errors
 * that name the stage, the path and the supported types (each factory's own list).
 */
final class StageTypes {
  private StageTypes() {}

  /** The {@code "type"} string of a component object. */
  static String type(JsonValue json, String stage, List<String> supported) {
    if (!json.isObject()) {
      throw json.mismatch("a " + stage + " object with a \"type\"");
    }
    JsonValue type = json.get("type");
    if (type.isAbsent()) {
      throw new TokenizerLoadException(
          "missing \"type\" of " + stage + " at " + json.path() + "; supported: "
              + String.join(", ", supported),
          json.path(),
          null);
    }
    if (!type.isString()) {
      throw type.mismatch("a string naming the " + stage + " type");
    }
    return type.asString();
  }

  /**
   * An unknown type; one the reference has ({@code notYet}) is "not supported yet" rather than
   * unknown.
   */
  static TokenizerLoadException unknown(
      JsonValue json, String stage, String type, List<String> supported, List<String> notYet) {
    String problem =
        notYet.contains(type)
            ? stage + " type '" + type + "' at " + json.path()
                + " is not supported yet by transformers-java"
            : "unknown " + stage + " type '" + type + "' at " + json.path();
    return new TokenizerLoadException(
        problem + "; supported: " + String.join(", ", supported), json.path(), null);
  }

  /**
   * A component rejected its arguments (or failed unexpectedly): still a load error with the
   * component's path, never a bare runtime exception out of the loader.
   */
  static TokenizerLoadException invalid(
      JsonValue json, String stage, String type, RuntimeException e) {
    return new TokenizerLoadException(
        "invalid " + stage + " '" + type + "' at " + json.path() + ": " + e, json.path(), e);
  }

  /** A Replace/Split pattern: {@code {"String": s}} or {@code {"Regex": r}}; the one member. */
  static JsonValue pattern(JsonValue pattern) {
    if (pattern.isObject() && pattern.size() == 1) {
      JsonValue s = pattern.get("String");
      if (!s.isMissing()) {
        return s;
      }
      JsonValue r = pattern.get("Regex");
      if (!r.isMissing()) {
        return r;
      }
    }
    throw pattern.mismatch("an object {\"String\": ...} or {\"Regex\": ...}");
  }

  /** Whether a pattern {@link #pattern checked} before is a {@code Regex}. */
  static boolean isRegex(JsonValue pattern) {
    return pattern.get("String").isMissing();
  }
}
