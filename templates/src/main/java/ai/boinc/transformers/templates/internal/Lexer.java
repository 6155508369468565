package ai.boinc.transformers.templates.internal;

import ai.boinc.transformers.templates.TemplateSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a template into tokens exactly as Jinja2's lexer does with {@code trim_blocks} and {@code
 * lstrip_blocks}: whitespace control ({@code -} and {@code +} signs), raw blocks, comments, and the
 * expression tokens inside {@code {{ }}} and {@code {% %}}.
 */
final class Lexer {
  private static final String[] OPERATORS = {
    "//", "**", "==", "!=", ">=", "<=", "+", "-", "*", "/", "%", "~", "[", "]", "(", ")", "{", "}",
    ".", ":", ",", "|", "=", "<", ">", ";"
  };

  private final SourceText source;
  private final String s;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  /** Whether the text before the next tag starts a line (Jinja2's {@code line_starting}). */
  private boolean lineStarting = true;

  private Lexer(SourceText source) {
    this.source = source;
    this.s = source.text;
  }

  static List<Token> tokenize(SourceText source) {
    Lexer lexer = new Lexer(source);
    lexer.run();
    return lexer.tokens;
  }

  private TemplateSyntaxException error(String message, int offset) {
    return new TemplateSyntaxException(message, source.line(offset), source.column(offset));
  }

  private void run() {
    int n = s.length();
    while (pos < n) {
      int tag = findTagStart(pos);
      if (tag < 0) {
        tokens.add(new Token(Token.Type.DATA, s.substring(pos), pos));
        pos = n;
        break;
      }
      char kind = s.charAt(tag + 1);
      int afterDelimiter = tag + 2;
      char sign = afterDelimiter < n ? s.charAt(afterDelimiter) : 0;
      if (sign != '-' && sign != '+') {
        sign = 0;
      }
      int rawEnd = kind == '%' ? matchRawBegin(afterDelimiter + (sign == 0 ? 0 : 1)) : -1;
      String text = s.substring(pos, tag);
      text = stripBeforeTag(text, sign, kind != '{');
      if (!text.isEmpty()) {
        tokens.add(new Token(Token.Type.DATA, text, pos));
      }
      int bodyStart = afterDelimiter + (sign == 0 ? 0 : 1);
      if (rawEnd >= 0) {
        lexRaw(tag, rawEnd);
      } else if (kind == '#') {
        lexComment(tag, bodyStart);
      } else {
        lexTag(kind == '%', tag, bodyStart);
      }
    }
    tokens.add(new Token(Token.Type.EOF, null, n));
  }

  private int findTagStart(int from) {
    int n = s.length();
    for (int i = s.indexOf('{', from); i >= 0 && i + 1 < n; i = s.indexOf('{', i + 1)) {
      char c = s.charAt(i + 1);
      if (c == '{' || c == '%' || c == '#') {
        return i;
      }
    }
    return -1;
  }

  /** The whitespace control of the text before a tag: {@code -} strips, lstrip_blocks trims the line. */
  private String stripBeforeTag(String text, char sign, boolean lstripApplies) {
    if (sign == '-') {
      return PyStrings.rstrip(text, null);
    }
    if (sign != '+' && lstripApplies) {
      int lineStart = text.lastIndexOf('\n') + 1;
      if ((lineStart > 0 || lineStarting) && lineStart < text.length() && allSpace(text, lineStart)) {
        return text.substring(0, lineStart);
      }
    }
    return text;
  }

