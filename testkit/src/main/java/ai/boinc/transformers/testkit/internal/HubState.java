package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.testkit.HubRepo;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Everything the routes share: repositories, renames, token accounts, both origins, the URL signer
 * and options.
 *
 * <p>Thread-safe. Repositories are immutable values; a change made while serving ({@link #update})
 * swaps in a new value atomically, so a request sees either the old or the new repository.
 */
public final class HubState {
  private final Map<String, Repository> repositories = new ConcurrentHashMap<>();
  /** Former key ({@code models/acme/old}) to the current id. */
  private final Map<String, String> renames;
  private final Map<String, RepoFile> lfsBlobs = new ConcurrentHashMap<>();
  private final Map<String, Account> accountsByToken;
  private final URI endpoint;
  private final URI cdnEndpoint;
  private final BlobSigner signer;
  private final HubOptions options;

  public HubState(
      Collection<Repository> repositories,
      Map<String, String> renames,
      Map<String, Account> accountsByToken,
      URI endpoint,
      URI cdnEndpoint,
      BlobSigner signer,
      HubOptions options) {
    for (Repository repository : repositories) {
      this.repositories.put(repository.key(), repository);
      registerBlobs(repository);
    }
    this.renames = Map.copyOf(renames);
    this.accountsByToken = Map.copyOf(accountsByToken);
    this.endpoint = endpoint;
    this.cdnEndpoint = cdnEndpoint;
    this.signer = signer;
    this.options = options;
  }

  private void registerBlobs(Repository repository) {
    for (Snapshot snapshot : repository.commits()) {
      for (RepoFile file : snapshot.files().values()) {
        if (file.isLfs()) {
          lfsBlobs.putIfAbsent(file.blobKey(), file);
        }
      }
    }
  }

  public Optional<Repository> repository(HubRepo.Type type, String id) {
    return Optional.ofNullable(repositories.get(Repository.key(type, id)));
  }

  /** The current id of a repository that was renamed from {@code id}. */
  public Optional<String> renamedTo(HubRepo.Type type, String id) {
    return Optional.ofNullable(renames.get(Repository.key(type, id)));
  }

  /** Every repository, sorted by key. */
  public List<Repository> repositories() {
    return new ArrayList<>(new TreeMap<>(repositories).values());
  }

  /**
   * Replaces a repository by {@code change(current)} atomically and returns the new value.
   *
   * @throws IllegalArgumentException if there is no such repository
   */
  public Repository update(HubRepo.Type type, String id, UnaryOperator<Repository> change) {
    Repository updated =
        repositories.computeIfPresent(
            Repository.key(type, id),
            (key, current) -> {
              Repository next = change.apply(current);
              registerBlobs(next); // before anyone can be redirected to a new blob
              return next;
            });
    if (updated == null) {
      throw new IllegalArgumentException("no " + type.singular() + " " + id + " on this hub");
    }
    return updated;
  }

  /** An LFS file's bytes by its CDN key (sha256, or identity for virtual files). */
  public Optional<RepoFile> lfsBlob(String key) {
    return Optional.ofNullable(lfsBlobs.get(key));
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

  public HubOptions options() {
    return options;
  }

  /** The signed CDN URL of an LFS file. */
  public String cdnLocation(RepoFile file) {
    return FileResponses.cdnLocation(file, this);
  }
}
