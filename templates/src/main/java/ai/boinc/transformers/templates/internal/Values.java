package ai.boinc.transformers.templates.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Python's view of the value model: str(), repr(), truth, equality, ordering, len(), iter(). */
final class Values {
  private Values() {}

  /** Python's type name of a value, as its error messages print it. */
  static String typeName(Object v) {
    if (v == null) {
      return "NoneType";
    }
    if (v instanceof String) {
      return "str";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Long) {
      return "int";
    }
    if (v instanceof Double) {
      return "float";
    }
    if (v instanceof PyTuple) {
      return "tuple";
    }
    if (v instanceof PyRange) {
      return "range";
    }
    if (v instanceof PyIterator) {
      return ((PyIterator) v).typeName;
    }
    if (v instanceof DictView) {
      return ((DictView) v).typeName;
    }
    if (v instanceof List) {
      return "list";
    }
    if (v instanceof Map) {
      return "dict";
    }
    if (v instanceof Undefined) {
      return "Undefined";
    }
    if (v instanceof Namespace) {
      return "Namespace";
    }
    if (v instanceof Macro) {
      return "Macro";
    }
    if (v instanceof LoopContext) {
      return "LoopContext";
    }
    if (v instanceof PyCallable) {
      return "function";
    }
    return "object";
  }

  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof String) {
      return !((String) v).isEmpty();
    }
    if (v instanceof Long) {
      return (Long) v != 0;
    }
    if (v instanceof Double) {
      return (Double) v != 0.0;
    }
    if (v instanceof List) {
      return !((List<?>) v).isEmpty();
    }
    if (v instanceof Map) {
      return !((Map<?, ?>) v).isEmpty();
    }
    if (v instanceof DictView) {
      return !((DictView) v).items.isEmpty();
    }
    return !(v instanceof Undefined);
  }

  /** Python's {@code str()}: what {@code {{ x }}}, {@code ~} and {@code |string} print. */
  static String str(Object v) {
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Undefined) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    appendRepr(sb, v, 0, Renderer.maxString());
    return sb.toString();
  }

  static String repr(Object v) {
    StringBuilder sb = new StringBuilder();
    appendRepr(sb, v, 0, Renderer.maxString());
    return sb.toString();
  }

  static void appendStr(StringBuilder sb, Object v) {
    if (v instanceof String) {
      sb.append((String) v);
    } else if (!(v instanceof Undefined)) {
      appendRepr(sb, v, 0, Renderer.maxString());
    }
  }

  private static void appendRepr(StringBuilder sb, Object v, int depth, int max) {
    if (depth > 200) {
      throw new PyError("RecursionError", "maximum recursion depth exceeded while getting the repr of an object");
    }
    if (v == null) {
      sb.append("None");
    } else if (v instanceof String) {
      PyStrings.appendRepr(sb, (String) v);
    } else if (v instanceof Boolean) {
      sb.append((Boolean) v ? "True" : "False");
    } else if (v instanceof Long) {
      sb.append((long) (Long) v);
    } else if (v instanceof Double) {
      sb.append(floatRepr((Double) v));
    } else if (v instanceof PyRange) {
      sb.append(((PyRange) v).repr());
    } else if (v instanceof PyIterator) {
      sb.append("<").append(((PyIterator) v).typeName).append(" object>");
    } else if (v instanceof DictView) {
      sb.append(((DictView) v).typeName).append('(');
      appendRepr(sb, ((DictView) v).items, depth + 1, max);
      sb.append(')');
    } else if (v instanceof PyTuple) {
      PyTuple t = (PyTuple) v;
      sb.append('(');
      for (int i = 0; i < t.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        appendRepr(sb, t.get(i), depth + 1, max);
      }
      sb.append(t.size() == 1 ? ",)" : ")");
    } else if (v instanceof List) {
      sb.append('[');
      boolean first = true;
      for (Object o : (List<?>) v) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        appendRepr(sb, o, depth + 1, max);
      }
      sb.append(']');
    } else if (v instanceof Map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        appendRepr(sb, e.getKey(), depth + 1, max);
        sb.append(": ");
        appendRepr(sb, e.getValue(), depth + 1, max);
      }
      sb.append('}');
    } else if (v instanceof Undefined) {
      sb.append("Undefined");
    } else if (v instanceof Namespace) {
      sb.append("<Namespace ");
      appendRepr(sb, ((Namespace) v).attributes, depth + 1, max);
      sb.append('>');
    } else if (v instanceof Macro) {
      sb.append("<Macro '").append(((Macro) v).name()).append("'>");
    } else if (v instanceof PyCallable) {
      sb.append("<function ").append(((PyCallable) v).name()).append('>');
    } else {
      sb.append("<").append(typeName(v)).append(" object>");
    }
    if (sb.length() > max) {
      throw Renderer.stringTooLong(sb.length(), max);
    }
  }

  /** Python's {@code repr(float)}: the shortest round-tripping digits, {@code 1e+16} style exponents. */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    // The shortest digits that read back as d, as Python's repr (JDK 17's Double.toString is not always shortest).
    BigDecimal exact = new BigDecimal(Math.abs(d));
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal candidate = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == Math.abs(d)) {
        shortest = candidate;
        break;
      }
    }
    String digits = shortest.unscaledValue().toString();
    int pointPos = digits.length() - shortest.scale();
    int trail = digits.length();
    while (trail > 1 && digits.charAt(trail - 1) == '0') {
      trail--;
    }
    digits = digits.substring(0, trail);
    StringBuilder sb = new StringBuilder();
    if (d < 0) {
      sb.append('-');
    }
    if (pointPos > 16 || pointPos < -3) {
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      int x = pointPos - 1;
      sb.append('e').append(x < 0 ? '-' : '+');
      if (Math.abs(x) < 10) {
        sb.append('0');
      }
      sb.append(Math.abs(x));
    } else if (pointPos <= 0) {
      sb.append("0.");
      for (int i = 0; i < -pointPos; i++) {
        sb.append('0');
      }
      sb.append(digits);
    } else if (pointPos >= digits.length()) {
      sb.append(digits);
      for (int i = digits.length(); i < pointPos; i++) {
        sb.append('0');
      }
      sb.append(".0");
    } else {
      sb.append(digits, 0, pointPos).append('.').append(digits, pointPos, digits.length());
    }
    return sb.toString();
  }

  static boolean isNumber(Object v) {
    return v instanceof Long || v instanceof Double || v instanceof Boolean;
  }

  static boolean isInt(Object v) {
    return v instanceof Long || v instanceof Boolean;
  }

  static long toLong(Object v) {
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    return (Long) v;
  }

  static double toDouble(Object v) {
    if (v instanceof Double) {
      return (Double) v;
    }
    return toLong(v);
  }

  /** Python's {@code ==}. */
  static boolean eq(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (isNumber(a) && isNumber(b)) {
      if (a instanceof Double || b instanceof Double) {
        return toDouble(a) == toDouble(b);
      }
      return toLong(a) == toLong(b);
    }
    if (a instanceof String) {
      return a.equals(b);
    }
    if (a instanceof Undefined || b instanceof Undefined) {
      return a instanceof Undefined && b instanceof Undefined;
    }
    if (a instanceof List && b instanceof List) {
      if ((a instanceof PyTuple) != (b instanceof PyTuple) || (a instanceof PyRange) != (b instanceof PyRange)) {
        return false;
      }
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!eq(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        Object other = lookup(y, e.getKey());
        if (other == Undefined.MISSING || !eq(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** A dict lookup with Python's key equality ({@code 1 == 1.0 == True}); MISSING when absent. */
  static Object lookup(Map<?, ?> map, Object key) {
    Object v = map.get(key);
    if (v != null || map.containsKey(key)) {
      return v;
    }
    if (isNumber(key)) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (isNumber(e.getKey()) && eq(e.getKey(), key)) {
          return e.getValue();
        }
      }
    }
    return Undefined.MISSING;
  }

  /** Python's ordering for {@code < <= > >=}, sort, min and max. */
  static int compare(Object a, Object b, String op) {
    if (isNumber(a) && isNumber(b)) {
      if (a instanceof Double || b instanceof Double) {
        return Double.compare(toDouble(a), toDouble(b));
      }
      return Long.compare(toLong(a), toLong(b));
    }
    if (a instanceof String && b instanceof String) {
      return PyStrings.compareCodePoints((String) a, (String) b);
    }
    if (a instanceof List && b instanceof List && (a instanceof PyTuple) == (b instanceof PyTuple)) {
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
        if (!eq(x.get(i), y.get(i))) {
          return compare(x.get(i), y.get(i), op);
        }
      }
      return Integer.compare(x.size(), y.size());
    }
    if (a instanceof Undefined) {
      throw ((Undefined) a).error();
    }
    if (b instanceof Undefined) {
      throw ((Undefined) b).error();
    }
    throw PyError.typeError("'" + op + "' not supported between instances of '" + typeName(a) + "' and '"
        + typeName(b) + "'");
  }

  /** Python's {@code len()}. */
  static int length(Object v) {
    if (v instanceof String) {
      return PyStrings.codePointLength((String) v);
    }
    if (v instanceof List) {
      return ((List<?>) v).size();
    }
    if (v instanceof Map) {
      return ((Map<?, ?>) v).size();
    }
    if (v instanceof Undefined) {
      return 0;
    }
    if (v instanceof DictView) {
      return ((DictView) v).items.size();
    }
    throw PyError.typeError("object of type '" + typeName(v) + "' has no len()");
  }

  /** Python's {@code iter()}: a string yields its characters, a dict its keys. */
  @SuppressWarnings("unchecked")
  static List<Object> iterate(Object v) {
    if (v instanceof List) {
      return (List<Object>) v;
    }
    if (v instanceof Map) {
      return new ArrayList<>(((Map<Object, ?>) v).keySet());
    }
    if (v instanceof String) {
      return PyStrings.characters((String) v);
    }
    if (v instanceof Undefined) {
      return new ArrayList<>();
    }
    if (v instanceof PyIterator) {
      return ((PyIterator) v).drain();
    }
    if (v instanceof DictView) {
      return ((DictView) v).items;
    }
    if (v instanceof Namespace) {
      throw PyError.typeError("'Namespace' object is not iterable");
    }
    throw PyError.typeError("'" + typeName(v) + "' object is not iterable");
  }

  static boolean isIterable(Object v) {
    return v instanceof List || v instanceof Map || v instanceof String || v instanceof Undefined
        || v instanceof PyIterator || v instanceof DictView;
  }

  /** Python's {@code x in container}. */
  static boolean contains(Object container, Object item) {
    if (container instanceof String) {
      if (!(item instanceof String)) {
        if (item instanceof Undefined) {
          throw ((Undefined) item).error();
        }
        throw PyError.typeError("'in <string>' requires string as left operand, not " + typeName(item));
      }
      return ((String) container).contains((String) item);
    }
    if (container instanceof Map) {
      return lookup((Map<?, ?>) container, item) != Undefined.MISSING;
    }
    if (container instanceof List) {
      for (Object o : (List<?>) container) {
        if (eq(o, item)) {
          return true;
        }
      }
      return false;
    }
    if (container instanceof Undefined) {
      return false;
    }
    if (container instanceof PyIterator) {
      return ((PyIterator) container).contains(item);
    }
    if (container instanceof DictView) {
      return contains(((DictView) container).items, item);
    }
    throw PyError.typeError("argument of type '" + typeName(container) + "' is not iterable");
  }

  static Iterator<Object> iterator(Object v) {
    return iterate(v).iterator();
  }

  /** Python's {@code round(x, n)}: exact binary value, ties to even. */
  static double round(double x, int digits) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return x;
    }
    return new BigDecimal(x).setScale(digits, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }
}
