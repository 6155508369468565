package ai.boinc.transformers.testkit.internal;

import java.util.List;
import java.util.Optional;

/** Decodes the file-path part of a URL into a repository path ({@code a/b.json}). */
final class FilePaths {
  private FilePaths() {}

  /** Empty if a segment is empty, {@code .}/{@code ..}, badly encoded, or decodes to contain {@code /}. */
  static Optional<String> decode(List<String> rawSegments) {
    if (rawSegments.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder path = new StringBuilder();
    for (String raw : rawSegments) {
      String segment;
      try {
        segment = PercentCodec.decode(raw);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("/")) {
        return Optional.empty();
      }
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(segment);
    }
    return Optional.of(path.toString());
  }
}
