package ai.boinc.transformers.templates.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code json.dumps(x, ensure_ascii, indent, separators, sort_keys)}: transformers'
 * {@code tojson} filter. Floats print as Python's repr, keys keep their order.
 */
final class Json {
  private final boolean ensureAscii;
  private final String indent;
  private final String itemSeparator;
  private final String keySeparator;
  private final boolean sortKeys;
  private final Renderer renderer;

  Json(Renderer renderer, boolean ensureAscii, String indent, String itemSeparator, String keySeparator,
      boolean sortKeys) {
    this.renderer = renderer;
    this.ensureAscii = ensureAscii;
    this.indent = indent;
    this.itemSeparator = itemSeparator;
    this.keySeparator = keySeparator;
    this.sortKeys = sortKeys;
  }

  /** The filter: {@code tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)}. */
  static String dumps(Renderer r, Object value, Args args) {
    args.check("tojson", "ensure_ascii", "indent", "separators", "sort_keys");
    boolean ascii = Values.truthy(args.get(0, "ensure_ascii", false));
    Object indentArg = args.get(1, "indent", null);
    String indent = null;
    if (indentArg instanceof String) {
      indent = (String) indentArg;
    } else if (Values.isInt(indentArg)) {
      long n = Values.toLong(indentArg);
      indent = n > 0 ? " ".repeat((int) Math.min(n, 1000)) : "";
    } else if (indentArg != null) {
      throw PyError.typeError("indent must be an int or a str, not " + Values.typeName(indentArg));
    }
    Object separators = args.get(2, "separators", null);
    String item = indent == null ? ", " : ",";
    String key = ": ";
    if (separators != null) {
      if (!(separators instanceof List) || ((List<?>) separators).size() != 2) {
        throw PyError.valueError("separators must be a (item_separator, key_separator) pair");
      }
      item = Values.str(((List<?>) separators).get(0));
      key = Values.str(((List<?>) separators).get(1));
    }
    boolean sort = Values.truthy(args.get(3, "sort_keys", false));
    StringBuilder sb = new StringBuilder();
    new Json(r, ascii, indent, item, key, sort).write(sb, value, 0);
    return sb.toString();
  }

  private void newline(StringBuilder sb, int level) {
    sb.append('\n');
    for (int i = 0; i < level; i++) {
      sb.append(indent);
    }
  }

  private void write(StringBuilder sb, Object v, int level) {
    if (level > 500) {
      throw new PyError("RecursionError", "maximum recursion depth exceeded while encoding a JSON object");
    }
    renderer.checkLength(sb.length());
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean) {
      sb.append((Boolean) v ? "true" : "false");
    } else if (v instanceof Long) {
      sb.append((long) (Long) v);
    } else if (v instanceof Double) {
      sb.append(floatText((Double) v));
    } else if (v instanceof String) {
      string(sb, (String) v);
    } else if (v instanceof List && !(v instanceof PyRange)) {
      List<?> list = (List<?>) v;
      if (list.isEmpty()) {
        sb.append("[]");
        return;
      }
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(itemSeparator);
        }
        if (indent != null) {
          newline(sb, level + 1);
        }
        write(sb, list.get(i), level + 1);
      }
      if (indent != null) {
        newline(sb, level);
      }
      sb.append(']');
    } else if (v instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) v;
      if (map.isEmpty()) {
        sb.append("{}");
        return;
      }
      List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
      if (sortKeys) {
        entries.sort((a, b) -> Values.compare(a.getKey(), b.getKey(), "<"));
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : entries) {
        if (!first) {
          sb.append(itemSeparator);
        }
        first = false;
        if (indent != null) {
          newline(sb, level + 1);
        }
        string(sb, key(e.getKey()));
        sb.append(keySeparator);
        write(sb, e.getValue(), level + 1);
      }
      if (indent != null) {
        newline(sb, level);
      }
      sb.append('}');
    } else {
      throw PyError.typeError("Object of type " + Values.typeName(v) + " is not JSON serializable");
    }
  }

  private static String floatText(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    return Values.floatRepr(d);
  }

  private static String key(Object k) {
    if (k instanceof String) {
      return (String) k;
    }
    if (k instanceof Double) {
      return floatText((Double) k);
    }
    if (k instanceof Boolean) {
      return (Boolean) k ? "true" : "false";
    }
    if (k == null) {
      return "null";
    }
    if (k instanceof Long) {
      return k.toString();
    }
    throw PyError.typeError("keys must be str, int, float, bool or None, not " + Values.typeName(k));
  }

  private void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '\b':
          sb.append("\\b");
          break;
        case '\f':
          sb.append("\\f");
          break;
        default:
          if (c < 0x20 || (ensureAscii && c > 0x7e)) {
            sb.append("\\u").append(PyStrings.hex(c, 4));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }
}
