package ai.boinc.transformers.testkit.internal.vault;

import ai.boinc.transformers.json.JsonWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A status and a body, as the emulator answers. */
public final class Reply {
  public final int status;
  public final String body;
  /** Extra response headers, e.g. {@code Retry-After}. */
  public final Map<String, String> headers;

  private Reply(int status, String body) {
    this(status, body, Map.of());
  }

  private Reply(int status, String body, Map<String, String> headers) {
    this.status = status;
    this.body = body;
    this.headers = Map.copyOf(headers);
  }

  /** This reply with one more header. */
  public Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, body, more);
  }

  public static Reply raw(int status, String body) {
    return new Reply(status, body);
  }

  public static Reply json(int status, Object value) {
    return new Reply(status, JsonWriter.write(value));
  }

  /** Vault's error envelope {@code {"errors":[...]}}. */
  public static Reply errors(int status, String... errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", Arrays.asList(errors));
    return json(status, body);
  }

  public static Reply permissionDenied() {
    return errors(403, "permission denied");
  }

  /** The standard response envelope of secret reads and logins. */
  public static Map<String, Object> envelope(Object data, long leaseDuration, Object auth, Object warnings) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("request_id", UUID.randomUUID().toString());
    body.put("lease_id", "");
    body.put("renewable", false);
    body.put("lease_duration", leaseDuration);
    body.put("data", data);
    body.put("wrap_info", null);
    body.put("warnings", warnings);
    body.put("auth", auth);
    return body;
  }
}
