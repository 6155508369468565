package ai.boinc.transformers.templates.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Python's {@code str.format}: {@code {}}, {@code {0}}, {@code {name}}, {@code !r}/{@code !s}, and
 * the common format specs ({@code [[fill]align][sign][0][width][,][.precision][type]}).
 */
final class BraceFormat {
  private BraceFormat() {}

  static String format(String template, Args args) {
    StringBuilder out = new StringBuilder();
    int auto = 0;
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        out.append('{');
        i++;
      } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        out.append('}');
        i++;
      } else if (c == '{') {
        int close = template.indexOf('}', i);
        if (close < 0) {
          throw PyError.valueError("Single '{' encountered in format string");
        }
        String field = template.substring(i + 1, close);
        String spec = "";
        String conversion = null;
        int colon = field.indexOf(':');
        if (colon >= 0) {
          spec = field.substring(colon + 1);
          field = field.substring(0, colon);
        }
        int bang = field.indexOf('!');
        if (bang >= 0) {
          conversion = field.substring(bang + 1);
          field = field.substring(0, bang);
        }
        Object value;
        if (field.isEmpty()) {
          value = positional(args, auto++);
        } else if (field.chars().allMatch(Character::isDigit)) {
          value = positional(args, Integer.parseInt(field));
        } else {
          if (!args.keywords.containsKey(field)) {
            throw new PyError("KeyError", Values.repr(field));
          }
          value = args.keywords.get(field);
        }
        if ("r".equals(conversion)) {
          value = Values.repr(value);
        } else if ("s".equals(conversion)) {
          value = Values.str(value);
        }
        out.append(applySpec(value, spec));
        i = close;
      } else if (c == '}') {
        throw PyError.valueError("Single '}' encountered in format string");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String applySpec(Object value, String spec) {
    if (spec.isEmpty()) {
      return Values.str(value);
    }
    int i = 0;
    char fill = ' ';
    char align = 0;
    if (spec.length() >= 2 && "<>^=".indexOf(spec.charAt(1)) >= 0) {
      fill = spec.charAt(0);
      align = spec.charAt(1);
      i = 2;
    } else if ("<>^=".indexOf(spec.charAt(0)) >= 0) {
      align = spec.charAt(0);
      i = 1;
    }
    char sign = '-';
    if (i < spec.length() && "+- ".indexOf(spec.charAt(i)) >= 0) {
      sign = spec.charAt(i++);
    }
    if (i < spec.length() && spec.charAt(i) == '0') {
      if (align == 0) {
        fill = '0';
        align = '=';
      }
      i++;
    }
    int start = i;
    while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
      i++;
    }
    int width = i > start ? Integer.parseInt(spec.substring(start, i)) : 0;
    boolean grouping = false;
    if (i < spec.length() && spec.charAt(i) == ',') {
      grouping = true;
      i++;
    }
    int precision = -1;
    if (i < spec.length() && spec.charAt(i) == '.') {
      start = ++i;
      while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
        i++;
      }
      precision = Integer.parseInt(spec.substring(start, i));
    }
    char type = i < spec.length() ? spec.charAt(i++) : 0;
    if (i != spec.length() || width > 10_000 || precision > 1_000) {
      throw PyError.valueError("Invalid format specifier");
    }
    String body;
    boolean numeric = Values.isNumber(value) && !(value instanceof Boolean && type == 0);
    if (value instanceof String || !numeric) {
      body = Values.str(value);
      if (precision >= 0 && precision < body.length()) {
        body = body.substring(0, precision);
      }
      if (align == 0) {
        align = '<';
      }
    } else {
      boolean negative;
      if (type == 'f' || type == 'F' || type == '%' || (type == 0 && value instanceof Double && precision >= 0)
          || (type == 0 && value instanceof Double)) {
        double d = Values.toDouble(value) * (type == '%' ? 100 : 1);
        negative = d < 0;
        if (type == 0 && precision < 0) {
          body = Values.floatRepr(Math.abs(d));
        } else {
          body = new BigDecimal(Math.abs(d)).setScale(precision < 0 ? 6 : precision, RoundingMode.HALF_EVEN)
              .toPlainString();
        }
        if (grouping) {
          int dot = body.indexOf('.');
          String whole = dot < 0 ? body : body.substring(0, dot);
          body = group(whole) + (dot < 0 ? "" : body.substring(dot));
        }
        if (type == '%') {
          body += "%";
        }
      } else if (type == 'x' || type == 'X' || type == 'o' || type == 'b') {
        long v = Values.toLong(value);
        negative = v < 0;
        int radix = type == 'o' ? 8 : type == 'b' ? 2 : 16;
        body = Long.toString(Math.abs(v), radix);
        if (type == 'X') {
          body = body.toUpperCase(Locale.ROOT);
        }
      } else if (type == 0 || type == 'd' || type == 'n') {
        if (value instanceof Double) {
          throw PyError.valueError("Unknown format code 'd' for object of type 'float'");
        }
        long v = Values.toLong(value);
        negative = v < 0;
        body = grouping ? group(Long.toString(Math.abs(v))) : Long.toString(Math.abs(v));
      } else {
        body = Values.str(value);
        negative = false;
      }
      String signText = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
      if (align == '=') {
        int pad = width - signText.length() - body.length();
        return signText + (pad > 0 ? String.valueOf(fill).repeat(pad) : "") + body;
      }
      body = signText + body;
      if (align == 0) {
        align = '>';
      }
    }
    int pad = width - PyStrings.codePointLength(body);
    if (pad <= 0) {
      return body;
    }
    String f = String.valueOf(fill);
    switch (align) {
      case '>':
        return f.repeat(pad) + body;
      case '^':
        return f.repeat(pad / 2) + body + f.repeat(pad - pad / 2);
      default:
        return body + f.repeat(pad);
    }
  }

  private static String group(String digits) {
    StringBuilder sb = new StringBuilder();
    int n = digits.length();
    for (int i = 0; i < n; i++) {
      if (i > 0 && (n - i) % 3 == 0) {
        sb.append(',');
      }
      sb.append(digits.charAt(i));
    }
    return sb.toString();
  }

  private static Object positional(Args args, int index) {
    if (index >= args.size()) {
      throw new PyError("IndexError", "Replacement index " + index + " out of range for positional args tuple");
    }
    return args.positional.get(index);
  }
}
