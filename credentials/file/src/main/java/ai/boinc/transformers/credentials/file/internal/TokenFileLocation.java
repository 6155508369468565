package ai.boinc.transformers.credentials.file.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the token file lives, from the environment: {@code BA_TOKEN_PATH}, else {@code
 * $BA_HOME/token}, else {@code $XDG_CACHE_HOME/boincai/token}, else {@code
 * ~/.cache/boincai/token}. Blank variables count as unset; paths get {@code ~} and {@code $VAR}
 * expansion as in hub-protocol.md section 12.
 */
public final class TokenFileLocation {
  public static final String TOKEN_PATH = "BA_TOKEN_PATH";
  public static final String HOME = "BA_HOME";
  public static final String XDG_CACHE_HOME = "XDG_CACHE_HOME";

  private TokenFileLocation() {}

  /** The token file for {@code environment}, with {@code userHome} standing for {@code ~}. */
  public static Path resolve(Map<String, String> environment, Path userHome) {
    String explicit = nonBlank(environment.get(TOKEN_PATH));
    if (explicit != null) {
      return PathExpansion.expand(explicit, environment, userHome);
    }
    String home = nonBlank(environment.get(HOME));
    if (home != null) {
      return PathExpansion.expand(home, environment, userHome).resolve("token");
    }
    String xdg = nonBlank(environment.get(XDG_CACHE_HOME));
    if (xdg != null) {
      return PathExpansion.expand(xdg, environment, userHome).resolve("boincai").resolve("token");
    }
    return userHome.resolve(".cache").resolve("boincai").resolve("token");
  }

  private static String nonBlank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
