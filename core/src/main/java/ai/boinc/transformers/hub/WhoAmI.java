package ai.boinc.transformers.hub;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account an access token belongs to, as {@code /api/whoami-v2} describes it: name, kind,
 * organisations, and the token's display name and role. Holds no secret. Immutable.
 */
public final class WhoAmI {
  private final String name;
  private final String type;
  private final String fullname;
  private final List<String> orgs;
  private final String tokenName;
  private final String tokenRole;

  public WhoAmI(String name, String type, String fullname, List<String> orgs, String tokenName, String tokenRole) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.fullname = fullname;
    this.orgs = List.copyOf(Objects.requireNonNull(orgs, "orgs"));
    this.tokenName = tokenName;
    this.tokenRole = tokenRole;
  }

  /** The account name, e.g. {@code alice}. */
  public String name() {
    return name;
  }

  /** {@code user}, {@code org} or {@code app}. */
  public String type() {
    return type;
  }

  public Optional<String> fullname() {
    return Optional.ofNullable(fullname);
  }

  /** Names of the organisations the account belongs to. */
  public List<String> orgs() {
    return orgs;
  }

  /** The token's display name, as chosen when it was created. */
  public Optional<String> tokenName() {
    return Optional.ofNullable(tokenName);
  }

  /** The token's role: {@code read}, {@code write}, {@code contributor} or {@code admin}. */
  public Optional<String> tokenRole() {
    return Optional.ofNullable(tokenRole);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof WhoAmI)) {
      return false;
    }
    WhoAmI w = (WhoAmI) o;
    return name.equals(w.name) && type.equals(w.type) && Objects.equals(fullname, w.fullname) && orgs.equals(w.orgs)
        && Objects.equals(tokenName, w.tokenName) && Objects.equals(tokenRole, w.tokenRole);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, fullname, orgs, tokenName, tokenRole);
  }

  @Override
  public String toString() {
    return "WhoAmI{name=" + name + ", type=" + type + ", orgs=" + orgs + ", token=" + tokenName + " (" + tokenRole
        + ")}";
  }
}
