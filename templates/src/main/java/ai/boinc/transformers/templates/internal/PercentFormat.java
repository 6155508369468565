package ai.boinc.transformers.templates.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Python's {@code "format" % args} (printf-style), for the {@code %} operator and {@code |format}. */
final class PercentFormat {
  private PercentFormat() {}

  static String format(String template, Object args) {
    List<?> positional = args instanceof PyTuple ? (List<?>) args : java.util.Collections.singletonList(args);
    Map<?, ?> mapping = args instanceof Map ? (Map<?, ?>) args : null;
    StringBuilder out = new StringBuilder();
    int next = 0;
    int n = template.length();
    for (int i = 0; i < n; i++) {
      char c = template.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      i++;
      if (i >= n) {
        throw PyError.valueError("incomplete format");
      }
      Object value = null;
      boolean haveValue = false;
      if (template.charAt(i) == '(') {
        int close = template.indexOf(')', i);
        if (close < 0 || mapping == null) {
          throw PyError.typeError("format requires a mapping");
        }
        Object key = template.substring(i + 1, close);
        value = Values.lookup(mapping, key);
        if (value == Undefined.MISSING) {
          throw new PyError("KeyError", Values.repr(key));
        }
        haveValue = true;
        i = close + 1;
      }
      String flags = "";
      while (i < n && "-+ 0#".indexOf(template.charAt(i)) >= 0) {
        flags += template.charAt(i++);
      }
      int width = -1;
      int start = i;
      while (i < n && Character.isDigit(template.charAt(i))) {
        i++;
      }
      if (i > start) {
        width = Integer.parseInt(template.substring(start, i));
      }
      int precision = -1;
      if (i < n && template.charAt(i) == '.') {
        i++;
        start = i;
        while (i < n && Character.isDigit(template.charAt(i))) {
          i++;
        }
        precision = i > start ? Integer.parseInt(template.substring(start, i)) : 0;
      }
      if (i >= n) {
        throw PyError.valueError("incomplete format");
      }
      char conv = template.charAt(i);
      if (conv == '%') {
        out.append('%');
        continue;
      }
      if (!haveValue) {
        if (mapping != null && !(args instanceof PyTuple)) {
          value = args;
        } else {
          if (next >= positional.size()) {
            throw PyError.typeError("not enough arguments for format string");
          }
          value = positional.get(next++);
        }
      }
      if (width > 100_000 || precision > 100_000) {
        throw PyError.valueError("width or precision too large for this engine");
      }
      out.append(pad(convert(conv, flags, precision, value), flags, width, conv));
    }
    if (mapping == null && next < positional.size()) {
      throw PyError.typeError("not all arguments converted during string formatting");
    }
    return out.toString();
  }

  private static String convert(char conv, String flags, int precision, Object value) {
    switch (conv) {
      case 's': {
        String s = Values.str(value);
        return precision >= 0 && precision < s.length() ? s.substring(0, precision) : s;
      }
      case 'r':
      case 'a':
        return Values.repr(value);
      case 'd':
      case 'i':
      case 'u': {
        long v = integer(value);
        return sign(flags, v >= 0) + Math.abs(v);
      }
      case 'x':
      case 'X':
      case 'o': {
        long v = integer(value);
        String digits = conv == 'o' ? Long.toOctalString(Math.abs(v)) : Long.toHexString(Math.abs(v));
        if (flags.indexOf('#') >= 0) {
          digits = (conv == 'o' ? "0o" : "0x") + digits;
        }
        if (conv == 'X') {
          digits = digits.toUpperCase(Locale.ROOT);
        }
        return sign(flags, v >= 0) + digits;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        double v = number(value);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
          String s = Double.isNaN(v) ? "nan" : "inf";
          return sign(flags, v >= 0 || Double.isNaN(v)) + (Character.isUpperCase(conv) ? s.toUpperCase(Locale.ROOT) : s);
        }
        int p = precision < 0 ? 6 : precision;
        String body;
        if (conv == 'f' || conv == 'F') {
          body = new BigDecimal(Math.abs(v)).setScale(p, java.math.RoundingMode.HALF_EVEN).toPlainString();
        } else if (conv == 'e' || conv == 'E') {
          body = exponent(Math.abs(v), p);
        } else {
          body = general(Math.abs(v), p == 0 ? 1 : p, flags.indexOf('#') >= 0);
        }
        if (Character.isUpperCase(conv)) {
          body = body.toUpperCase(Locale.ROOT);
        }
        return sign(flags, v >= 0 && !(v == 0 && 1 / v < 0)) + body;
      }
      case 'c':
        if (value instanceof String && PyStrings.codePointLength((String) value) == 1) {
          return (String) value;
        }
        return new String(Character.toChars((int) integer(value)));
      default:
        throw PyError.valueError("unsupported format character '" + conv + "'");
    }
  }

  private static String exponent(double v, int p) {
    String s = String.format(Locale.ROOT, "%." + p + "e", v);
    int e = s.indexOf('e');
    String mant = s.substring(0, e);
    int exp = Integer.parseInt(s.substring(e + 1));
    return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }

  private static String general(double v, int p, boolean alternate) {
    if (v == 0) {
      return alternate ? "0." + "0".repeat(p - 1) : "0";
    }
    String e = exponent(v, p - 1);
    int exp = Integer.parseInt(e.substring(e.indexOf('e') + 1));
    String body;
    if (exp < -4 || exp >= p) {
      body = e;
      if (!alternate) {
        String mant = body.substring(0, body.indexOf('e'));
        if (mant.contains(".")) {
          mant = mant.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        body = mant + body.substring(body.indexOf('e'));
      }
    } else {
      body = new BigDecimal(v).setScale(Math.max(p - 1 - exp, 0), java.math.RoundingMode.HALF_EVEN).toPlainString();
      if (!alternate && body.contains(".")) {
        body = body.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
    }
    return body;
  }

  private static String sign(String flags, boolean nonNegative) {
    if (!nonNegative) {
      return "-";
    }
    return flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
  }

  private static String pad(String s, String flags, int width, char conv) {
    int len = PyStrings.codePointLength(s);
    if (width <= len) {
      return s;
    }
    String fill = " ".repeat(width - len);
    if (flags.indexOf('-') >= 0) {
      return s + fill;
    }
    if (flags.indexOf('0') >= 0 && "sracr".indexOf(conv) < 0) {
      int signLength = !s.isEmpty() && "+- ".indexOf(s.charAt(0)) >= 0 ? 1 : 0;
      return s.substring(0, signLength) + "0".repeat(width - len) + s.substring(signLength);
    }
    return fill + s;
  }

  private static long integer(Object v) {
    if (Values.isInt(v)) {
      return Values.toLong(v);
    }
    if (v instanceof Double) {
      return (long) (double) (Double) v;
    }
    if (v instanceof Undefined) {
      throw ((Undefined) v).error();
    }
    throw PyError.typeError("%d format: a real number is required, not " + Values.typeName(v));
  }

  private static double number(Object v) {
    if (Values.isNumber(v)) {
      return Values.toDouble(v);
    }
    if (v instanceof Undefined) {
      throw ((Undefined) v).error();
    }
    throw PyError.typeError("must be real number, not " + Values.typeName(v));
  }
}
