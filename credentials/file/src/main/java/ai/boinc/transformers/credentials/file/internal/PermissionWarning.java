package ai.boinc.transformers.credentials.file.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warns, once per file per process, when a token file on a POSIX file system can be read by its
 * group or by other users. The file is still used: refusing it would break setups that work today
 * (the Hugging Face tools do not check either), but the user learns the one-line fix.
 *
 * <p>Thread-safe.
 */
public final class PermissionWarning {
  private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

  private final Logger logger;

  public PermissionWarning(Logger logger) {
    this.logger = logger;
  }

  /** Checks {@code file} and logs a warning the first time it is found too open. */
  public void check(Path file) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return; // not POSIX (Windows ACLs): nothing reliable to say
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (IOException e) {
      return; // the read that follows reports real problems
    }
    boolean open =
        permissions.contains(PosixFilePermission.GROUP_READ)
            || permissions.contains(PosixFilePermission.OTHERS_READ);
    if (open && WARNED.add(canonical(file))) {
      logger.log(
          Level.WARNING,
          "The token file {0} can be read by other users (permissions {1}); "
              + "restrict it to its owner with: chmod 600 {0}",
          file,
          PosixFilePermissions.toString(permissions));
    }
  }

  private static Path canonical(Path file) {
    try {
      return file.toRealPath(LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }
}
