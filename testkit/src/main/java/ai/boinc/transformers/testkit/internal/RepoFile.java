package ai.boinc.transformers.testkit.internal;

import java.nio.charset.StandardCharsets;

/**
 * One file of a repository: a plain git blob, or an LFS file whose git blob is a pointer and whose
 * bytes live on the CDN under their sha256.
 *
 * <p>Immutable. The content array is owned by this object and never handed out for writing.
 */
public final class RepoFile {
  private final String path;
  private final byte[] content;
  private final boolean lfs;
  private final String blobId;
  private final String sha256;
  private final int pointerSize;

  private RepoFile(String path, byte[] content, boolean lfs) {
    this.path = path;
    this.content = content;
    this.lfs = lfs;
    if (lfs) {
      this.sha256 = Hashes.sha256(content);
      byte[] pointer = pointer(sha256, content.length);
      this.blobId = Hashes.gitBlobId(pointer);
      this.pointerSize = pointer.length;
    } else {
      this.sha256 = null;
      this.blobId = Hashes.gitBlobId(content);
      this.pointerSize = 0;
    }
  }

  /** A file; {@code content} is taken over, not copied (callers pass a private copy). */
  public static RepoFile of(String path, byte[] content, boolean lfs) {
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

  /** The real bytes (not the pointer). Do not modify. */
  byte[] content() {
    return content;
  }

  public long size() {
    return content.length;
  }

  public boolean isLfs() {
    return lfs;
  }

  /** The git blob id: of the content for plain files, of the pointer for LFS files. */
  public String blobId() {
    return blobId;
  }

  /** The sha256 of the content; LFS files only. */
  public String sha256() {
    if (!lfs) {
      throw new IllegalStateException(path + " is not an LFS file");
    }
    return sha256;
  }

  public int pointerSize() {
    return pointerSize;
  }

  @Override
  public String toString() {
    return path + (lfs ? " (lfs " + sha256 + ", " : " (blob " + blobId + ", ") + content.length + " bytes)";
  }
}
