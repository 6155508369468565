package ai.boinc.transformers;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this SDK, as released (e.g. {@code "0.1.0"}); {@code "unknown"} when the jar's
 * build information is missing. It is the version in the hub's {@code User-Agent} and in {@code ba
 * --version}.
 */
public final class TransformersVersion {
  private static final String VERSION = load();

  private TransformersVersion() {}

  /** The version string, read once from the jar. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = TransformersVersion.class.getResourceAsStream("/ai/boinc/transformers/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
