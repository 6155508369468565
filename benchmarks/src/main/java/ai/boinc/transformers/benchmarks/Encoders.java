package ai.boinc.transformers.benchmarks;

/** Loads an {@link Encoder} by implementation name and family. */
public final class Encoders {
  private Encoders() {}

  /**
   * Loads {@code impl} ({@code project}, {@code djl} or {@code jtokkit}) for {@code family}.
   *
   * @throws NotSupportedYet if {@code impl} is {@code project} and transformers-java cannot load
   *     the family yet
   * @throws IllegalArgumentException for an unknown implementation, or JTokkit on a family
   *     outside {@link Families#TIKTOKEN}
   */
  public static Encoder load(String impl, String family) {
    switch (impl) {
      case "project":
        return ProjectEncoder.load(family);
      case "djl":
        return DjlEncoder.load(family);
      case "jtokkit":
        String encoding = Families.TIKTOKEN.get(family);
        if (encoding == null) {
          throw new IllegalArgumentException(
              "JTokkit implements only o200k and cl100k (" + Families.TIKTOKEN.keySet()
                  + "), not " + family);
        }
        return JTokkitEncoder.load(encoding);
      default:
        throw new IllegalArgumentException(
            "unknown implementation '" + impl + "'; expected project, djl or jtokkit");
    }
  }
}
