package ai.boinc.transformers.testkit.internal.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One KV secrets engine (version 1 or 2) mounted at a path of a namespace. Not thread-safe: the
 * emulator calls it under its lock.
 */
public final class KvEngine {
  /** The default lease KV v1 reports when a secret has no {@code ttl} key (32 days). */
  public static final long DEFAULT_V1_LEASE_SECONDS = 2764800;

  private final int kvVersion;
  private final Map<String, Map<String, Object>> v1 = new LinkedHashMap<>();
  private final Map<String, List<Version>> v2 = new LinkedHashMap<>();

  private static final class Version {
    final Map<String, Object> data;
    final Instant created;
    Instant deleted;
    boolean destroyed;

    Version(Map<String, Object> data, Instant created) {
      this.data = data;
      this.created = created;
    }
  }

  public KvEngine(int kvVersion) {
    if (kvVersion != 1 && kvVersion != 2) {
      throw new IllegalArgumentException("KV version must be 1 or 2: " + kvVersion);
    }
    this.kvVersion = kvVersion;
  }

  public int kvVersion() {
    return kvVersion;
  }

  /** Stores {@code data} at {@code path}; returns the new version (v2) or 0 (v1). */
  public int put(String path, Map<String, ?> data, Instant now) {
    Map<String, Object> copy = new LinkedHashMap<>();
    data.forEach((key, value) -> copy.put(key, jsonable(value)));
    if (kvVersion == 1) {
      v1.put(path, copy);
      return 0;
    }
    List<Version> versions = v2.computeIfAbsent(path, p -> new ArrayList<>());
    versions.add(new Version(copy, now));
    return versions.size();
  }

  /**
   * {@code value} as the strict JSON writer takes it: as ever, a value of no JSON type (an {@code
   * Instant}, say) is served as its {@code toString()}.
   */
  private static Object jsonable(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map) {
      Map<String, Object> map = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((key, item) -> map.put(String.valueOf(key), jsonable(item)));
      return map;
    }
    if (value instanceof Collection) {
      List<Object> list = new ArrayList<>();
      for (Object item : (Collection<?>) value) {
        list.add(jsonable(item));
      }
      return list;
    }
    return value.toString();
  }

  /** v1: removes the secret; v2: soft-deletes the given versions (the latest when none given). */
  public void delete(String path, Instant now, int... versions) {
    if (kvVersion == 1) {
      v1.remove(path);
      return;
    }
    for (Version version : select(path, versions)) {
      version.deleted = now;
    }
  }

  /** v2: destroys the given versions (the latest when none given). */
  public void destroy(String path, Instant now, int... versions) {
    for (Version version : select(path, versions)) {
      version.destroyed = true;
      if (version.deleted == null) {
        version.deleted = now;
      }
    }
  }

  private List<Version> select(String path, int... numbers) {
    List<Version> versions = v2.getOrDefault(path, List.of());
    List<Version> selected = new ArrayList<>();
    if (numbers.length == 0 && !versions.isEmpty()) {
      selected.add(versions.get(versions.size() - 1));
    }
    for (int n : numbers) {
      if (n < 1 || n > versions.size()) {
        throw new IllegalArgumentException("no version " + n + " of " + path);
      }
      selected.add(versions.get(n - 1));
    }
    return selected;
  }

  /** Answers {@code GET} of {@code subPath} (relative to the mount) with the given query. */
  public Reply read(String subPath, Map<String, String> query) {
    if (kvVersion == 1) {
      Map<String, Object> data = v1.get(subPath);
      if (data == null) {
        return Reply.errors(404);
      }
      return Reply.json(200, Reply.envelope(data, v1Lease(data), null, null));
    }
    if (!subPath.startsWith("data/")) {
      Map<String, Object> body = Reply.envelope(null, 0, null, List.of(
          "Invalid path for a versioned K/V secrets engine. See the API docs for the appropriate API"
              + " endpoints to use. If using the Vault CLI, use 'vault kv get' for this operation."));
      body.put("errors", List.of());
      return Reply.json(404, body);
    }
    List<Version> versions = v2.get(subPath.substring("data/".length()));
    if (versions == null || versions.isEmpty()) {
      return Reply.errors(404);
    }
    int number = versions.size();
    String requested = query.get("version");
    if (requested != null && !requested.equals("0")) {
      try {
        number = Integer.parseInt(requested);
      } catch (NumberFormatException e) {
        return Reply.errors(400, "invalid version: " + requested);
      }
      if (number < 1 || number > versions.size()) {
        return Reply.errors(404);
      }
    }
    Version version = versions.get(number - 1);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("created_time", version.created.toString());
    metadata.put("custom_metadata", null);
    metadata.put("deletion_time", version.deleted == null ? "" : version.deleted.toString());
    metadata.put("destroyed", version.destroyed);
    metadata.put("version", number);
    Map<String, Object> data = new LinkedHashMap<>();
    boolean gone = version.deleted != null || version.destroyed;
    data.put("data", gone ? null : version.data);
    data.put("metadata", metadata);
    return Reply.json(gone ? 404 : 200, Reply.envelope(data, 0, null, null));
  }

  private static long v1Lease(Map<String, Object> data) {
    Object ttl = data.get("ttl");
    Long seconds = ttl == null ? null : Durations.seconds(ttl.toString());
    return seconds == null ? DEFAULT_V1_LEASE_SECONDS : seconds;
  }
}
