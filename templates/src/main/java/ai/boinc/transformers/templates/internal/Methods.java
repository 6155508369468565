package ai.boinc.transformers.templates.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Python methods of str, list and dict a template may call. */
final class Methods {
  private Methods() {}

  static Object call(Renderer r, Object self, String name, Args args) {
    if (self instanceof String) {
      return string(r, (String) self, name, args);
    }
    if (self instanceof List) {
      return list((List<?>) self, name, args);
    }
    if (self instanceof Map) {
      return dict((Map<?, ?>) self, name, args);
    }
    if (self instanceof Double && name.equals("is_integer")) {
      args.check(name);
      double d = (Double) self;
      return !Double.isInfinite(d) && d == Math.rint(d);
    }
    throw new IllegalStateException(name);
  }

  private static String optionalString(Object v, String function) {
    if (v == null) {
      return null;
    }
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Undefined) {
      throw ((Undefined) v).error();
    }
    throw PyError.typeError(function + " arg must be None or str");
  }

  private static String requireString(Object v, String function) {
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Undefined) {
      throw ((Undefined) v).error();
    }
    throw PyError.typeError(function + "() argument must be str, not " + Values.typeName(v));
  }

  private static long requireInt(Object v, String function) {
    if (Values.isInt(v)) {
      return Values.toLong(v);
    }
    if (v instanceof Undefined) {
      throw ((Undefined) v).error();
    }
    throw PyError.typeError("'" + Values.typeName(v) + "' object cannot be interpreted as an integer");
  }

  private static Object string(Renderer r, String s, String name, Args a) {
    switch (name) {
      case "strip":
        a.check(name, "chars");
        return PyStrings.strip(s, optionalString(a.get(0, "chars", null), name));
      case "lstrip":
        a.check(name, "chars");
        return PyStrings.lstrip(s, optionalString(a.get(0, "chars", null), name));
      case "rstrip":
        a.check(name, "chars");
        return PyStrings.rstrip(s, optionalString(a.get(0, "chars", null), name));
      case "split":
      case "rsplit": {
        a.check(name, "sep", "maxsplit");
        String sep = optionalString(a.get(0, "sep", null), name);
        long max = requireInt(a.get(1, "maxsplit", -1L), name);
        return name.equals("split") ? PyStrings.split(s, sep, max) : PyStrings.rsplit(s, sep, max);
      }
      case "splitlines":
        a.check(name, "keepends");
        return PyStrings.splitlines(s, Values.truthy(a.get(0, "keepends", false)));
      case "startswith":
      case "endswith": {
        if (a.size() < 1) {
          throw PyError.typeError(name + "() takes at least 1 argument (0 given)");
        }
        String target = sliceOf(s, a.get(1, null, null), a.get(2, null, null));
        Object prefix = a.get(0, null, null);
        List<?> options = prefix instanceof PyTuple ? (List<?>) prefix : java.util.Collections.singletonList(prefix);
        for (Object o : options) {
          if (!(o instanceof String)) {
            throw PyError.typeError(name + " first arg must be str or a tuple of str, not " + Values.typeName(o));
          }
          if (name.equals("startswith") ? target.startsWith((String) o) : target.endsWith((String) o)) {
            return true;
          }
        }
        return false;
      }
      case "replace": {
        a.check(name, "old", "new", "count");
        String old = requireString(a.get(0, "old", null), name);
        String replacement = requireString(a.get(1, "new", null), name);
        long count = requireInt(a.get(2, "count", -1L), name);
        return PyStrings.replace(s, old, replacement, count, r.maxOutput);
      }
      case "upper":
        a.check(name);
        return PyStrings.upper(s);
      case "lower":
        a.check(name);
        return PyStrings.lowerCase(s);
      case "casefold":
        a.check(name);
        return PyStrings.lowerCase(s);
      case "title":
        a.check(name);
        return PyStrings.title(s);
      case "capitalize":
        a.check(name);
        return PyStrings.capitalize(s);
      case "swapcase":
        a.check(name);
        return PyStrings.swapcase(s);
      case "find":
      case "rfind":
      case "index":
      case "rindex": {
        String sub = requireString(a.get(0, null, null), name);
        String within = sliceOf(s, a.get(1, null, null), a.get(2, null, null));
        long offset = a.get(1, null, null) == null ? 0 : startOffset(s, a.get(1, null, null));
        long at = PyStrings.find(within, sub, name.startsWith("r"));
        if (at < 0 && name.endsWith("index")) {
          throw PyError.valueError("substring not found");
        }
        return at < 0 ? -1L : at + offset;
      }
      case "count":
        return PyStrings.count(sliceOf(s, a.get(1, null, null), a.get(2, null, null)),
            requireString(a.get(0, null, null), name));
      case "join": {
        a.check(name, "iterable");
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Object o : Values.iterate(a.get(0, "iterable", null))) {
          if (!(o instanceof String)) {
            throw PyError.typeError("sequence item " + i + ": expected str instance, " + Values.typeName(o) + " found");
          }
          if (i++ > 0) {
            sb.append(s);
          }
          sb.append((String) o);
          r.checkLength(sb.length());
        }
        return sb.toString();
      }
      case "center":
      case "ljust":
      case "rjust": {
        a.check(name, "width", "fillchar");
        long width = requireInt(a.get(0, "width", null), name);
        String fill = requireString(a.get(1, "fillchar", " "), name);
        if (PyStrings.codePointLength(fill) != 1) {
          throw PyError.typeError("The fill character must be exactly one character long");
        }
        return justify(r, s, name, width, fill);
      }
      case "zfill": {
        long width = requireInt(a.get(0, "width", null), name);
        int len = PyStrings.codePointLength(s);
        if (width <= len) {
          return s;
        }
        r.checkLength(width);
        int signLength = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        return s.substring(0, signLength) + "0".repeat((int) (width - len)) + s.substring(signLength);
      }
      case "partition":
      case "rpartition": {
        String sep = requireString(a.get(0, "sep", null), name);
        if (sep.isEmpty()) {
          throw PyError.valueError("empty separator");
        }
        int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
        if (at < 0) {
          return name.equals("partition") ? new PyTuple(s, "", "") : new PyTuple("", "", s);
        }
        return new PyTuple(s.substring(0, at), sep, s.substring(at + sep.length()));
      }
      case "removeprefix": {
        String p = requireString(a.get(0, "prefix", null), name);
        return s.startsWith(p) ? s.substring(p.length()) : s;
      }
      case "removesuffix": {
        String p = requireString(a.get(0, "suffix", null), name);
        return s.endsWith(p) && !p.isEmpty() ? s.substring(0, s.length() - p.length()) : s;
      }
      case "isdigit":
      case "isdecimal":
      case "isnumeric":
        return !s.isEmpty() && s.codePoints().allMatch(Character::isDigit);
      case "isalpha":
        return !s.isEmpty() && s.codePoints().allMatch(Character::isLetter);
      case "isalnum":
        return !s.isEmpty() && s.codePoints().allMatch(Character::isLetterOrDigit);
      case "isascii":
        return s.codePoints().allMatch(c -> c < 128);
      case "isspace":
        return !s.isEmpty() && s.codePoints().allMatch(PyStrings::isSpace);
      case "isprintable":
        return s.codePoints().allMatch(PyStrings::isPrintable);
      case "isidentifier":
        return !s.isEmpty() && (Character.isLetter(s.codePointAt(0)) || s.charAt(0) == '_')
            && s.codePoints().allMatch(c -> c == '_' || Character.isLetterOrDigit(c));
      case "islower":
        return s.codePoints().anyMatch(Character::isLowerCase) && s.codePoints().noneMatch(c -> Character.isUpperCase(c) || Character.isTitleCase(c));
      case "isupper":
        return s.codePoints().anyMatch(Character::isUpperCase) && s.codePoints().noneMatch(c -> Character.isLowerCase(c) || Character.isTitleCase(c));
      case "istitle":
        return !s.isEmpty() && PyStrings.title(s).equals(s) && s.codePoints().anyMatch(Character::isLetter);
      case "expandtabs": {
        long size = requireInt(a.get(0, "tabsize", 8L), name);
        StringBuilder sb = new StringBuilder();
        int column = 0;
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (c == '\t') {
            if (size > 0) {
              long spaces = size - column % size;
              r.checkLength(sb.length() + spaces);
              sb.append(" ".repeat((int) spaces));
              column += spaces;
            }
          } else {
            sb.append(c);
            column = c == '\n' || c == '\r' ? 0 : column + 1;
          }
        }
        return sb.toString();
      }
      case "format":
        return BraceFormat.format(s, a);
      default:
        throw new PyError("SecurityError", "str." + name + " is not available in the sandbox");
    }
  }

  static String justify(Renderer r, String s, String how, long width, String fill) {
    int len = PyStrings.codePointLength(s);
    if (width <= len) {
      return s;
    }
    r.checkLength(width * fill.length());
    int total = (int) (width - len);
    int left;
    if (how.equals("ljust")) {
      left = 0;
    } else if (how.equals("rjust")) {
      left = total;
    } else {
      left = total / 2 + (total & (int) width & 1);
    }
    return fill.repeat(left) + s + fill.repeat(total - left);
  }

  private static long startOffset(String s, Object start) {
    long i = Values.toLong(start);
    long n = PyStrings.codePointLength(s);
    if (i < 0) {
      i = Math.max(0, i + n);
    }
    return Math.min(i, n);
  }

  /** {@code s[start:end]} for the optional bounds of find/count/startswith. */
  private static String sliceOf(String s, Object start, Object end) {
    if (start == null && end == null) {
      return s;
    }
    return (String) Ops.slice(s, start, end, null);
  }

  private static Object list(List<?> self, String name, Args a) {
    switch (name) {
      case "count": {
        long n = 0;
        Object x = a.get(0, null, null);
        for (Object o : self) {
          if (Values.eq(o, x)) {
            n++;
          }
        }
        return n;
      }
      case "index": {
        Object x = a.get(0, null, null);
        for (int i = 0; i < self.size(); i++) {
          if (Values.eq(self.get(i), x)) {
            return (long) i;
          }
        }
        throw PyError.valueError(Values.repr(x) + " is not in list");
      }
      case "copy":
        return new ArrayList<>(self);
      default:
        throw new IllegalStateException(name);
    }
  }

  private static Object dict(Map<?, ?> self, String name, Args a) {
    switch (name) {
      case "items": {
        a.check(name);
        List<Object> out = new ArrayList<>(self.size());
        for (Map.Entry<?, ?> e : self.entrySet()) {
          out.add(new PyTuple(e.getKey(), e.getValue()));
        }
        return new DictView("dict_items", out);
      }
      case "keys":
        a.check(name);
        return new DictView("dict_keys", new ArrayList<Object>(self.keySet()));
      case "values":
        a.check(name);
        return new DictView("dict_values", new ArrayList<Object>(self.values()));
      case "get": {
        if (a.size() < 1 || a.size() > 2 || !a.keywords.isEmpty()) {
          throw PyError.typeError("get expected 1 or 2 arguments, got " + a.size());
        }
        Object v = Values.lookup(self, a.get(0, null, null));
        return v == Undefined.MISSING ? a.get(1, null, null) : v;
      }
      case "copy":
        return new java.util.LinkedHashMap<Object, Object>(self);
      default:
        throw new PyError("SecurityError", "dict." + name + " is not available in the sandbox");
    }
  }
}
