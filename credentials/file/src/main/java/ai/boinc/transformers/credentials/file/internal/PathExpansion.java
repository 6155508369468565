package ai.boinc.transformers.credentials.file.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * {@code ~} and {@code $VAR}/{@code ${VAR}} expansion of configured paths, like Python's {@code
 * os.path.expanduser(os.path.expandvars(p))} that the Hugging Face tools apply: unknown variables
 * are left as written.
 */
public final class PathExpansion {
  private PathExpansion() {}

  public static Path expand(String raw, Map<String, String> environment, Path userHome) {
    String value = expandVariables(raw, environment);
    if (value.equals("~")) {
      return userHome;
    }
    if (value.startsWith("~/") || value.startsWith("~\\")) {
      return userHome.resolve(value.substring(2));
    }
    return Path.of(value);
  }

  static String expandVariables(String raw, Map<String, String> environment) {
    StringBuilder out = new StringBuilder(raw.length());
    int i = 0;
    while (i < raw.length()) {
      char c = raw.charAt(i);
      if (c != '$' || i + 1 >= raw.length()) {
        out.append(c);
        i++;
        continue;
      }
      int start;
      int end;
      int next;
      if (raw.charAt(i + 1) == '{') {
        start = i + 2;
        end = raw.indexOf('}', start);
        if (end < 0) {
          out.append(raw, i, raw.length());
          break;
        }
        next = end + 1;
      } else {
        start = i + 1;
        end = start;
        while (end < raw.length() && isNameChar(raw.charAt(end))) {
          end++;
        }
        next = end;
      }
      String name = raw.substring(start, end);
      String replacement = name.isEmpty() ? null : environment.get(name);
      out.append(replacement != null ? replacement : raw.substring(i, next));
      i = next;
    }
    return out.toString();
  }

  private static boolean isNameChar(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}
