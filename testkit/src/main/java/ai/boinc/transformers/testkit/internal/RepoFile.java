package ai.boinc.transformers.testkit.internal;

import java.nio.charset.StandardCharsets;

/**
 * One file of a repository: a plain git blob, or an LFS file whose git blob is a pointer and whose
 * bytes live on the CDN.
 *
 * <p>Immutable. Hashes of virtual (generated) content are computed on first use, so a repository
 * with a multi-GiB virtual file builds instantly.
 */
public final class RepoFile {
  private final String path;
  private final Content content;
  private final boolean lfs;
  private volatile String blobId;

  private RepoFile(String path, Content content, boolean lfs) {
    this.path = path;
    this.content = content;
    this.lfs = lfs;
  }

  /** A file; {@code content} is taken over, not copied (callers pass a private copy). */
  public static RepoFile of(String path, byte[] content, boolean lfs) {
    return new RepoFile(path, BytesContent.of(content), lfs);
  }

  public static RepoFile of(String path, Content content, boolean lfs) {
    return new RepoFile(path, content, lfs);
  }

  /** The git-lfs pointer file that git stores instead of an LFS file's bytes. */
  static byte[] pointer(String sha256, long size) {
    return ("version https://git-lfs.github.com/spec/v1\noid sha256:" + sha256 + "\nsize " + size + "\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  public String path() {
    return path;
  }

  /** The real bytes (not the pointer). */
  public Content content() {
    return content;
  }

  public long size() {
    return content.size();
  }

  public boolean isLfs() {
    return lfs;
  }

  /** The git blob id: of the content for plain files, of the pointer for LFS files. */
  public String blobId() {
    String value = blobId;
    if (value == null) {
      value = lfs ? Hashes.gitBlobId(pointer(content.sha256(), content.size())) : content.gitBlobId();
      blobId = value;
    }
    return value;
  }

  /** The sha256 of the content; LFS files only. */
  public String sha256() {
    if (!lfs) {
      throw new IllegalStateException(path + " is not an LFS file");
    }
    return content.sha256();
  }

  /** The key under which the CDN serves an LFS file: its sha256, or an identity for virtual content. */
  public String blobKey() {
    return content instanceof VirtualContent ? content.identity() : sha256();
  }

  /** Cheap identity of path + content used in commit ids. */
  String treeEntry() {
    return (lfs ? "lfs " : "blob ") + (content instanceof VirtualContent ? content.identity() : blobId());
  }

  public int pointerSize() {
    return lfs ? pointer("0".repeat(64), content.size()).length : 0;
  }

  @Override
  public String toString() {
    return path + (lfs ? " (lfs, " : " (blob, ") + content.size() + " bytes)";
  }
}
