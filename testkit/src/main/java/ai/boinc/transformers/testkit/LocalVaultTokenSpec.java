package ai.boinc.transformers.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link LocalVault} token looks like: its TTL, whether {@code renew-self} extends it, the
 * longest life renewals may reach, and which API paths its policy lets it read.
 *
 * <p>Policies are path patterns relative to the namespace, e.g. {@code "secret/data/boincai/hub"}
 * or {@code "secret/data/boincai/*"}; {@code "*"} allows everything. Every token may use its own
 * {@code auth/token/*-self} endpoints. Immutable.
 *
 * <pre>{@code
 * LocalVaultTokenSpec spec = LocalVaultTokenSpec.defaults().ttl(Duration.ofMinutes(20)).renewable(false);
 * }</pre>
 */
public final class LocalVaultTokenSpec {
  private final Duration ttl;
  private final Duration maxTtl;
  private final boolean renewable;
  private final List<String> policies;
  private final int numUses;

  private LocalVaultTokenSpec(Duration ttl, Duration maxTtl, boolean renewable, List<String> policies) {
    this(ttl, maxTtl, renewable, policies, 0);
  }

  private LocalVaultTokenSpec(Duration ttl, Duration maxTtl, boolean renewable, List<String> policies, int numUses) {
    this.ttl = ttl;
    this.maxTtl = maxTtl;
    this.renewable = renewable;
    this.policies = List.copyOf(policies);
    this.numUses = numUses;
  }

  /** One hour, renewable, no maximum, may read everything. */
  public static LocalVaultTokenSpec defaults() {
    return new LocalVaultTokenSpec(Duration.ofHours(1), Duration.ZERO, true, List.of("*"));
  }

  /** Like a root token: never expires, not renewable, may read everything. */
  public static LocalVaultTokenSpec root() {
    return new LocalVaultTokenSpec(Duration.ZERO, Duration.ZERO, false, List.of("*"));
  }

  /** Time to live from issue (or from the last renewal); zero means it never expires. */
  public LocalVaultTokenSpec ttl(Duration ttl) {
    return new LocalVaultTokenSpec(checkNotNegative(ttl, "ttl"), maxTtl, renewable, policies, numUses);
  }

  /** The longest life renewals may give, counted from issue; zero means no limit. */
  public LocalVaultTokenSpec maxTtl(Duration maxTtl) {
    return new LocalVaultTokenSpec(ttl, checkNotNegative(maxTtl, "maxTtl"), renewable, policies, numUses);
  }

  public LocalVaultTokenSpec renewable(boolean renewable) {
    return new LocalVaultTokenSpec(ttl, maxTtl, renewable, policies, numUses);
  }

  /** The path patterns this token may read, replacing the earlier ones. */
  public LocalVaultTokenSpec policies(String... patterns) {
    for (String pattern : patterns) {
      Objects.requireNonNull(pattern, "pattern");
    }
    return new LocalVaultTokenSpec(ttl, maxTtl, renewable, List.of(patterns), numUses);
  }

  /**
   * How many requests the token may make ({@code num_uses}); every request with it counts, a
   * lookup too, and the token is revoked after the last. Zero (the default) means no limit.
   */
  public LocalVaultTokenSpec numUses(int uses) {
    if (uses < 0) {
      throw new IllegalArgumentException("numUses < 0: " + uses);
    }
    return new LocalVaultTokenSpec(ttl, maxTtl, renewable, policies, uses);
  }

  public int numUses() {
    return numUses;
  }

  public Duration ttl() {
    return ttl;
  }

  public Duration maxTtl() {
    return maxTtl;
  }

  public boolean renewable() {
    return renewable;
  }

  public List<String> policies() {
    return policies;
  }

  /** Whether the policy lets a token read {@code apiPath} (relative to its namespace). */
  public boolean allows(String apiPath) {
    for (String pattern : policies) {
      if (pattern.equals("*") || pattern.equals(apiPath)
          || (pattern.endsWith("*") && apiPath.startsWith(pattern.substring(0, pattern.length() - 1)))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "LocalVaultTokenSpec{ttl=" + ttl + ", maxTtl=" + maxTtl + ", renewable=" + renewable
        + ", policies=" + policies + (numUses > 0 ? ", numUses=" + numUses : "") + "}";
  }

  private static Duration checkNotNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " < 0: " + value);
    }
    return value;
  }
}