  private static boolean allSpace(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (!PyStrings.isSpace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private int skipSpace(int i) {
    while (i < s.length() && PyStrings.isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** After {@code {%} and its sign: if this is {@code raw %}, the offset after the tag, else -1. */
  private int matchRawBegin(int i) {
    i = skipSpace(i);
    if (!s.startsWith("raw", i)) {
      return -1;
    }
    i = skipSpace(i + 3);
    if (s.startsWith("-%}", i)) {
      return skipSpace(i + 3);
    }
    if (s.startsWith("%}", i)) {
      return i + 2;
    }
    return -1;
  }

  private void lexRaw(int tagStart, int contentStart) {
    int search = contentStart;
    while (true) {
      int open = s.indexOf("{%", search);
      if (open < 0) {
        throw error("Missing end of raw directive", tagStart);
      }
      int i = open + 2;
      char sign = i < s.length() ? s.charAt(i) : 0;
      if (sign == '-' || sign == '+') {
        i++;
      } else {
        sign = 0;
      }
      i = skipSpace(i);
      if (s.startsWith("endraw", i)) {
        i = skipSpace(i + 6);
        int end;
        boolean endsLine = false;
        if (s.startsWith("+%}", i)) {
          end = i + 3;
        } else if (s.startsWith("-%}", i)) {
          end = skipSpace(i + 3);
        } else if (s.startsWith("%}", i)) {
          end = i + 2;
          if (end < s.length() && s.charAt(end) == '\n') {
            end++;
          }
        } else {
          search = open + 2;
          continue;
        }
        // Jinja2 measures line_starting from the whole raw match, whose last char is the tag's end.
        boolean saved = lineStarting;
        lineStarting = false;
        String text = stripBeforeTag(s.substring(contentStart, open), sign, true);
        lineStarting = saved;
        if (!text.isEmpty()) {
          tokens.add(new Token(Token.Type.DATA, text, contentStart));
        }
        endsLine = s.charAt(end - 1) == '\n';
        lineStarting = endsLine;
        pos = end;
        return;
      }
      search = open + 2;
    }
  }

  private void lexComment(int tagStart, int bodyStart) {
    int close = s.indexOf("#}", bodyStart);
    if (close < 0) {
      throw error("Missing end of comment tag", tagStart);
    }
    int end;
    char before = close > bodyStart ? s.charAt(close - 1) : 0;
    if (before == '-') {
      end = skipSpace(close + 2);
    } else if (before == '+') {
      end = close + 2;
    } else {
      end = close + 2;
      if (end < s.length() && s.charAt(end) == '\n') {
        end++;
      }
    }
    lineStarting = s.charAt(end - 1) == '\n';
    pos = end;
  }

  private void lexTag(boolean block, int tagStart, int i) {
    tokens.add(new Token(block ? Token.Type.BLOCK_BEGIN : Token.Type.VARIABLE_BEGIN, null, tagStart));
    List<Character> balancing = new ArrayList<>();
    int n = s.length();
    while (true) {
      if (i >= n) {
        throw error(block ? "Unexpected end of template. Jinja was looking for the end of a statement block ('%}')."
            : "Unexpected end of template. Jinja was looking for the end of a print statement ('}}').", tagStart);
      }
      if (balancing.isEmpty()) {
        int end = matchTagEnd(block, i);
        if (end >= 0) {
          tokens.add(new Token(block ? Token.Type.BLOCK_END : Token.Type.VARIABLE_END, null, i));
          lineStarting = s.charAt(end - 1) == '\n';
          pos = end;
          return;
        }
      }
      char c = s.charAt(i);
      if (PyStrings.isSpace(c)) {
        i++;
        continue;
      }
      if (c == '"' || c == '\'') {
        i = lexString(i);
        continue;
      }
      if (isDigit(c)) {
        i = lexNumber(i);
        continue;
      }
      if (Character.isLetter(c) || c == '_' || Character.isHighSurrogate(c)) {
        int start = i;
        i = start + Character.charCount(s.codePointAt(start));
        while (i < n) {
          int cp = s.codePointAt(i);
          if (cp == '_' || Character.isLetterOrDigit(cp)) {
            i += Character.charCount(cp);
          } else {
            break;
          }
        }
        tokens.add(new Token(Token.Type.NAME, s.substring(start, i), start));
        continue;
      }
      String op = matchOperator(i);
      if (op == null) {
        throw error("unexpected char '" + c + "' at " + i, i);
      }
      switch (op) {
        case "(":
        case "[":
        case "{":
          balancing.add(op.charAt(0));
          break;
        case ")":
        case "]":
        case "}":
          if (balancing.isEmpty()) {
            throw error("unexpected '" + op + "'", i);
          }
          char expected = balancing.remove(balancing.size() - 1);
          char open = op.equals(")") ? '(' : op.equals("]") ? '[' : '{';
          if (expected != open) {
            String close = expected == '(' ? ")" : expected == '[' ? "]" : "}";
            throw error("unexpected '" + op + "', expected '" + close + "'", i);
          }
          break;
        default:
          break;
      }
      tokens.add(new Token(Token.Type.OPERATOR, op, i));
      i += op.length();
    }
  }

  /** The offset after the tag's end if one starts at {@code i}, else -1. */
  private int matchTagEnd(boolean block, int i) {
    String close = block ? "%}" : "}}";
    if (block && s.startsWith("+" + close, i)) {
      return i + 3;
    }
    if (s.startsWith("-" + close, i)) {
      return skipSpace(i + 3);
    }
    if (s.startsWith(close, i)) {
      int end = i + 2;
      if (block && end < s.length() && s.charAt(end) == '\n') {
        end++;
      }
      return end;
    }
    return -1;
  }

  private String matchOperator(int i) {
    for (String op : OPERATORS) {
      if (s.startsWith(op, i)) {
        return op;
      }
    }
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private int lexString(int start) {
    char quote = s.charAt(start);
    int i = start + 1;
    StringBuilder raw = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw error("unexpected char '" + quote + "' at " + start, start);
      }
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        raw.append(c).append(s.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == quote) {
        break;
      }
      raw.append(c);
      i++;
    }
    tokens.add(new Token(Token.Type.STRING, unescape(raw.toString(), start), start));
    return i + 1;
  }

  /** Python's {@code unicode-escape} decoding of a string literal's body. */
  private String unescape(String raw, int offset) {
    if (raw.indexOf('\\') < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '\\' || i + 1 >= raw.length()) {
        out.append(c);
        continue;
      }
      char e = raw.charAt(++i);
      switch (e) {
        case '\n':
          break;
        case '\\':
          out.append('\\');
          break;
        case '\'':
          out.append('\'');
          break;
        case '"':
          out.append('"');
          break;
        case 'a':
          out.append('\u0007');
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'v':
          out.append('\u000b');
          break;
        case 'x':
        case 'u':
        case 'U': {
          int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
          if (i + digits >= raw.length()) {
            throw error("truncated \\" + e + " escape in a string", offset);
          }
          int cp;
          try {
            cp = Integer.parseInt(raw.substring(i + 1, i + 1 + digits), 16);
          } catch (NumberFormatException | StringIndexOutOfBoundsException ex) {
            throw error("truncated \\" + e + " escape in a string", offset);
          }
          if (cp > Character.MAX_CODE_POINT) {
            throw error("illegal Unicode character in a string", offset);
          }
          out.appendCodePoint(cp);
          i += digits;
          break;
        }
        case 'N': {
          int close = raw.indexOf('}', i);
          if (i + 1 >= raw.length() || raw.charAt(i + 1) != '{' || close < 0) {
            throw error("malformed \\N character escape in a string", offset);
          }
          try {
            out.appendCodePoint(Character.codePointOf(raw.substring(i + 2, close)));
          } catch (IllegalArgumentException ex) {
            throw error("unknown Unicode character name in a string", offset);
          }
          i = close;
          break;
        }
        default:
          if (e >= '0' && e <= '7') {
            int end = i;
            while (end < raw.length() && end < i + 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
              end++;
            }
            out.appendCodePoint(Integer.parseInt(raw.substring(i, end), 8));
            i = end - 1;
          } else {
            out.append('\\').append(e);
          }
      }
    }
    return out.toString();
  }

  private static final java.util.regex.Pattern FLOAT = java.util.regex.Pattern.compile(
      "(\\d+_)*\\d+((\\.(\\d+_)*\\d+)?[eE][+\\-]?(\\d+_)*\\d+|\\.(\\d+_)*\\d+)");
  private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile(
      "0[bB](_?[01])+|0[oO](_?[0-7])+|0[xX](_?[0-9a-fA-F])+|[1-9](_?\\d)*|0(_?0)*");

  /** Jinja2's float and integer rules, in its order: a float first, never right after a dot. */
  private int lexNumber(int start) {
    java.util.regex.Matcher m = FLOAT.matcher(s).region(start, s.length());
    boolean afterDot = start > 0 && s.charAt(start - 1) == '.';
    if (!afterDot && m.lookingAt()) {
      tokens.add(new Token(Token.Type.FLOAT, Double.parseDouble(m.group().replace("_", "")), start));
      return m.end();
    }
    m = INTEGER.matcher(s).region(start, s.length());
    if (!m.lookingAt()) {
      throw error("unexpected char '" + s.charAt(start) + "' at " + start, start);
    }
    String text = m.group().replace("_", "");
    int radix = 10;
    if (text.length() > 1 && "bBoOxX".indexOf(text.charAt(1)) >= 0) {
      radix = "bB".indexOf(text.charAt(1)) >= 0 ? 2 : "oO".indexOf(text.charAt(1)) >= 0 ? 8 : 16;
      text = text.substring(2);
    }
    tokens.add(new Token(Token.Type.INTEGER, parseLong(text, radix, start), start));
    return m.end();
  }

  private Object parseLong(String digits, int radix, int offset) {
    try {
      return Long.parseLong(digits, radix);
    } catch (NumberFormatException e) {
      throw error("integer literal too large: " + digits, offset);
    }
  }
}
