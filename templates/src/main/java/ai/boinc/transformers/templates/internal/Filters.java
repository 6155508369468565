package ai.boinc.transformers.templates.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jinja2's built-in filters, and transformers' {@code tojson}. */
final class Filters {
  interface Filter {
    Object apply(Renderer r, Object value, Args args);
  }

  private static final Map<String, Filter> FILTERS = new HashMap<>();
  private static final java.util.regex.Pattern WORD =
      java.util.regex.Pattern.compile("\\w+", java.util.regex.Pattern.UNICODE_CHARACTER_CLASS);
  /** Jinja2's _GroupTuple(grouper, list). */
  private static final String[] GROUP_FIELDS = {"grouper", "list"};

  private Filters() {}

  static Filter get(String name) {
    return FILTERS.get(name);
  }

  private static void define(Filter f, String... names) {
    for (String n : names) {
      FILTERS.put(n, f);
    }
  }

  /** Jinja2's {@code soft_str}: str(), an undefined value as empty. */
  private static String text(Object v) {
    return Values.str(v);
  }

  private static int intArg(Object v, String what) {
    if (Values.isInt(v)) {
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Values.toLong(v)));
    }
    if (v instanceof Undefined) {
      throw ((Undefined) v).error();
    }
    throw PyError.typeError(what + " must be an integer, not " + Values.typeName(v));
  }

  /** Jinja2's make_attrgetter: {@code "a.b.0"} walks items, digits as indexes. */
  static Object attribute(Object item, String path, Object fallback) {
    for (String part : path.split("\\.", -1)) {
      Object key = !part.isEmpty() && part.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(part) : part;
      item = Attributes.getitem(item, key);
    }
    if (fallback != null && item instanceof Undefined) {
      return fallback;
    }
    return item;
  }

  private static Object sortKey(Object v, boolean caseSensitive) {
    return !caseSensitive && v instanceof String ? PyStrings.lowerCase((String) v) : v;
  }

  private static List<Object> sorted(List<Object> items, boolean reverse, boolean caseSensitive, String attr) {
    List<Object> out = new ArrayList<>(items);
    Comparator<Object> cmp = (a, b) -> Values.compare(
        sortKey(attr == null ? a : attribute(a, attr, null), caseSensitive),
        sortKey(attr == null ? b : attribute(b, attr, null), caseSensitive), "<");
    out.sort(reverse ? cmp.reversed() : cmp);
    return out;
  }

  private static String optionalAttr(Args a, int index) {
    Object v = a.get(index, "attribute", null);
    return v == null ? null : text(v);
  }

  /** select/reject/selectattr/rejectattr. */
  private static Object select(Renderer r, Object value, Args a, boolean byAttribute, boolean keep) {
    List<Object> positional = a.positional;
    String attr = null;
    int next = 0;
    if (byAttribute) {
      if (positional.isEmpty()) {
        throw PyError.typeError("Missing parameter for attribute name");
      }
      attr = text(positional.get(0));
      next = 1;
    }
    Tests.Test test = null;
    Args testArgs = Args.NONE;
    if (positional.size() > next) {
      String name = text(positional.get(next));
      test = Tests.get(name);
      if (test == null) {
        throw new PyError("TemplateRuntimeError", "No test named '" + name + "'.");
      }
      testArgs = new Args(new ArrayList<>(positional.subList(next + 1, positional.size())), a.keywords);
    }
    List<Object> out = new ArrayList<>();
    for (Object item : Values.iterate(value)) {
      r.step(1);
      Object subject = attr == null ? item : attribute(item, attr, null);
      boolean passed = test == null ? Values.truthy(subject) : test.test(r, subject, testArgs);
      if (passed == keep) {
        out.add(item);
      }
    }
    return PyIterator.generator(out);
  }

  static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '"':
          sb.append("&#34;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  static {
    define((r, v, a) -> Json.dumps(r, v, a), "tojson");
    define((r, v, a) -> {
      a.check("trim", "chars");
      Object chars = a.get(0, "chars", null);
      return PyStrings.strip(text(v), chars == null ? null : text(chars));
    }, "trim");
    define((r, v, a) -> (long) Values.length(v), "length", "count");
    define((r, v, a) -> text(v), "string");
    define((r, v, a) -> text(v), "safe");
    define((r, v, a) -> html(text(v)), "e", "escape", "forceescape");
    define((r, v, a) -> PyStrings.upper(text(v)), "upper");
    define((r, v, a) -> PyStrings.lowerCase(text(v)), "lower");
    define((r, v, a) -> PyStrings.capitalize(text(v)), "capitalize");
    define((r, v, a) -> {
      // Jinja2's own title: words start after whitespace, '-', '(', '{', '[', '<'.
      String s = text(v);
      StringBuilder sb = new StringBuilder(s.length());
      boolean start = true;
      for (int i = 0; i < s.length(); ) {
        int c = s.codePointAt(i);
        i += Character.charCount(c);
        String one = new String(Character.toChars(c));
        boolean separator = PyStrings.isSpace(c) || "-({[<".indexOf(c) >= 0;
        if (separator) {
          sb.append(one);
          start = true;
        } else {
          sb.append(start ? PyStrings.upper(one) : PyStrings.lowerCase(one));
          start = false;
        }
      }
      return sb.toString();
    }, "title");
    define((r, v, a) -> {
      a.check("replace", "old", "new", "count");
      Object count = a.get(2, "count", null);
      return PyStrings.replace(text(v), text(a.get(0, "old", "")), text(a.get(1, "new", "")),
          count == null ? -1 : Values.toLong(count), r.maxOutput);
    }, "replace");
    define((r, v, a) -> {
      a.check("default", "default_value", "boolean");
      Object fallback = a.get(0, "default_value", "");
      boolean bool = Values.truthy(a.get(1, "boolean", false));
      return v instanceof Undefined || (bool && !Values.truthy(v)) ? fallback : v;
    }, "default", "d");
    define((r, v, a) -> {
      if (v instanceof Undefined) {
        return PyIterator.generator(new ArrayList<>());
      }
      if (!(v instanceof Map)) {
        throw PyError.typeError("Can only get item pairs from a mapping.");
      }
      List<Object> out = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.add(new PyTuple(e.getKey(), e.getValue()));
      }
      return PyIterator.generator(out);
    }, "items");
    define((r, v, a) -> new ArrayList<>(Values.iterate(v)), "list");
    define((r, v, a) -> {
      if (v instanceof PyIterator) {
        Object next = ((PyIterator) v).next();
        return next == Undefined.MISSING ? Undefined.hint("No first item, sequence was empty.") : next;
      }
      List<Object> items = Values.iterate(v);
      return items.isEmpty() ? Undefined.hint("No first item, sequence was empty.") : items.get(0);
    }, "first");
    define((r, v, a) -> {
      if (v instanceof PyIterator) {
        throw PyError.typeError("'" + Values.typeName(v) + "' object is not reversible");
      }
      List<Object> items = Values.iterate(v);
      return items.isEmpty() ? Undefined.hint("No last item, sequence was empty.") : items.get(items.size() - 1);
    }, "last");
    define((r, v, a) -> {
      a.check("join", "d", "attribute");
      String sep = text(a.get(0, "d", ""));
      String attr = optionalAttr(a, 1);
      StringBuilder sb = new StringBuilder();
      boolean first = true;
      for (Object item : Values.iterate(v)) {
        if (!first) {
          sb.append(sep);
        }
        first = false;
        Values.appendStr(sb, attr == null ? item : attribute(item, attr, null));
        r.checkLength(sb.length());
      }
      return sb.toString();
    }, "join");
    define((r, v, a) -> {
      a.check("indent", "width", "first", "blank");
      Object width = a.get(0, "width", 4L);
      String indention = width instanceof String ? (String) width : " ".repeat(Math.max(0, intArg(width, "width")));
      boolean first = Values.truthy(a.get(1, "first", false));
      boolean blank = Values.truthy(a.get(2, "blank", false));
      List<Object> lines = PyStrings.splitlines(text(v) + "\n", false);
      StringBuilder sb = new StringBuilder();
      if (blank) {
        for (int i = 0; i < lines.size(); i++) {
          if (i > 0) {
            sb.append('\n').append(indention);
          }
          sb.append((String) lines.get(i));
          r.checkLength(sb.length());
        }
      } else {
        sb.append((String) lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
          String line = (String) lines.get(i);
          sb.append('\n');
          if (!line.isEmpty()) {
            sb.append(indention).append(line);
          }
          r.checkLength(sb.length());
        }
      }
      return first ? indention + sb : sb.toString();
    }, "indent");
    define((r, v, a) -> {
      a.check("int", "default", "base");
      Object fallback = a.get(0, "default", 0L);
      long base = Values.toLong(a.get(1, "base", 10L));
      if (v instanceof Undefined) {
        throw ((Undefined) v).error();
      }
      if (Values.isInt(v)) {
        return Values.toLong(v);
      }
      if (v instanceof Double) {
        double d = (Double) v;
        return Double.isNaN(d) || Double.isInfinite(d) ? fallback : (Object) (long) d;
      }
      if (v instanceof String) {
        String s = PyStrings.strip((String) v, null).replace("_", "");
        try {
          if (base == 16 && (s.startsWith("0x") || s.startsWith("0X"))) {
            s = s.substring(2);
          } else if (base == 8 && (s.startsWith("0o") || s.startsWith("0O"))) {
            s = s.substring(2);
          } else if (base == 2 && (s.startsWith("0b") || s.startsWith("0B"))) {
            s = s.substring(2);
          }
          return Long.parseLong(s.startsWith("+") ? s.substring(1) : s, (int) base);
        } catch (NumberFormatException e) {
          try {
            double d = Double.parseDouble(PyStrings.strip((String) v, null));
            return Double.isNaN(d) || Double.isInfinite(d) ? fallback : (Object) (long) d;
          } catch (NumberFormatException e2) {
            return fallback;
          }
        }
      }
      return fallback;
    }, "int");
    define((r, v, a) -> {
      a.check("float", "default");
      Object fallback = a.get(0, "default", 0.0);
      if (v instanceof Undefined) {
        throw ((Undefined) v).error();
      }
      if (Values.isNumber(v)) {
        return Values.toDouble(v);
      }
      if (v instanceof String) {
        String s = PyStrings.strip((String) v, null).toLowerCase(java.util.Locale.ROOT);
        switch (s) {
          case "nan":
          case "+nan":
          case "-nan":
            return Double.NaN;
          case "inf":
          case "+inf":
          case "infinity":
          case "+infinity":
            return Double.POSITIVE_INFINITY;
          case "-inf":
          case "-infinity":
            return Double.NEGATIVE_INFINITY;
          default:
            try {
              if (s.endsWith("d") || s.endsWith("f") || s.startsWith("0x")) {
                return fallback;
              }
              return Double.parseDouble(s.replace("_", ""));
            } catch (NumberFormatException e) {
              return fallback;
            }
        }
      }
      return fallback;
    }, "float");
    define((r, v, a) -> {
      if (v instanceof Undefined) {
        throw ((Undefined) v).error();
      }
      if (Values.isInt(v)) {
        long x = Values.toLong(v);
        return x == Long.MIN_VALUE ? (Object) Math.abs((double) x) : (Object) Math.abs(x);
      }
      if (v instanceof Double) {
        return Math.abs((Double) v);
      }
      throw PyError.typeError("bad operand type for abs(): '" + Values.typeName(v) + "'");
    }, "abs");
    define((r, v, a) -> {
      a.check("round", "precision", "method");
      int precision = intArg(a.get(0, "precision", 0L), "precision");
      String method = text(a.get(1, "method", "common"));
      if (v instanceof Undefined) {
        throw ((Undefined) v).error();
      }
      if (!Values.isNumber(v)) {
        throw PyError.typeError("type " + Values.typeName(v) + " doesn't define __round__ method");
      }
      double x = Values.toDouble(v);
      switch (method) {
        case "common":
          if (Values.isInt(v)) {
            return Values.toLong(v);
          }
          return Values.round(x, precision);
        case "floor":
        case "ceil": {
          double scale = Math.pow(10, precision);
          double y = method.equals("floor") ? Math.floor(x * scale) : Math.ceil(x * scale);
          return y / scale;
        }
        default:
          throw new PyError("FilterArgumentError", "method must be common, ceil or floor");
      }
    }, "round");
    define((r, v, a) -> {
      a.check("dictsort", "case_sensitive", "by", "reverse");
      boolean caseSensitive = Values.truthy(a.get(0, "case_sensitive", false));
      String by = text(a.get(1, "by", "key"));
      boolean reverse = Values.truthy(a.get(2, "reverse", false));
      if (!(v instanceof Map)) {
        throw PyError.typeError("dictsort needs a mapping, not " + Values.typeName(v));
      }
      int position = by.equals("key") ? 0 : by.equals("value") ? 1 : -1;
      if (position < 0) {
        throw new PyError("FilterArgumentError", "You can only sort by either \"key\" or \"value\"");
      }
      List<Object> pairs = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        pairs.add(new PyTuple(e.getKey(), e.getValue()));
      }
      Comparator<Object> cmp = (x, y) -> Values.compare(sortKey(((PyTuple) x).get(position), caseSensitive),
          sortKey(((PyTuple) y).get(position), caseSensitive), "<");
      pairs.sort(reverse ? cmp.reversed() : cmp);
      return pairs;
    }, "dictsort");
    define((r, v, a) -> {
      a.check("sort", "reverse", "case_sensitive", "attribute");
      return sorted(Values.iterate(v), Values.truthy(a.get(0, "reverse", false)),
          Values.truthy(a.get(1, "case_sensitive", false)), optionalAttr(a, 2));
    }, "sort");
    define((r, v, a) -> {
      a.check("unique", "case_sensitive", "attribute");
      boolean caseSensitive = Values.truthy(a.get(0, "case_sensitive", false));
      String attr = optionalAttr(a, 1);
      List<Object> out = new ArrayList<>();
      List<Object> seen = new ArrayList<>();
      for (Object item : Values.iterate(v)) {
        Object key = sortKey(attr == null ? item : attribute(item, attr, null), caseSensitive);
        if (!Values.contains(seen, key)) {
          seen.add(key);
          out.add(item);
        }
        r.step(seen.size() / 64);
      }
      return PyIterator.generator(out);
    }, "unique");
    define((r, v, a) -> {
      if (v instanceof String) {
        List<Object> chars = PyStrings.characters((String) v);
        StringBuilder sb = new StringBuilder(((String) v).length());
        for (int i = chars.size() - 1; i >= 0; i--) {
          sb.append((String) chars.get(i));
        }
        return sb.toString();
      }
      boolean reversible = v instanceof List || v instanceof Map || v instanceof DictView;
      List<Object> out = new ArrayList<>(Values.iterate(v));
      Collections.reverse(out);
      // reversed() of a sequence is an iterator; of a generator Jinja2 falls back to a list.
      return reversible ? new PyIterator(v instanceof List ? "list_reverseiterator" : "dict_reversekeyiterator", out)
          : out;
    }, "reverse");
    define((r, v, a) -> {
      if (a.size() == 0 && a.keywords.containsKey("attribute")) {
        String attr = text(a.keywords.get("attribute"));
        Object fallback = a.keywords.get("default");
        List<Object> out = new ArrayList<>();
        for (Object item : Values.iterate(v)) {
          out.add(attribute(item, attr, fallback));
        }
        return PyIterator.generator(out);
      }
      if (a.size() == 0) {
        throw new PyError("FilterArgumentError", "map requires a filter argument");
      }
      String name = text(a.positional.get(0));
      Filter f = get(name);
      if (f == null) {
        throw new PyError("TemplateRuntimeError", "No filter named '" + name + "'.");
      }
      Args rest = new Args(new ArrayList<>(a.positional.subList(1, a.size())), a.keywords);
      List<Object> out = new ArrayList<>();
      for (Object item : Values.iterate(v)) {
        r.step(1);
        out.add(f.apply(r, item, rest));
      }
      return PyIterator.generator(out);
    }, "map");
    define((r, v, a) -> select(r, v, a, false, true), "select");
    define((r, v, a) -> select(r, v, a, false, false), "reject");
    define((r, v, a) -> select(r, v, a, true, true), "selectattr");
    define((r, v, a) -> select(r, v, a, true, false), "rejectattr");
    define((r, v, a) -> Attributes.getattr(v, text(a.get(0, "name", ""))), "attr");
    define((r, v, a) -> {
      a.check("sum", "attribute", "start");
      String attr = optionalAttr(a, 0);
      Object total = a.get(1, "start", 0L);
      for (Object item : Values.iterate(v)) {
        total = Ops.binary(r, "+", total, attr == null ? item : attribute(item, attr, null));
      }
      return total;
    }, "sum");
    for (String which : new String[] {"min", "max"}) {
      define((r, v, a) -> {
        a.check(which, "case_sensitive", "attribute");
        boolean caseSensitive = Values.truthy(a.get(0, "case_sensitive", false));
        String attr = optionalAttr(a, 1);
        List<Object> items = Values.iterate(v);
        if (items.isEmpty()) {
          return Undefined.hint("No aggregated item, sequence was empty.");
        }
        Object best = items.get(0);
        for (Object item : items) {
          int c = Values.compare(sortKey(attr == null ? item : attribute(item, attr, null), caseSensitive),
              sortKey(attr == null ? best : attribute(best, attr, null), caseSensitive), "<");
          if (which.equals("min") ? c < 0 : c > 0) {
            best = item;
          }
        }
        return best;
      }, which);
    }
    define((r, v, a) -> {
      a.check("center", "width");
      return Methods.justify(r, text(v), "center", intArg(a.get(0, "width", 80L), "width"), " ");
    }, "center");
    define((r, v, a) -> {
      if (!a.positional.isEmpty() && !a.keywords.isEmpty()) {
        throw new PyError("FilterArgumentError", "can't handle positional and keyword arguments at the same time");
      }
      Object args = a.keywords.isEmpty() ? PyTuple.of(a.positional) : new LinkedHashMap<Object, Object>(a.keywords);
      return PercentFormat.format(text(v), args);
    }, "format");
    define((r, v, a) -> Values.repr(v), "pprint");
    define((r, v, a) -> {
      // Jinja2 counts the matches of \w+ (Unicode word characters).
      java.util.regex.Matcher m = WORD.matcher(text(v));
      long words = 0;
      while (m.find()) {
        words++;
      }
      return words;
    }, "wordcount");
    define((r, v, a) -> {
      String s = text(v).replaceAll("(?s)<!--.*?-->|<[^>]*>", "");
      return String.join(" ", PyStrings.split(s, null, -1).stream().map(Object::toString)
          .toArray(String[]::new));
    }, "striptags");
    define((r, v, a) -> {
      a.check("truncate", "length", "killwords", "end", "leeway");
      String s = text(v);
      int length = intArg(a.get(0, "length", 255L), "length");
      boolean killwords = Values.truthy(a.get(1, "killwords", false));
      String end = text(a.get(2, "end", "..."));
      int leeway = intArg(a.get(3, "leeway", 5L), "leeway");
      if (s.length() <= length + leeway) {
        return s;
      }
      if (killwords) {
        return s.substring(0, Math.max(0, length - end.length())) + end;
      }
      String cut = s.substring(0, Math.max(0, length - end.length()));
      int space = cut.lastIndexOf(' ');
      return (space >= 0 ? cut.substring(0, space) : cut) + end;
    }, "truncate");
    define((r, v, a) -> {
      a.check("batch", "linecount", "fill_with");
      int size = intArg(a.get(0, "linecount", null), "linecount");
      if (size <= 0) {
        throw PyError.valueError("batch size must be positive");
      }
      Object fill = a.get(1, "fill_with", null);
      boolean hasFill = a.size() > 1 || a.keywords.containsKey("fill_with");
      List<Object> out = new ArrayList<>();
      List<Object> current = new ArrayList<>();
      for (Object item : Values.iterate(v)) {
        if (current.size() == size) {
          out.add(current);
          current = new ArrayList<>();
        }
        current.add(item);
      }
      if (!current.isEmpty()) {
        while (hasFill && current.size() < size) {
          current.add(fill);
        }
        out.add(current);
      }
      return PyIterator.generator(out);
    }, "batch");
    define((r, v, a) -> {
      a.check("slice", "slices", "fill_with");
      List<Object> items = Values.iterate(v);
      int slices = intArg(a.get(0, "slices", null), "slices");
      if (slices <= 0) {
        throw PyError.valueError("slices must be positive");
      }
      Object fill = a.get(1, "fill_with", null);
      boolean hasFill = a.size() > 1 || a.keywords.containsKey("fill_with");
      int per = items.size() / slices;
      int extra = items.size() % slices;
      int offset = 0;
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < slices; i++) {
        int start = offset + i * per;
        if (i < extra) {
          offset++;
        }
        int end = offset + (i + 1) * per;
        List<Object> part = new ArrayList<>(items.subList(start, end));
        if (hasFill && i >= extra) {
          part.add(fill);
        }
        out.add(part);
      }
      return PyIterator.generator(out);
    }, "slice");
    define((r, v, a) -> {
      a.check("groupby", "attribute", "default", "case_sensitive");
      String attr = text(a.get(0, "attribute", ""));
      Object fallback = a.get(1, "default", null);
      boolean caseSensitive = Values.truthy(a.get(2, "case_sensitive", false));
      List<Object> items = sorted(Values.iterate(v), false, caseSensitive, attr);
      List<Object> out = new ArrayList<>();
      Object currentKey = Undefined.MISSING;
      List<Object> group = null;
      for (Object item : items) {
        Object key = attribute(item, attr, fallback);
        Object cmpKey = sortKey(key, caseSensitive);
        if (group == null || !Values.eq(sortKey(currentKey, caseSensitive), cmpKey)) {
          group = new ArrayList<>();
          out.add(new Object[] {key, group});
          currentKey = key;
        }
        group.add(item);
      }
      List<Object> tuples = new ArrayList<>();
      for (Object o : out) {
        Object[] pair = (Object[]) o;
        tuples.add(PyTuple.named(GROUP_FIELDS, pair[0], pair[1]));
      }
      return tuples;
    }, "groupby");
    define((r, v, a) -> {
      if (v instanceof Map) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          if (sb.length() > 0) {
            sb.append('&');
          }
          sb.append(urlQuote(text(e.getKey()))).append('=').append(urlQuote(text(e.getValue())));
        }
        return sb.toString();
      }
      return urlQuote(text(v)).replace("%2F", "/");
    }, "urlencode");
    define((r, v, a) -> {
      double bytes = Values.toDouble(v instanceof String ? Double.parseDouble((String) v) : v);
      boolean binary = Values.truthy(a.get(0, "binary", false));
      int base = binary ? 1024 : 1000;
      String[] prefixes = binary ? new String[] {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
          : new String[] {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
      if (bytes == 1) {
        return "1 Byte";
      }
      if (bytes < base) {
        return (long) bytes + " Bytes";
      }
      String out = null;
      for (int i = 0; i < prefixes.length; i++) {
        double unit = Math.pow(base, i + 2);
        if (bytes < unit || i == prefixes.length - 1) {
          out = String.format(java.util.Locale.ROOT, "%.1f %s", base * bytes / unit, prefixes[i]);
          break;
        }
      }
      return out;
    }, "filesizeformat");
  }

  private static String urlQuote(String s) {
    StringBuilder sb = new StringBuilder();
    for (byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (Character.isLetterOrDigit(c) && c < 128 || "_.-~/".indexOf(c) >= 0) {
        sb.append((char) c);
      } else {
        sb.append('%').append(PyStrings.hex(c, 2).toUpperCase(java.util.Locale.ROOT));
      }
    }
    return sb.toString();
  }
}
