package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.testkit.HubRepo;
import java.net.URI;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the routes share: repositories, token accounts, both origins, the URL signer and
 * options. Immutable after construction, so routes need no locking.
 */
public final class HubState {
  private final Map<String, Repository> repositories = new LinkedHashMap<>();
  private final Map<String, RepoFile> lfsBlobs = new LinkedHashMap<>();
  private final Map<String, Account> accountsByToken;
  private final URI endpoint;
  private final URI cdnEndpoint;
  private final BlobSigner signer;
  private final boolean resolveCacheRedirects;

  public HubState(
      Collection<Repository> repositories,
      Map<String, Account> accountsByToken,
      URI endpoint,
      URI cdnEndpoint,
      BlobSigner signer,
      boolean resolveCacheRedirects) {
    for (Repository repository : repositories) {
      this.repositories.put(repository.key(), repository);
      for (String ref : repository.refNames()) {
        repository.revision(ref).orElseThrow().files().values().stream()
            .filter(RepoFile::isLfs)
            .forEach(file -> lfsBlobs.put(file.sha256(), file));
      }
    }
    this.accountsByToken = Map.copyOf(accountsByToken);
    this.endpoint = endpoint;
    this.cdnEndpoint = cdnEndpoint;
    this.signer = signer;
    this.resolveCacheRedirects = resolveCacheRedirects;
  }

  public Optional<Repository> repository(HubRepo.Type type, String id) {
    return Optional.ofNullable(repositories.get(Repository.key(type, id)));
  }

  public List<Repository> repositories() {
    return List.copyOf(repositories.values());
  }

  /** An LFS file's bytes by sha256, as the CDN serves them. */
  public Optional<RepoFile> lfsBlob(String sha256) {
    return Optional.ofNullable(lfsBlobs.get(sha256));
  }

  public Caller caller(HubRequest request) {
    return Caller.of(request, accountsByToken);
  }

  public URI endpoint() {
    return endpoint;
  }

  public URI cdnEndpoint() {
    return cdnEndpoint;
  }

  public BlobSigner signer() {
    return signer;
  }

  public boolean resolveCacheRedirects() {
    return resolveCacheRedirects;
  }
}
