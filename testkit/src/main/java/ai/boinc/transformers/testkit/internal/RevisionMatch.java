package ai.boinc.transformers.testkit.internal;

import java.util.List;
import java.util.Optional;

/**
 * A revision found at the start of raw path segments, and what follows it. Immutable.
 *
 * <p>The revision is normally one segment, percent-decoded ({@code refs%2Fpr%2F1}). Some clients
 * send a branch with {@code /} unencoded; then the longest known ref spanning several segments
 * wins (hub-protocol.md section 2).
 */
final class RevisionMatch {
  final String revision;
  final Snapshot snapshot;
  /** Raw segments after the revision. */
  final List<String> rest;

  private RevisionMatch(String revision, Snapshot snapshot, List<String> rest) {
    this.revision = revision;
    this.snapshot = snapshot;
    this.rest = rest;
  }

  /**
   * @param minRest how many segments must remain after the revision (1 for a file path)
   * @throws InvalidRevisionException if a revision segment is not valid percent-encoding
   */
  static Optional<RevisionMatch> find(Repository repository, List<String> segments, int minRest) {
    try {
      return decodeAndFind(repository, segments, minRest);
    } catch (IllegalArgumentException e) {
      throw new InvalidRevisionException(e);
    }
  }

  private static Optional<RevisionMatch> decodeAndFind(
      Repository repository, List<String> segments, int minRest) {
    String first = PercentCodec.decode(segments.get(0));
    Optional<Snapshot> direct = repository.revision(first);
    if (direct.isPresent() && segments.size() - 1 >= minRest) {
      return Optional.of(new RevisionMatch(first, direct.get(), segments.subList(1, segments.size())));
    }
    for (int count = segments.size() - minRest; count >= 2; count--) {
      StringBuilder name = new StringBuilder();
      for (String raw : segments.subList(0, count)) {
        if (name.length() > 0) {
          name.append('/');
        }
        name.append(PercentCodec.decode(raw));
      }
      if (repository.refNames().contains(name.toString())) {
        String ref = name.toString();
        return Optional.of(
            new RevisionMatch(ref, repository.revision(ref).orElseThrow(), segments.subList(count, segments.size())));
      }
    }
    return Optional.empty();
  }
}
