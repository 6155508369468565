package ai.boinc.transformers.testkit.internal;

/** Switches that change how the hub answers, fixed when it starts. Immutable. */
public final class HubOptions {
  /** Tree listings page after this many entries unless set otherwise. */
  public static final int DEFAULT_TREE_PAGE_SIZE = 50;

  private final boolean resolveCacheRedirects;
  private final boolean weakEtags;
  private final boolean gzip;
  private final int treePageSize;

  public HubOptions(boolean resolveCacheRedirects, boolean weakEtags, boolean gzip, int treePageSize) {
    if (treePageSize < 1) {
      throw new IllegalArgumentException("tree page size must be >= 1: " + treePageSize);
    }
    this.resolveCacheRedirects = resolveCacheRedirects;
    this.weakEtags = weakEtags;
    this.gzip = gzip;
    this.treePageSize = treePageSize;
  }

  /** Small files of public namespaced repos: relative 307 to {@code /api/resolve-cache/...}. */
  public boolean resolveCacheRedirects() {
    return resolveCacheRedirects;
  }

  /** {@code ETag} and {@code X-Linked-Etag} of resolve answers as {@code W/"..."}. */
  public boolean weakEtags() {
    return weakEtags;
  }

  /** Hub bodies gzip-encoded, chunked without {@code Content-Length}, when the client accepts gzip. */
  public boolean gzip() {
    return gzip;
  }

  public int treePageSize() {
    return treePageSize;
  }
}
