package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GET of a blob and its resumes: {@code Range: bytes=<offset>-} plus {@code If-Range} with a
 * strong ETag of that very server when one is known, so a server whose content changed answers
 * 200 with the whole new content instead of a range of it. A resume counts only if the answer is
 * a 206 whose {@code Content-Range} starts at the offset and, when the size is known, ends at it.
 */
final class ResumeRequests {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");

  private ResumeRequests() {}

  static FetchRequest get(FileMetadata metadata, Duration timeout, long offset, Optional<String> ifRange) {
    FetchRequest.Builder get = FetchRequest.newBuilder(metadata.location).timeout(timeout);
    if (offset > 0) {
      get.rangeFrom(offset);
      ifRange.ifPresent(etag -> get.header("If-Range", etag));
    }
    return get.build();
  }

  /**
   * The validator to resume {@code metadata}'s content with before any answer was seen: a file the
   * hub serves itself carries the blob's ETag (its git blob id); a CDN's own ETag is unknown.
   */
  static Optional<String> initialValidator(FileMetadata metadata, Origin hub) {
    boolean servedByHub = Origin.of(metadata.location).equals(hub);
    return servedByHub && metadata.isGitSha1() ? Optional.of("\"" + metadata.etag + "\"") : Optional.empty();
  }

  /** The strong ETag of an answer, to resume it with; weak ones may not be used with If-Range. */
  static Optional<String> validatorOf(FetchResponse response) {
    return response.header("ETag").map(String::trim).filter(e -> e.startsWith("\"") && e.length() > 2);
  }

  /** A 206 whose {@code Content-Range} starts at {@code offset} and has {@code total} bytes (-1: any). */
  static boolean resumesAt(FetchResponse response, long offset, long total) {
    if (response.status() != 206) {
      return false;
    }
    Matcher m = CONTENT_RANGE.matcher(response.header("Content-Range").orElse(""));
    if (!m.find() || Long.parseLong(m.group(1)) != offset) {
      return false;
    }
    if (total < 0) {
      return true;
    }
    return Long.parseLong(m.group(2)) == total - 1 && (m.group(3).equals("*") || Long.parseLong(m.group(3)) == total);
  }
}
