package ai.boinc.transformers.hub;

import java.util.Objects;
import java.util.Optional;

/**
 * Per-call choices for {@link Hub#download(String, String, DownloadOptions)} and {@link
 * Hub#snapshot(String, DownloadOptions, java.util.Collection, java.util.Collection)}.
 *
 * <pre>{@code
 * Path weights = hub.download("acme/m", "model.safetensors",
 *     DownloadOptions.builder().revision("v1.0").localFilesOnly(true).build());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DownloadOptions {
  private static final DownloadOptions DEFAULTS = builder().build();

  private final String revision;
  private final RepoType repoType;
  private final boolean localFilesOnly;
  private final boolean forceDownload;
  private final DownloadListener listener;

  private DownloadOptions(Builder b) {
    this.revision = b.revision;
    this.repoType = b.repoType;
    this.localFilesOnly = b.localFilesOnly;
    this.forceDownload = b.forceDownload;
    this.listener = b.listener;
  }

  /** Revision {@code main}, a model, network allowed, the hub's listener. */
  public static DownloadOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.revision = revision;
    b.repoType = repoType;
    b.localFilesOnly = localFilesOnly;
    b.forceDownload = forceDownload;
    b.listener = listener;
    return b;
  }

  /** Branch, tag, full commit hash or {@code refs/pr/N}; default {@code main}. */
  public String revision() {
    return revision;
  }

  public RepoType repoType() {
    return repoType;
  }

  /** Serve from the cache alone, as {@code BA_HUB_OFFLINE=1} does for every call. */
  public boolean localFilesOnly() {
    return localFilesOnly;
  }

  /** Fetch the file again even if the cache has it. */
  public boolean forceDownload() {
    return forceDownload;
  }

  /** The listener for this call; empty means the hub's ({@link Hub.Builder#listener}). */
  public Optional<DownloadListener> listener() {
    return Optional.ofNullable(listener);
  }

  @Override
  public String toString() {
    return "DownloadOptions{revision=" + revision + ", repoType=" + repoType + ", localFilesOnly=" + localFilesOnly
        + ", forceDownload=" + forceDownload + "}";
  }

  /** Builds {@link DownloadOptions}. Not thread-safe. */
  public static final class Builder {
    private String revision = Hub.DEFAULT_REVISION;
    private RepoType repoType = RepoType.MODEL;
    private boolean localFilesOnly;
    private boolean forceDownload;
    private DownloadListener listener;

    private Builder() {}

    public Builder revision(String revision) {
      this.revision = Objects.requireNonNull(revision, "revision");
      return this;
    }

    public Builder repoType(RepoType repoType) {
      this.repoType = Objects.requireNonNull(repoType, "repoType");
      return this;
    }

    public Builder localFilesOnly(boolean localFilesOnly) {
      this.localFilesOnly = localFilesOnly;
      return this;
    }

    public Builder forceDownload(boolean forceDownload) {
      this.forceDownload = forceDownload;
      return this;
    }

    public Builder listener(DownloadListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public DownloadOptions build() {
      return new DownloadOptions(this);
    }
  }
}
