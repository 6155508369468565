package ai.boinc.transformers.internal.hub;

import java.util.regex.Pattern;

/** Checks repo ids, file paths and revisions before they reach a URL or a cache path. */
public final class HubNames {
  private static final Pattern REPO_PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}");
  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

  private HubNames() {}

  /** @throws IllegalArgumentException saying what a valid id looks like */
  public static void checkRepoId(String repoId) {
    if (repoId == null) {
      throw new NullPointerException("repoId == null");
    }
    String[] parts = repoId.split("/", -1);
    boolean valid = parts.length >= 1 && parts.length <= 2 && !repoId.contains("--") && !repoId.contains("..");
    for (String part : parts) {
      valid &= REPO_PART.matcher(part).matches() && !part.endsWith(".") && !part.endsWith("-");
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "invalid repository id '"
              + repoId
              + "': expected 'name' or 'namespace/name' made of letters, digits, '-', '_' and '.',"
              + " without '--' or '..', e.g. 'meta-llama/Llama-2-7b-ba'");
    }
  }

  /** @throws IllegalArgumentException for empty, absolute or escaping paths */
  public static void checkFilename(String filename) {
    if (filename == null) {
      throw new NullPointerException("filename == null");
    }
    boolean valid = !filename.isEmpty() && !filename.startsWith("/") && !filename.endsWith("/")
        && filename.indexOf('\\') < 0 && filename.indexOf('\0') < 0;
    if (valid) {
      for (String segment : filename.split("/", -1)) {
        valid &= !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
      }
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "invalid file path '"
              + filename
              + "': expected a relative path inside the repository such as 'tokenizer.json' or"
              + " 'onnx/model.onnx', without '.' or '..' segments or backslashes");
    }
  }

  /** @throws IllegalArgumentException for an empty revision or one that would escape the cache */
  public static void checkRevision(String revision) {
    if (revision == null) {
      throw new NullPointerException("revision == null");
    }
    boolean valid = !revision.isEmpty() && revision.indexOf('\\') < 0 && revision.indexOf('\0') < 0
        && !revision.startsWith("/") && !revision.endsWith("/");
    if (valid) {
      for (String segment : revision.split("/", -1)) {
        valid &= !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
      }
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "invalid revision '" + revision + "': expected a branch, tag or commit such as 'main', 'v1.0' or 'refs/pr/1'");
    }
  }

  public static boolean isCommitHash(String revision) {
    return COMMIT.matcher(revision).matches();
  }
}
