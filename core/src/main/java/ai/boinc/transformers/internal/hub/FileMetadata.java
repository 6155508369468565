package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchResponse;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** What a metadata (HEAD) answer says about a file: commit, ETag, size and where to GET it. */
final class FileMetadata {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern GIT_SHA1 = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern SAFE_ETAG = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  final String commit;
  final String etag;
  final OptionalLong size;
  /** Where the content is fetched from: the redirect target, or the resolve URL itself. */
  final URI location;

  private FileMetadata(String commit, String etag, OptionalLong size, URI location) {
    this.commit = commit;
    this.etag = etag;
    this.size = size;
    this.location = location;
  }

  /** Reads the metadata, or empty with a reason when the hub did not send what is needed. */
  static Optional<FileMetadata> read(FetchResponse response, URI requested) {
    Optional<String> commit = response.header("X-Repo-Commit").map(String::trim);
    Optional<String> etag =
        response.header("X-Linked-Etag").or(() -> response.header("ETag")).map(FileMetadata::normalizeEtag);
    if (commit.isEmpty() || !HubNames.isCommitHash(commit.get()) || etag.isEmpty()
        || !SAFE_ETAG.matcher(etag.get()).matches()) {
      return Optional.empty();
    }
    OptionalLong size = parseSize(response.header("X-Linked-Size").orElse(null));
    if (size.isEmpty() && !response.isRedirect()
        && response.header("Content-Encoding").map(e -> e.equalsIgnoreCase("identity")).orElse(true)) {
      size = response.contentLength();
    }
    URI location = requested;
    if (response.isRedirect() && response.header("Location").isPresent()) {
      location = response.uri().resolve(response.header("Location").get().trim());
    }
    return Optional.of(new FileMetadata(commit.get(), etag.get(), size, location));
  }

  /** Metadata known from the cache, for a 304 that repeated no headers. */
  static FileMetadata of(String commit, String etag, OptionalLong size, URI location) {
    return new FileMetadata(commit, etag, size, location);
  }

  /** A git file's ETag is its git blob id: sha1 of "blob <size>\0" and the content. */
  boolean isGitSha1() {
    return isGitSha1(etag);
  }

  static boolean isGitSha1(String etag) {
    return GIT_SHA1.matcher(etag).matches();
  }

  /** An LFS file's ETag is the SHA-256 of its content, which the download is checked against. */
  boolean isSha256() {
    return isSha256(etag);
  }

  static boolean isSha256(String etag) {
    return SHA256.matcher(etag).matches();
  }

  static String normalizeEtag(String raw) {
    String etag = raw.trim();
    if (etag.startsWith("W/")) {
      etag = etag.substring(2);
    }
    if (etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
      etag = etag.substring(1, etag.length() - 1);
    }
    return etag;
  }

  private static OptionalLong parseSize(String value) {
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      long size = Long.parseLong(value.trim());
      return size >= 0 ? OptionalLong.of(size) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
