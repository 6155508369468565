package ai.boinc.transformers.hub;

import java.net.URI;

/**
 * The repository is gated: its owners approve each account before it may download files. Either
 * no token was sent ({@link #wasAuthenticated()} is false: log in), or the token's account has not
 * been approved yet (request access on {@link #repoPage()}).
 */
public class GatedRepoException extends RepositoryNotFoundException {
  private static final long serialVersionUID = 1L;

  private final URI repoPage;
  private final boolean authenticated;

  public GatedRepoException(
      String message,
      String repoId,
      String filename,
      String revision,
      URI repoPage,
      boolean authenticated) {
    super(message, repoId, filename, revision);
    this.repoPage = repoPage;
    this.authenticated = authenticated;
  }

  /** The repository's page on the hub, where access is requested. */
  public URI repoPage() {
    return repoPage;
  }

  /** Whether the request carried a token (whose account is then not approved yet). */
  public boolean wasAuthenticated() {
    return authenticated;
  }
}
