package ai.boinc.transformers.testkit.internal;

import java.util.Set;

/**
 * A user and what one of their tokens may read. The token itself is not kept here, so an {@code
 * Account} can be printed. Immutable.
 */
public final class Account {
  private final String user;
  private final String tokenName;
  private final Set<String> grants;

  public Account(String user, String tokenName, Set<String> grants) {
    this.user = user;
    this.tokenName = tokenName;
    this.grants = Set.copyOf(grants);
  }

  public String user() {
    return user;
  }

  /** The token's display name (not the secret). */
  public String tokenName() {
    return tokenName;
  }

  /** Whether the token may read this private repo or is approved for this gated repo. */
  public boolean isGranted(String repoId) {
    return grants.contains(repoId);
  }

  @Override
  public String toString() {
    return "Account{" + user + ", token " + tokenName + ", grants=" + grants + "}";
  }
}
