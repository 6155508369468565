package ai.boinc.transformers.testkit.internal;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Signs CDN URLs like a presigned S3/CloudFront URL: {@code ?exp=<epoch s>&sig=<hmac>}, with a
 * random key per hub, so a client must use the {@code Location} it was given. Thread-safe.
 */
public final class BlobSigner {
  private static final long LIFETIME_SECONDS = 3600;

  private final byte[] key = new byte[32];
  private final Clock clock;

  public BlobSigner(Clock clock) {
    this.clock = clock;
    new SecureRandom().nextBytes(key);
  }

  /** The query string (without {@code ?}) that makes {@code /blobs/<sha256>} fetchable. */
  public String sign(String sha256) {
    long expires = clock.instant().getEpochSecond() + LIFETIME_SECONDS;
    return "exp=" + expires + "&sig=" + signature(sha256, expires);
  }

  /** Whether {@code exp}/{@code sig} were made by {@link #sign} for this blob and have not expired. */
  public boolean verify(String sha256, String exp, String sig) {
    if (exp == null || sig == null) {
      return false;
    }
    long expires;
    try {
      expires = Long.parseLong(exp);
    } catch (NumberFormatException e) {
      return false;
    }
    return expires >= clock.instant().getEpochSecond()
        && java.security.MessageDigest.isEqual(
            signature(sha256, expires).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            sig.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private String signature(String sha256, long expires) {
    return Hashes.hmacSha256(key, sha256 + ":" + expires);
  }
}
