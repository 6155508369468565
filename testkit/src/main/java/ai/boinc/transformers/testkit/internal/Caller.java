package ai.boinc.transformers.testkit.internal;

import java.util.Map;
import java.util.Optional;

/** Who sent a request, from its {@code Authorization} header. Immutable. */
public final class Caller {
  private static final Caller ANONYMOUS = new Caller(false, null);
  private static final Caller INVALID = new Caller(true, null);

  private final boolean invalid;
  private final Account account;

  private Caller(boolean invalid, Account account) {
    this.invalid = invalid;
    this.account = account;
  }

  /**
   * No header: anonymous; {@code Bearer <known token>}: that account; anything else (unknown
   * token, other scheme, empty): invalid.
   */
  public static Caller of(HubRequest request, Map<String, Account> accountsByToken) {
    Optional<String> header = request.header("Authorization");
    if (header.isEmpty()) {
      return ANONYMOUS;
    }
    String value = header.get().trim();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return INVALID;
    }
    Account account = accountsByToken.get(value.substring(7).trim());
    return account == null ? INVALID : new Caller(false, account);
  }

  public boolean isAnonymous() {
    return !invalid && account == null;
  }

  /** An {@code Authorization} header the hub does not accept. */
  public boolean isInvalid() {
    return invalid;
  }

  public Optional<Account> account() {
    return Optional.ofNullable(account);
  }

  boolean isGranted(String repoId) {
    return account != null && account.isGranted(repoId);
  }
}
