package ai.boinc.transformers.benchmarks;

/** Loads an {@link Encoder} by implementation name and family. */
public final class Encoders {
  private Encoders() {}

  /**
   * Loads {@code impl} ({@code project}, {@code djl} or {@code jtokkit}) for {@code family}.
   *
   * @throws NotSupportedYet if {@code impl} is {@code project} and transformers-java cannot load
   *     the family yet
   * @throws IllegalArgumentException for an unknown implementation, or JTokkit on a family other
   *     than {@value Families#O200K}
   */
  public static Encoder load(String impl, String family) {
    switch (impl) {
      case "project":
        return ProjectEncoder.load(family);
      case "djl":
        return DjlEncoder.load(family);
      case "jtokkit":
        if (!Families.O200K.equals(family)) {
          throw new IllegalArgumentException(
              "JTokkit implements only o200k (" + Families.O200K + "), not " + family);
        }
        return JTokkitEncoder.load();
      default:
        throw new IllegalArgumentException(
            "unknown implementation '" + impl + "'; expected project, djl or jtokkit");
    }
  }
}
