package ai.boinc.transformers.testkit;

import ai.boinc.transformers.testkit.internal.RepoFile;
import ai.boinc.transformers.testkit.internal.Repository;
import ai.boinc.transformers.testkit.internal.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * A repository for {@link LocalHub} to serve: type, id, visibility, files and revisions.
 *
 * <pre>{@code
 * HubRepo repo = HubRepo.model("acme/public")
 *     .file("config.json", "{}")
 *     .lfsFile("model.safetensors", weights)
 *     .tag("v1.0")
 *     .build();
 * }</pre>
 *
 * <p>Files are either plain git files (served directly, {@code ETag} = git blob sha1) or LFS files
 * (302 to the CDN origin, {@code X-Linked-Etag} = sha256). A file is LFS if it was added with
 * {@link Builder#lfsFile} or is larger than {@link #LFS_THRESHOLD} bytes, whichever method added it.
 *
 * <p>The commit of {@code main} is derived from the content (sha1 over the sorted paths and blob
 * ids), so the same files always give the same commit. Branches and tags added with {@link
 * Builder#branch}/{@link Builder#tag} point at the same commit as {@code main} for now.
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

  private HubRepo(Repository repository) {
    this.repository = repository;
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

  /** The paths of the files on {@code main}, sorted. */
  public List<String> paths() {
    return List.copyOf(repository.main().files().keySet());
  }

  /** The branch and tag names, {@code main} first. */
  public Set<String> refs() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(repository.refNames()));
  }

  Repository repository() {
    return repository;
  }

  @Override
  public String toString() {
    return "HubRepo{" + repository + ", " + repository.main().files().size() + " files, main=" + commit() + "}";
  }

  /** Collects a repository's settings and files. Not thread-safe. */
  public static final class Builder {
    private final Type type;
    private final String id;
    private Repository.Visibility visibility = Repository.Visibility.PUBLIC;
    private final Map<String, RepoFile> files = new TreeMap<>();
    private final List<String> refs = new ArrayList<>();

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

    /** Adds a file (LFS if larger than {@link #LFS_THRESHOLD}). The array is copied. */
    public Builder file(String path, byte[] content) {
      Objects.requireNonNull(content, "content");
      return add(path, content.clone(), content.length > LFS_THRESHOLD);
    }

    /** Adds a UTF-8 text file. */
    public Builder file(String path, String content) {
      Objects.requireNonNull(content, "content");
      return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Adds a file stored in LFS whatever its size. The array is copied. */
    public Builder lfsFile(String path, byte[] content) {
      Objects.requireNonNull(content, "content");
      return add(path, content.clone(), true);
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
          add(relative.toString(), content, content.length > LFS_THRESHOLD);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read repository files from " + dir, e);
      }
      return this;
    }

    /** Adds a branch (names may contain {@code /}, e.g. {@code feature/x} or {@code refs/pr/1}). */
    public Builder branch(String name) {
      return ref(name);
    }

    /** Adds a tag, e.g. {@code v1.0}. */
    public Builder tag(String name) {
      return ref(name);
    }

    public HubRepo build() {
      Snapshot snapshot = new Snapshot(files);
      Map<String, Snapshot> byRef = new LinkedHashMap<>();
      byRef.put(Repository.DEFAULT_BRANCH, snapshot);
      refs.forEach(ref -> byRef.put(ref, snapshot));
      return new HubRepo(new Repository(type, id, visibility, byRef));
    }

    private Builder add(String path, byte[] content, boolean lfs) {
      checkPath(path);
      if (files.containsKey(path)) {
        throw new IllegalArgumentException("file " + path + " was added twice to " + id);
      }
      files.put(path, RepoFile.of(path, content, lfs));
      return this;
    }

    private Builder ref(String name) {
      Objects.requireNonNull(name, "name");
      if (name.equals(Repository.DEFAULT_BRANCH) || refs.contains(name)) {
        throw new IllegalArgumentException("ref " + name + " already exists in " + id);
      }
      if (name.length() == 40 && name.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw new IllegalArgumentException("ref name looks like a commit id: " + name);
      }
      for (String segment : name.split("/", -1)) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")
            || segment.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
          throw new IllegalArgumentException("invalid ref name '" + name + "'");
        }
      }
      refs.add(name);
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

    private static void checkPath(String path) {
      Objects.requireNonNull(path, "path");
      for (String segment : path.split("/", -1)) {
        if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
          throw new IllegalArgumentException(
              "invalid file path '" + path + "': expected a relative path like 'dir/file.json'");
        }
      }
    }
  }
}
