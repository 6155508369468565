package ai.boinc.transformers.testkit;

import ai.boinc.transformers.testkit.internal.BytesContent;
import ai.boinc.transformers.testkit.internal.Content;
import ai.boinc.transformers.testkit.internal.RepoFile;
import ai.boinc.transformers.testkit.internal.Repository;
import ai.boinc.transformers.testkit.internal.Snapshot;
import ai.boinc.transformers.testkit.internal.VirtualContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A repository for {@link LocalHub} to serve: type, id, visibility, its commits and refs.
 *
 * <pre>{@code
 * HubRepo repo = HubRepo.model("acme/m")
 *     .file("a.txt", "v1").file("old.txt", "x")
 *     .commitAs("first")                          // commit 1: a.txt=v1, old.txt
 *     .branch("dev").tag("v1.0").pullRequest(1)   // all three point at commit 1
 *     .file("a.txt", "v2").removeFile("old.txt")  // commit 2 (made by build): a.txt=v2
 *     .lfsFile("model.safetensors", weights)
 *     .renamedFrom("acme/old-name")
 *     .build();                                   // main -> commit 2
 * }</pre>
 *
 * <p>Files are either plain git files (served directly, {@code ETag} = git blob sha1) or LFS files
 * (302 to the CDN origin, {@code X-Linked-Etag} = sha256). A file is LFS if it was added with
 * {@link Builder#lfsFile} or {@link Builder#virtualLfsFile}, or is larger than {@link
 * #LFS_THRESHOLD} bytes.
 *
 * <p><b>History.</b> The builder edits a working tree. {@link Builder#commitAs} ends a commit with
 * that message; the next commit starts with the same files. {@link Builder#build} ends a last commit
 * if anything changed since the last {@code commitAs} (or if there was none), and {@code main}
 * points at the newest commit. A ref added with {@link Builder#branch}, {@link Builder#tag} or {@link
 * Builder#pullRequest} points at the last commit ended before it was added, or, if none was ended
 * yet, at the first commit. Commit ids are derived from files, parent and message, so the same
 * history always gives the same ids.
 *
 * <p>Immutable and thread-safe.
 */
public final class HubRepo {
  /** Files larger than this (1 MiB) are stored in LFS. */
  public static final long LFS_THRESHOLD = 1024 * 1024;

  /** The kind of repository; it decides the URL prefixes. */
  public enum Type {
    MODEL("", "models"),
    DATASET("datasets/", "datasets"),
    SPACE("spaces/", "spaces");

    private final String urlPrefix;
    private final String apiPath;

    Type(String urlPrefix, String apiPath) {
      this.urlPrefix = urlPrefix;
      this.apiPath = apiPath;
    }

    /** Prefix of resolve URLs and repo pages: {@code ""}, {@code "datasets/"} or {@code "spaces/"}. */
    public String urlPrefix() {
      return urlPrefix;
    }

    /** Collection name in API paths: {@code "models"}, {@code "datasets"} or {@code "spaces"}. */
    public String apiPath() {
      return apiPath;
    }

    /** {@code "model"}, {@code "dataset"} or {@code "space"}, as in the hub's messages. */
    public String singular() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Repository repository;
  private final List<String> formerIds;

  private HubRepo(Repository repository, List<String> formerIds) {
    this.repository = repository;
    this.formerIds = List.copyOf(formerIds);
  }

  public static Builder model(String id) {
    return new Builder(Type.MODEL, id);
  }

  public static Builder dataset(String id) {
    return new Builder(Type.DATASET, id);
  }

  public static Builder space(String id) {
    return new Builder(Type.SPACE, id);
  }

  /**
   * The bytes that a {@link Builder#virtualLfsFile virtual file} made with {@code seed} has at
   * {@code offset} (whatever its size), so tests can check what they read.
   */
  public static byte[] virtualBytes(long seed, long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset and length must be >= 0");
    }
    return VirtualContent.bytes(seed, offset, length);
  }

  public Type type() {
    return repository.type();
  }

  /** {@code namespace/name}, or a bare canonical name. */
  public String id() {
    return repository.id();
  }

  /** The 40-hex commit of {@code main}. */
  public String commit() {
    return repository.main().commit();
  }

  /**
   * The 40-hex commit that a revision (branch, tag, {@code refs/pr/N}, full or short commit)
   * resolves to.
   *
   * @throws IllegalArgumentException if the repository has no such revision
   */
  public String commit(String revision) {
    Objects.requireNonNull(revision, "revision");
    return repository
        .revision(revision)
        .orElseThrow(() -> new IllegalArgumentException("no revision '" + revision + "' in " + id()))
        .commit();
  }

  /** Every commit id, oldest first; the last is {@code main}'s. */
  public List<String> commits() {
    List<String> ids = new ArrayList<>();
    repository.commits().forEach(snapshot -> ids.add(snapshot.commit()));
    return ids;
  }

  /** The paths of the files on {@code main}, sorted. */
  public List<String> paths() {
    return List.copyOf(repository.main().files().keySet());
  }

  /** The branch, tag and pull-request ref names, {@code main} first. */
  public Set<String> refs() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(repository.refNames()));
  }

  /** Ids this repository was renamed from; they answer with a relative redirect to {@link #id()}. */
  public List<String> formerIds() {
    return formerIds;
  }

  Repository repository() {
    return repository;
  }

  @Override
  public String toString() {
    return "HubRepo{" + repository + ", " + repository.main().files().size() + " files, main=" + commit() + "}";
  }

  /** Collects a repository's settings and history. Not thread-safe. */
  public static final class Builder {
    private final Type type;
    private final String id;
    private Repository.Visibility visibility = Repository.Visibility.PUBLIC;
    private boolean disabled;
    private final Map<String, RepoFile> working = new TreeMap<>();
    private final Set<String> touched = new HashSet<>();
    private boolean dirty;
    private final List<Snapshot> commits = new ArrayList<>();
    /** Ref name to the index in {@link #commits} it points at. */
    private final Map<String, Integer> refs = new LinkedHashMap<>();
    private final List<String> formerIds = new ArrayList<>();

    private Builder(Type type, String id) {
      this.type = type;
      this.id = checkId(id);
    }

    /** Anyone may read it (the default). */
    public Builder publicRepo() {
      visibility = Repository.Visibility.PUBLIC;
      return this;
    }

    /** Only tokens granted this repo may read it; everyone else is told it does not exist. */
    public Builder privateRepo() {
      visibility = Repository.Visibility.PRIVATE;
      return this;
    }

    /** Gated with manual approval ({@code "gated": "manual"}): only granted tokens may read files. */
    public Builder gated() {
      visibility = Repository.Visibility.GATED;
      return this;
    }

    /**
     * Disabled by the hub: every request for it is 403 with {@code X-Error-Message: Access to this
     * resource is disabled.}
     */
    public Builder disabled() {
      disabled = true;
      return this;
    }

    /**
     * The repository used to be called {@code formerId} (same type): requests naming the old id get
     * a relative 307 redirect to the same URL with the new id, as the real hub answers after a
     * rename. May be called several times.
     */
    public Builder renamedFrom(String formerId) {
      String checked = checkId(formerId);
      if (checked.equals(id) || formerIds.contains(checked)) {
        throw new IllegalArgumentException("invalid former id '" + formerId + "' for " + id);
      }
      formerIds.add(checked);
      return this;
    }

    /**
     * Adds or replaces a file in the commit being built (LFS if larger than {@link
     * #LFS_THRESHOLD}). The array is copied.
     *
     * @throws IllegalArgumentException if this commit already added this path
     */
    public Builder file(String path, byte[] content) {
      Objects.requireNonNull(content, "content");
      return add(path, BytesContent.of(content.clone()), content.length > LFS_THRESHOLD);
    }

    /** Adds or replaces a UTF-8 text file. */
    public Builder file(String path, String content) {
      Objects.requireNonNull(content, "content");
      return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds or replaces a file stored in LFS whatever its size. The array is copied. */
    public Builder lfsFile(String path, byte[] content) {
      Objects.requireNonNull(content, "content");
      return add(path, BytesContent.of(content.clone()), true);
    }

    /**
     * Adds or replaces an LFS file of {@code size} pseudo-random bytes generated from {@code seed}
     * and never stored, so a test can have a file of many GiB ({@link #virtualBytes} tells what it
     * holds). Its sha256 (the {@code X-Linked-Etag}) is computed by generating the whole file the
     * first time the hub resolves it; the CDN URL ({@link LocalHub#cdnUri}) needs no hashing.
     */
    public Builder virtualLfsFile(String path, long size, long seed) {
      if (size < 0) {
        throw new IllegalArgumentException("size < 0: " + size);
      }
      return add(path, new VirtualContent(size, seed), true);
    }

    /**
     * Removes a file from the commit being built.
     *
     * @throws IllegalArgumentException if there is no such file
     */
    public Builder removeFile(String path) {
      Objects.requireNonNull(path, "path");
      if (working.remove(path) == null) {
        throw new IllegalArgumentException("cannot remove " + path + " from " + id + ": no such file");
      }
      touched.remove(path);
      dirty = true;
      return this;
    }

    /**
     * Adds every regular file below {@code dir} (read now), with its path relative to {@code dir}
     * and {@code /} separators; files larger than {@link #LFS_THRESHOLD} are LFS.
     *
     * @throws UncheckedIOException if the directory cannot be read
     */
    public Builder filesFrom(Path dir) {
      Objects.requireNonNull(dir, "dir");
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("not a directory: " + dir);
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        List<Path> regular = new ArrayList<>();
        walk.filter(Files::isRegularFile).forEach(regular::add);
        Collections.sort(regular);
        for (Path file : regular) {
          StringBuilder relative = new StringBuilder();
          for (Path part : dir.relativize(file)) {
            if (relative.length() > 0) {
              relative.append('/');
            }
            relative.append(part);
          }
          byte[] content = Files.readAllBytes(file);
          add(relative.toString(), BytesContent.of(content), content.length > LFS_THRESHOLD);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read repository files from " + dir, e);
      }
      return this;
    }

    /**
     * Ends the commit being built with {@code message}; the next commit starts with the same
     * files. Refs added afterwards point at this commit.
     */
    public Builder commitAs(String message) {
      Objects.requireNonNull(message, "message");
      endCommit(message);
      return this;
    }

    /**
     * Adds a branch (names may contain {@code /}, e.g. {@code feature/x}) at the last ended commit
     * (see the class comment).
     */
    public Builder branch(String name) {
      return ref(name);
    }

    /** Adds a tag, e.g. {@code v1.0}, at the last ended commit. */
    public Builder tag(String name) {
      return ref(name);
    }

    /** Adds the pull-request ref {@code refs/pr/<number>} at the last ended commit. */
    public Builder pullRequest(int number) {
      if (number < 1) {
        throw new IllegalArgumentException("pull request numbers start at 1: " + number);
      }
      return ref("refs/pr/" + number);
    }

    public HubRepo build() {
      List<Snapshot> all = new ArrayList<>(commits);
      if (dirty || all.isEmpty()) {
        String parent = all.isEmpty() ? null : all.get(all.size() - 1).commit();
        all.add(new Snapshot(working, parent, Snapshot.DEFAULT_MESSAGE));
      }
      Map<String, String> byRef = new LinkedHashMap<>();
      byRef.put(Repository.DEFAULT_BRANCH, all.get(all.size() - 1).commit());
      refs.forEach((name, index) -> byRef.put(name, all.get(index).commit()));
      return new HubRepo(new Repository(type, id, visibility, disabled, all, byRef), formerIds);
    }

    private void endCommit(String message) {
      String parent = commits.isEmpty() ? null : commits.get(commits.size() - 1).commit();
      commits.add(new Snapshot(working, parent, message));
      touched.clear();
      dirty = false;
    }

    private Builder add(String path, Content content, boolean lfs) {
      checkPath(path);
      if (!touched.add(path)) {
        throw new IllegalArgumentException(
            "file " + path + " was added twice to the same commit of " + id + "; call commitAs() in between");
      }
      working.put(path, RepoFile.of(path, content, lfs));
      dirty = true;
      return this;
    }

    private Builder ref(String name) {
      Objects.requireNonNull(name, "name");
      if (name.equals(Repository.DEFAULT_BRANCH) || refs.containsKey(name)) {
        throw new IllegalArgumentException("ref " + name + " already exists in " + id);
      }
      if (name.length() >= 7 && name.length() <= 40 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new IllegalArgumentException("ref name looks like a commit id: " + name);
      }
      for (String segment : name.split("/", -1)) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
            || segment.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
          throw new IllegalArgumentException("invalid ref name '" + name + "'");
        }
      }
      refs.put(name, Math.max(0, commits.size() - 1));
      return this;
    }

    private static String checkId(String id) {
      Objects.requireNonNull(id, "id");
      String[] parts = id.split("/", -1);
      boolean valid = parts.length <= 2 && !id.contains("--") && !id.contains("..");
      for (String part : parts) {
        valid &= NAME.matcher(part).matches();
      }
      if (!valid) {
        throw new IllegalArgumentException(
            "invalid repo id '" + id + "': expected 'name' or 'namespace/name' of letters, digits, '.', '_', '-'"
                + " without '--' or '..'");
      }
      return id;
    }
  }

  static void checkPath(String path) {
    Objects.requireNonNull(path, "path");
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "invalid file path '" + path + "': expected a relative path like 'dir/file.json'");
      }
    }
  }
}
