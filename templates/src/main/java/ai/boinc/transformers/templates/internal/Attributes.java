package ai.boinc.transformers.templates.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code a.b} and {@code a[b]} as Jinja2's immutable sandbox resolves them: Python attributes
 * (methods of str, list and dict) first for {@code a.b}, items first for {@code a[b]}; an
 * attribute that would mutate a list or dict, or any {@code _name}, is an unsafe undefined.
 */
final class Attributes {
  private Attributes() {}

  static final Set<String> STR_METHODS = Set.of("capitalize", "casefold", "center", "count", "endswith",
      "expandtabs", "find", "format", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit",
      "isidentifier", "islower", "isnumeric", "isprintable", "isspace", "istitle", "isupper", "join", "ljust",
      "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust",
      "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "upper",
      "zfill", "encode", "format_map", "maketrans", "translate");
  static final Set<String> LIST_METHODS = Set.of("count", "index", "copy");
  static final Set<String> LIST_MUTATORS = Set.of("append", "clear", "extend", "insert", "pop", "remove", "reverse",
      "sort");
  static final Set<String> DICT_METHODS = Set.of("copy", "get", "items", "keys", "values", "fromkeys");
  static final Set<String> DICT_MUTATORS = Set.of("clear", "pop", "popitem", "setdefault", "update");

  /** {@code obj.name}. */
  /**
   * Dunder attributes Python objects (Undefined included) have: the sandbox answers them with an
   * unsafe undefined. Other dunders do not exist, and are looked up as keys like any name.
   */
  private static final Set<String> DUNDERS = Set.of("__class__", "__delattr__", "__dir__", "__doc__", "__eq__",
      "__format__", "__ge__", "__getattribute__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__",
      "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__",
      "__str__", "__subclasshook__", "__len__", "__getitem__", "__iter__", "__contains__", "__add__", "__mul__",
      "__rmul__", "__mod__", "__rmod__", "__call__", "__bool__", "__int__", "__float__", "__module__");

  static boolean isDunder(String name) {
    return DUNDERS.contains(name);
  }

  static Object getattr(Object obj, String name) {
    if (isDunder(name)) {
      return Undefined.unsafe(obj, name);
    }
    if (obj instanceof Undefined) {
      throw ((Undefined) obj).error();
    }
    if (Values.isNumber(obj) && (name.equals("real") || name.equals("imag"))) {
      boolean real = name.equals("real");
      if (obj instanceof Double) {
        return real ? obj : (Object) 0.0;
      }
      return real ? Values.toLong(obj) : 0L;
    }
    Object method = method(obj, name);
    if (method != null) {
      return method;
    }
    if (obj instanceof Map) {
      Object v = Values.lookup((Map<?, ?>) obj, name);
      return v == Undefined.MISSING ? Undefined.attribute(obj, name) : v;
    }
    if (obj instanceof PyTuple && ((PyTuple) obj).field(name) != Undefined.MISSING) {
      return ((PyTuple) obj).field(name);
    }
    if (obj instanceof Namespace) {
      Map<String, Object> attributes = ((Namespace) obj).attributes;
      Object v = attributes.get(name);
      return v != null || attributes.containsKey(name) ? v : Undefined.attribute(obj, name);
    }
    if (obj instanceof LoopContext) {
      return ((LoopContext) obj).attribute(name);
    }
    if (obj instanceof Cycler) {
      return ((Cycler) obj).attribute(name);
    }
    if (obj instanceof Macro) {
      return ((Macro) obj).attribute(name);
    }
    return Undefined.attribute(obj, name);
  }

  /** A Python method of {@code obj} named {@code name}, an unsafe undefined, or null. */
  private static Object method(Object obj, String name) {
    if (obj instanceof String) {
      return STR_METHODS.contains(name) ? new BoundMethod(obj, name) : null;
    }
    if (obj instanceof List) {
      if (LIST_MUTATORS.contains(name) && !(obj instanceof PyTuple)) {
        return Undefined.unsafe(obj, name);
      }
      return LIST_METHODS.contains(name) && !(obj instanceof PyTuple && name.equals("copy"))
          ? new BoundMethod(obj, name) : null;
    }
    if (obj instanceof Map) {
      if (DICT_MUTATORS.contains(name)) {
        return Undefined.unsafe(obj, name);
      }
      return DICT_METHODS.contains(name) ? new BoundMethod(obj, name) : null;
    }
    if (obj instanceof Double && name.equals("is_integer")) {
      return new BoundMethod(obj, name);
    }
    return null;
  }

  /** {@code obj[key]}. */
  static Object getitem(Object obj, Object key) {
    if (obj instanceof Undefined) {
      throw ((Undefined) obj).error();
    }
    if (obj instanceof Map) {
      Object v = Values.lookup((Map<?, ?>) obj, key);
      if (v != Undefined.MISSING) {
        return v;
      }
    } else if ((obj instanceof List || obj instanceof String) && Values.isInt(key)) {
      long i = Values.toLong(key);
      if (obj instanceof String) {
        String s = (String) obj;
        if (!PyStrings.hasSurrogates(s)) {
          long at = i < 0 ? i + s.length() : i;
          if (at >= 0 && at < s.length()) {
            return String.valueOf(s.charAt((int) at));
          }
        } else {
          List<Object> chars = PyStrings.characters(s);
          long at = i < 0 ? i + chars.size() : i;
          if (at >= 0 && at < chars.size()) {
            return chars.get((int) at);
          }
        }
      } else {
        List<?> list = (List<?>) obj;
        long at = i < 0 ? i + list.size() : i;
        if (at >= 0 && at < list.size()) {
          return list.get((int) at);
        }
      }
      return Undefined.attribute(obj, key);
    } else if (obj instanceof LoopContext && key instanceof String) {
      return ((LoopContext) obj).attribute((String) key);
    }
    if (key instanceof String) {
      String name = (String) key;
      if (isDunder(name)) {
        return Undefined.unsafe(obj, name);
      }
      Object method = method(obj, name);
      if (method != null) {
        return method;
      }
      if (obj instanceof PyTuple && ((PyTuple) obj).field(name) != Undefined.MISSING) {
        return ((PyTuple) obj).field(name);
      }
      if (obj instanceof Namespace) {
        Map<String, Object> attributes = ((Namespace) obj).attributes;
        if (attributes.containsKey(name)) {
          return attributes.get(name);
        }
      }
    }
    return Undefined.attribute(obj, key);
  }
}
