package ai.boinc.transformers.templates.internal;

/** Python's {@code str.format} for plain fields: {@code {}}, {@code {0}}, {@code {name}}, {@code !r}. */
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
        String conversion = null;
        int colon = field.indexOf(':');
        if (colon >= 0) {
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
        out.append("r".equals(conversion) ? Values.repr(value) : Values.str(value));
        i = close;
      } else if (c == '}') {
        throw PyError.valueError("Single '}' encountered in format string");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static Object positional(Args args, int index) {
    if (index >= args.size()) {
      throw new PyError("IndexError", "Replacement index " + index + " out of range for positional args tuple");
    }
    return args.positional.get(index);
  }
}
