package ai.boinc.transformers.internal.hub;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Python's {@code fnmatch.fnmatchcase}, as huggingface_hub filters snapshot files with it
 * (hub-protocol.md section 10): case-sensitive; {@code *} matches any run of characters, {@code /}
 * included; {@code ?} one character; {@code [seq]} and {@code [!seq]} sets; a pattern that ends
 * with {@code /} matches everything below that folder.
 */
final class Fnmatch {
  private final List<Pattern> allow;
  private final List<Pattern> ignore;

  /** Empty {@code allow} lets every path through. */
  Fnmatch(Collection<String> allow, Collection<String> ignore) {
    this.allow = allow.stream().map(Fnmatch::compile).collect(Collectors.toList());
    this.ignore = ignore.stream().map(Fnmatch::compile).collect(Collectors.toList());
  }

  boolean accepts(String path) {
    if (!allow.isEmpty() && allow.stream().noneMatch(p -> p.matcher(path).matches())) {
      return false;
    }
    return ignore.stream().noneMatch(p -> p.matcher(path).matches());
  }

  static Pattern compile(String glob) {
    String pattern = glob.endsWith("/") ? glob + "*" : glob;
    return Pattern.compile(translate(pattern), Pattern.DOTALL);
  }

  /** Python's {@code fnmatch.translate}, without its anchors (the matcher matches the whole path). */
  static String translate(String pat) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = pat.length();
    while (i < n) {
      char c = pat.charAt(i++);
      if (c == '*') {
        out.append(".*");
        while (i < n && pat.charAt(i) == '*') {
          i++;
        }
      } else if (c == '?') {
        out.append('.');
      } else if (c == '[') {
        int j = i;
        if (j < n && pat.charAt(j) == '!') {
          j++;
        }
        if (j < n && pat.charAt(j) == ']') {
          j++;
        }
        while (j < n && pat.charAt(j) != ']') {
          j++;
        }
        if (j >= n) {
          out.append("\\[");
        } else {
          String stuff = pat.substring(i, j);
          i = j + 1;
          StringBuilder set = new StringBuilder("[");
          int k = 0;
          if (stuff.startsWith("!")) {
            set.append('^');
            k = 1;
          } else if (stuff.startsWith("^")) {
            set.append("\\^");
            k = 1;
          }
          for (; k < stuff.length(); k++) {
            char s = stuff.charAt(k);
            if (s == '\\' || s == '[' || s == ']' || s == '&' || s == '~' || s == '|' || (s == '^' && k > 0)) {
              set.append('\\');
            }
            set.append(s);
          }
          if (set.length() == 1 || (set.length() == 2 && set.charAt(1) == '^')) {
            // "[]" never matches in Python; "[!]" matches any character.
            out.append(set.length() == 1 ? "(?!)" : ".");
          } else {
            out.append(set).append(']');
          }
        }
      } else {
        out.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return out.toString();
  }
}
