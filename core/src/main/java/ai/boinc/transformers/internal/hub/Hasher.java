package ai.boinc.transformers.internal.hub;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.OptionalLong;

/** The digest an ETag names, if it names one: SHA-256 for LFS files, the git blob id for git files. */
final class Hasher {
  final String name;
  private final MessageDigest digest;
  private final OptionalLong gitSize;

  private Hasher(String name, MessageDigest digest, OptionalLong gitSize) {
    this.name = name;
    this.digest = digest;
    this.gitSize = gitSize;
    reset();
  }

  static Hasher forEtag(FileMetadata metadata) {
    return forEtag(metadata.etag, metadata.size);
  }

  /** For an ETag and the size of its content (a git blob id hashes its size first). */
  static Hasher forEtag(String etag, OptionalLong size) {
    if (FileMetadata.isSha256(etag)) {
      return new Hasher("SHA-256", digest("SHA-256"), OptionalLong.empty());
    }
    if (FileMetadata.isGitSha1(etag) && size.isPresent()) {
      return new Hasher("git blob id", digest("SHA-1"), size);
    }
    return new Hasher("none", null, OptionalLong.empty());
  }

  boolean checks() {
    return digest != null;
  }

  void reset() {
    if (digest == null) {
      return;
    }
    digest.reset();
    if (gitSize.isPresent()) {
      digest.update(("blob " + gitSize.getAsLong() + "\0").getBytes(StandardCharsets.US_ASCII));
    }
  }

  void update(byte[] bytes, int n) {
    if (digest != null) {
      digest.update(bytes, 0, n);
    }
  }

  Optional<String> finish() {
    if (digest == null) {
      return Optional.empty();
    }
    return Optional.of(hex(digest.digest()));
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has " + algorithm, e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return out.toString();
  }
}
