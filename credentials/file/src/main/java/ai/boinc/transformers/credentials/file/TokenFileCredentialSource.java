package ai.boinc.transformers.credentials.file;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.file.internal.AtomicSecretFile;
import ai.boinc.transformers.credentials.file.internal.PermissionWarning;
import ai.boinc.transformers.credentials.file.internal.TokenFileLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the access token from the token file, the file that {@code ba login} writes and that the
 * Hugging Face tools call {@code $HF_HOME/token}.
 *
 * <p>The file is found by {@link #fromEnvironment(Map)}: {@code BA_TOKEN_PATH}, else {@code
 * $BA_HOME/token}, else {@code $XDG_CACHE_HOME/boincai/token}, else {@code
 * ~/.cache/boincai/token}. Its first line, trimmed, is the token.
 *
 * <ul>
 *   <li>A missing file, an empty file or a blank first line counts as absent: {@link #resolve()}
 *       returns empty.
 *   <li>A file that exists but cannot be read (permission denied, a directory, not UTF-8, a line
 *       that is not a token) throws a {@link CredentialException} naming the file and the fix.
 *   <li>On POSIX file systems, a file that its group or other users can read is still used, but a
 *       WARNING naming the file and the {@code chmod 600} fix is logged once per file per process
 *       on the {@link System.Logger} named after this class.
 * </ul>
 *
 * <p>The file is read on every {@link #resolve()}, so a new login is seen without a restart.
 * {@link #write(AccessToken)} and {@link #delete()} replace or remove it atomically. Instances
 * are immutable and thread-safe.
 *
 * <pre>{@code
 * CredentialSource source = TokenFileCredentialSource.create();  // from the process environment
 * source.resolve().ifPresent(token -> ...);
 * }</pre>
 */
public final class TokenFileCredentialSource implements CredentialSource {
  private static final System.Logger LOGGER =
      System.getLogger(TokenFileCredentialSource.class.getName());
  private static final PermissionWarning PERMISSIONS = new PermissionWarning(LOGGER);

  private final Path file;

  private TokenFileCredentialSource(Path file) {
    this.file = file;
  }

  /** The token file of the process environment and the user's home directory. */
  public static TokenFileCredentialSource create() {
    return fromEnvironment(System.getenv());
  }

  /**
   * The token file named by {@code environment} (see the class documentation), with {@code ~}
   * standing for the {@code user.home} system property.
   */
  public static TokenFileCredentialSource fromEnvironment(Map<String, String> environment) {
    return fromEnvironment(environment, Path.of(System.getProperty("user.home")));
  }

  /** The token file named by {@code environment}, with {@code ~} standing for {@code userHome}. */
  public static TokenFileCredentialSource fromEnvironment(
      Map<String, String> environment, Path userHome) {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(userHome, "userHome");
    return new TokenFileCredentialSource(TokenFileLocation.resolve(environment, userHome));
  }

  /** Reads and writes exactly {@code file}. */
  public static TokenFileCredentialSource of(Path file) {
    return new TokenFileCredentialSource(Objects.requireNonNull(file, "file"));
  }

  /** The file this source reads and writes. */
  public Path path() {
    return file;
  }

  @Override
  public Optional<AccessToken> resolve() {
    if (Files.isDirectory(file)) {
      throw unreadable("it is a directory", "remove the directory or point BA_TOKEN_PATH at a file", null);
    }
    String line;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      line = reader.readLine();
    } catch (NoSuchFileException | NotDirectoryException e) {
      return Optional.empty();
    } catch (AccessDeniedException e) {
      throw unreadable(
          "permission denied",
          "make it readable by the user running this program (chmod 600 " + file + " as its owner)",
          e);
    } catch (CharacterCodingException e) {
      throw unreadable("it is not UTF-8 text", "write the token alone into it (ba login)", null);
    } catch (IOException e) {
      throw unreadable(e.getClass().getSimpleName(), "check the file and its folder", e);
    }
    if (line == null || line.isBlank()) {
      return Optional.empty();
    }
    PERMISSIONS.check(file);
    try {
      return Optional.of(AccessToken.of(line));
    } catch (IllegalArgumentException e) {
      // AccessToken's message names a position, never the value.
      throw new CredentialException(describe(), "The first line of the token file " + file
          + " is not an access token: " + e.getMessage() + ". Put the token alone on the first line"
          + " (ba login writes it so).");
    }
  }

  /**
   * Stores {@code token} as the whole content of the file, atomically: a temporary file readable
   * only by its owner (0600) is written in the same folder (created 0700 when missing), flushed to
   * disk and renamed over the file. Readers see the old token or the new one, never a mix.
   *
   * @throws CredentialException if the folder or file cannot be written
   */
  public void write(AccessToken token) {
    Objects.requireNonNull(token, "token");
    try {
      AtomicSecretFile.write(file, (token.reveal() + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CredentialException(describe(), "Could not write the token file " + file + " ("
          + e.getClass().getSimpleName() + "): check that its folder is writable by this user, or"
          + " set BA_TOKEN_PATH to a writable location.", e);
    }
  }

  /**
   * Removes the file, e.g. for {@code ba logout}.
   *
   * @return whether a file was removed
   * @throws CredentialException if it exists but cannot be removed
   */
  public boolean delete() {
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new CredentialException(describe(), "Could not delete the token file " + file + " ("
          + e.getClass().getSimpleName() + "): check the permissions of its folder.", e);
    }
  }

  @Override
  public String describe() {
    return "file " + file;
  }

  @Override
  public String toString() {
    return "TokenFileCredentialSource[" + file + "]";
  }

  private CredentialException unreadable(String why, String fix, Throwable cause) {
    String message = "The token file " + file + " exists but cannot be read: " + why + ". To fix it, "
        + fix + ", or unset BA_TOKEN_PATH/BA_HOME to use another file.";
    return cause == null
        ? new CredentialException(describe(), message)
        : new CredentialException(describe(), message, cause);
  }
}
