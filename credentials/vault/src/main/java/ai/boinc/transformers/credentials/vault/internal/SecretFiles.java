package ai.boinc.transformers.credentials.vault.internal;

import ai.boinc.transformers.credentials.vault.VaultLoginException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a credential (Vault token, secret id, JWT) from the first line of a file. */
public final class SecretFiles {
  private SecretFiles() {}

  /**
   * @param what "the Kubernetes service account token"
   * @param fix what to do when the file is missing or unreadable
   */
  static String read(VaultEndpoint endpoint, Path file, String what, String fix) {
    String line;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      line = reader.readLine();
    } catch (NoSuchFileException e) {
      throw failure(endpoint, "The file " + file + " with " + what + " does not exist. " + fix);
    } catch (IOException e) {
      throw failure(endpoint, "The file " + file + " with " + what + " cannot be read ("
          + e.getClass().getSimpleName() + "). " + fix);
    }
    if (line == null || line.isBlank()) {
      throw failure(endpoint, "The file " + file + " with " + what + " is empty. " + fix);
    }
    String secret = line.strip();
    endpoint.redactor().remember(secret);
    if (!isHeaderSafe(secret)) {
      throw failure(endpoint, "The file " + file + " with " + what + " holds whitespace or control"
          + " characters inside its first line. " + fix);
    }
    return secret;
  }

  /** Whether {@code value} is non-empty visible ASCII, as Vault tokens, secret ids and JWTs are. */
  public static boolean isHeaderSafe(String value) {
    if (value.isEmpty()) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static VaultLoginException failure(VaultEndpoint endpoint, String message) {
    return new VaultLoginException(endpoint.source(), message, endpoint.address(), 0);
  }
}
