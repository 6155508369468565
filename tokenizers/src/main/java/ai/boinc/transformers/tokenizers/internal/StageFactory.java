package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.internal.regex.Regexes;
import java.util.ArrayList;
import java.util.List;

/**
 * What the five stage factories share: reading a component's {@code "type"}, handing it to the
 * factory's {@code switch} ({@link #build}), and the load errors that name the stage, the path and
 * the supported types (each factory's own list). A subclass per stage, not a lambda per type: the
 * load path spins no classes at run time.
 *
 * @param <T> the stage's component type
 */
abstract class StageFactory<T> {
  private final String stage;
  private final List<String> types;
  private final List<String> notYet;

  /**
   * @param types the supported types, as the error message lists them
   * @param notYet types of the reference not built here yet
   */
  StageFactory(String stage, List<String> types, List<String> notYet) {
    this.stage = stage;
    this.types = types;
    this.notYet = notYet;
  }

  /** The supported types. */
  final List<String> types() {
    return types;
  }

  /** Builds the component a JSON object describes. */
  T create(JsonValue json) {
    return create(json, type(json, stage, types));
  }

  /** The components of a JSON array of component objects (a {@code Sequence}'s members). */
  final List<T> createAll(JsonValue array) {
    List<JsonValue> elements = array.elements();
    List<T> out = new ArrayList<>(elements.size());
    for (JsonValue element : elements) {
      out.add(create(element));
    }
    return out;
  }

  /** Builds the component a JSON object describes as a {@code type}. */
  final T create(JsonValue json, String type) {
    try {
      return build(json, type);
    } catch (TokenizerLoadException e) {
      throw e;
    } catch (RuntimeException e) {
      throw invalid(json, stage, type, e);
    }
  }

  /**
   * One {@code case} per supported type.
   *
   * @throws TokenizerLoadException from {@link #unknown} for any other type
   */
  abstract T build(JsonValue json, String type);

  /** An unsupported type: "not supported yet" if the reference has it, else unknown. */
  final TokenizerLoadException unknown(JsonValue json, String type) {
    return unknown(json, stage, type, types, notYet);
  }

  /** The {@code "type"} string of a component object. */
  private static String type(JsonValue json, String stage, List<String> supported) {
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
  private static TokenizerLoadException unknown(
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
  private static TokenizerLoadException invalid(
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

  /**
   * The pattern member of a Replace ({@code {"String": s}} or {@code {"Regex": r}}, a regex
   * checked as Oniguruma); its {@code content} is checked first, as the reference reads it.
   */
  static JsonValue replacePattern(JsonValue json) {
    JsonValue patternJson = json.get("pattern");
    json.string("content");
    JsonValue pattern = pattern(patternJson);
    if (isRegex(patternJson)) {
      Regexes.checkOniguruma(pattern, pattern.asString());
    }
    return pattern;
  }

}
