package ai.boinc.transformers.testkit.internal;

/**
 * A single HTTP byte range ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}) resolved
 * against a length, per RFC 9110 section 14. Immutable.
 */
public final class ByteRange {
  /** What to do with a request's {@code Range} header. */
  public enum Kind {
    /** No usable Range (absent, malformed or several ranges): answer 200 with the whole body. */
    FULL,
    /** Answer 206 with {@link #first()}..{@link #last()}. */
    PARTIAL,
    /** Answer 416 with {@code Content-Range: bytes *}{@code /total}. */
    UNSATISFIABLE
  }

  private static final ByteRange FULL = new ByteRange(Kind.FULL, 0, -1);
  private static final ByteRange UNSATISFIABLE = new ByteRange(Kind.UNSATISFIABLE, 0, -1);

  private final Kind kind;
  private final long first;
  private final long last;

  private ByteRange(Kind kind, long first, long last) {
    this.kind = kind;
    this.first = first;
    this.last = last;
  }

  /**
   * Parses {@code header} (may be null) for a body of {@code total} bytes. Servers may ignore a
   * Range they do not understand, so anything but one well-formed byte range is {@link Kind#FULL}.
   */
  public static ByteRange parse(String header, long total) {
    if (header == null) {
      return FULL;
    }
    String value = header.trim();
    if (!value.regionMatches(true, 0, "bytes=", 0, 6) || value.indexOf(',') >= 0) {
      return FULL;
    }
    String spec = value.substring(6).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return FULL;
    }
    String start = spec.substring(0, dash).trim();
    String end = spec.substring(dash + 1).trim();
    try {
      if (start.isEmpty()) {
        if (end.isEmpty()) {
          return FULL;
        }
        long suffix = parseDigits(end);
        if (suffix == 0 || total == 0) {
          return UNSATISFIABLE;
        }
        return new ByteRange(Kind.PARTIAL, Math.max(0, total - suffix), total - 1);
      }
      long from = parseDigits(start);
      long to = end.isEmpty() ? Long.MAX_VALUE : parseDigits(end);
      if (to < from) {
        return FULL;
      }
      if (from >= total) {
        return UNSATISFIABLE;
      }
      return new ByteRange(Kind.PARTIAL, from, Math.min(to, total - 1));
    } catch (NumberFormatException e) {
      return FULL;
    }
  }

  private static long parseDigits(String digits) {
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        throw new NumberFormatException(digits);
      }
    }
    return Long.parseLong(digits);
  }

  public Kind kind() {
    return kind;
  }

  public long first() {
    return first;
  }

  /** Inclusive. */
  public long last() {
    return last;
  }

  public long length() {
    return last - first + 1;
  }
}
