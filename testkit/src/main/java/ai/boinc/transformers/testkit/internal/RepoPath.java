package ai.boinc.transformers.testkit.internal;

import ai.boinc.transformers.testkit.HubRepo;
import java.util.List;
import java.util.Optional;

/**
 * A repository address inside a raw URL path: type, id, and the raw segments after a marker such
 * as {@code resolve} or {@code revision}. Ids are {@code name} or {@code namespace/name}. Immutable.
 */
final class RepoPath {
  final HubRepo.Type type;
  final String id;
  /** Raw (undecoded) segments after the marker. */
  final List<String> rest;

  private RepoPath(HubRepo.Type type, String id, List<String> rest) {
    this.type = type;
    this.id = id;
    this.rest = rest;
  }

  /**
   * {@code [datasets/|spaces/]{id}/{marker}/...} as on resolve URLs: the marker is the second or
   * third segment.
   */
  static Optional<RepoPath> fromUrlPrefix(List<String> segments, String marker) {
    HubRepo.Type type = HubRepo.Type.MODEL;
    int start = 0;
    if (!segments.isEmpty()) {
      for (HubRepo.Type candidate : HubRepo.Type.values()) {
        if (!candidate.urlPrefix().isEmpty() && candidate.urlPrefix().equals(segments.get(0) + "/")) {
          type = candidate;
          start = 1;
        }
      }
    }
    return withMarker(type, segments.subList(start, segments.size()), marker);
  }

  /** {@code {id}/{marker}/...} with the type already known (API paths). */
  static Optional<RepoPath> withMarker(HubRepo.Type type, List<String> segments, String marker) {
    for (int idLength = 1; idLength <= 2; idLength++) {
      if (segments.size() > idLength && segments.get(idLength).equals(marker)) {
        Optional<String> id = id(segments.subList(0, idLength));
        if (id.isPresent()) {
          return Optional.of(new RepoPath(type, id.get(), segments.subList(idLength + 1, segments.size())));
        }
      }
    }
    return Optional.empty();
  }

  /** Exactly {@code {id}} (one or two segments), nothing after it. */
  static Optional<RepoPath> exact(HubRepo.Type type, List<String> segments) {
    if (segments.size() < 1 || segments.size() > 2) {
      return Optional.empty();
    }
    return id(segments).map(id -> new RepoPath(type, id, List.of()));
  }

  private static Optional<String> id(List<String> rawSegments) {
    StringBuilder id = new StringBuilder();
    for (String raw : rawSegments) {
      String segment;
      try {
        segment = PercentCodec.decode(raw);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (segment.isEmpty() || segment.contains("/")) {
        return Optional.empty();
      }
      if (id.length() > 0) {
        id.append('/');
      }
      id.append(segment);
    }
    return Optional.of(id.toString());
  }

  /** {@code type} from an API collection name: {@code models}, {@code datasets}, {@code spaces}. */
  /**
   * {@code /api/{types}/{repo}/{marker}/{rest...}} with a non-empty rest (the tree and paths-info
   * endpoints), or empty when the path is not such an API call.
   */
  static Optional<RepoPath> api(List<String> segments, String marker) {
    if (segments.size() < 4 || !segments.get(0).equals("api")) {
      return Optional.empty();
    }
    return typeFromApiPath(segments.get(1))
        .flatMap(type -> withMarker(type, segments.subList(2, segments.size()), marker))
        .filter(path -> !path.rest.isEmpty());
  }

  static Optional<HubRepo.Type> typeFromApiPath(String segment) {
    for (HubRepo.Type type : HubRepo.Type.values()) {
      if (type.apiPath().equals(segment)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
