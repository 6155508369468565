package ai.boinc.transformers.cli;

import ai.boinc.transformers.json.JsonWriter;

/**
 * Writes {@code ba tokenize}'s JSON lines the way the golden files are written, so that they can
 * be diffed with them byte for byte: strings through {@link JsonWriter#writeVisibleString}, so no
 * line break or invisible character hides inside a line.
 */
final class JsonText {
  private final StringBuilder out = new StringBuilder(256);

  JsonText string(String value) {
    if (value == null) {
      out.append("null");
      return this;
    }
    JsonWriter.writeVisibleString(value, out);
    return this;
  }

  JsonText raw(String token) {
    out.append(token);
    return this;
  }

  JsonText key(String name) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '{') {
      out.append(',');
    }
    return string(name).raw(":");
  }

  JsonText ints(int[] values) {
    out.append('[');
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(values[i]);
    }
    out.append(']');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
