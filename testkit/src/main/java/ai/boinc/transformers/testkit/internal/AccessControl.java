package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.testkit.HubRepo;
import java.util.Optional;

/**
 * The hub's access decision for one repository, in the real hub's order: bad token first, then
 * missing/private (indistinguishable), then gated. Stateless.
 */
public final class AccessControl {
  private AccessControl() {}

  /**
   * The readable repository, or the error to send. Exactly one side of the result is present.
   */
  public static Decision check(HubState state, Caller caller, HubRepo.Type type, String id) {
    if (caller.isInvalid()) {
      return Decision.deny(HubErrors.invalidCredentials());
    }
    Optional<Repository> found = state.repository(type, id);
    HubResponse notFound = caller.isAnonymous() ? HubErrors.repoNotFoundAnonymous() : HubErrors.repoNotFound();
    if (found.isEmpty()) {
      return Decision.deny(notFound);
    }
    Repository repository = found.get();
    switch (repository.visibility()) {
      case PRIVATE:
        return caller.isGranted(id) ? Decision.allow(repository) : Decision.deny(notFound);
      case GATED:
        if (caller.isAnonymous()) {
          return Decision.deny(HubErrors.gatedAnonymous(type, id));
        }
        return caller.isGranted(id)
            ? Decision.allow(repository)
            : Decision.deny(HubErrors.gatedNotApproved(type, id, state.endpoint()));
      default:
        return Decision.allow(repository);
    }
  }

  /** Either a repository or an error response. */
  public static final class Decision {
    private final Repository repository;
    private final HubResponse denial;

    private Decision(Repository repository, HubResponse denial) {
      this.repository = repository;
      this.denial = denial;
    }

    static Decision allow(Repository repository) {
      return new Decision(repository, null);
    }

    static Decision deny(HubResponse denial) {
      return new Decision(null, denial);
    }

    public boolean allowed() {
      return repository != null;
    }

    public Repository repository() {
      return repository;
    }

    public HubResponse denial() {
      return denial;
    }
  }
}
