package ai.boinc.transformers.credentials;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A hub access token. The secret is only reachable through {@link #reveal()}, which exists so
 * that the hub engine can build an {@code Authorization} header; {@link #toString()} shows a
 * fixed-length redaction, so logging a token by accident leaks nothing, not even its length.
 *
 * <p>Equality compares the secret in constant time. Instances are immutable and thread-safe.
 */
public final class AccessToken {
  private static final String REDACTED = "AccessToken[****]";

  private final String secret;

  private AccessToken(String secret) {
    this.secret = secret;
  }

  /**
   * Returns a token holding {@code secret} trimmed of surrounding whitespace.
   *
   * @throws IllegalArgumentException if the secret is blank or spans several lines
   */
  public static AccessToken of(String secret) {
    if (secret == null) {
      throw new NullPointerException("secret == null");
    }
    String trimmed = secret.strip();
    if (trimmed.isEmpty()) {
      throw new IllegalArgumentException("an access token must not be blank");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c < 0x21 || Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        throw new IllegalArgumentException(
            "an access token must not contain whitespace or control characters (position " + i + ")");
      }
    }
    return new AccessToken(trimmed);
  }

  /** The secret itself. Never log it; pass it only to the hub's origin. */
  public String reveal() {
    return secret;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AccessToken
        && MessageDigest.isEqual(
            secret.getBytes(StandardCharsets.UTF_8),
            ((AccessToken) other).secret.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0; // a hash of the secret would leak information; tokens are never map keys in bulk
  }

  @Override
  public String toString() {
    return REDACTED;
  }
}
