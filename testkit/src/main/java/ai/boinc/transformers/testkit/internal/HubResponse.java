package ai.boinc.transformers.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response a route wants sent: status, headers in order, and a body slice (so a Range answer does
 * not copy the file). The writer derives {@code Content-Length} from the body and omits the body for
 * HEAD. Built and read by one thread.
 */
public final class HubResponse {
  private static final byte[] EMPTY = new byte[0];

  private final int status;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private byte[] body = EMPTY;
  private int offset;
  private int length;

  private HubResponse(int status) {
    this.status = status;
  }

  public static HubResponse status(int status) {
    return new HubResponse(status);
  }

  /** A JSON answer; {@code json} is already serialized. */
  public static HubResponse json(int status, String json) {
    return status(status).body(json.getBytes(StandardCharsets.UTF_8), "application/json; charset=utf-8");
  }

  /** Adds a header value (keeps earlier values of the same name). */
  public HubResponse header(String name, String value) {
    headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    return this;
  }

  public HubResponse body(byte[] bytes, String contentType) {
    return body(bytes, 0, bytes.length, contentType);
  }

  public HubResponse body(byte[] bytes, int offset, int length, String contentType) {
    this.body = bytes;
    this.offset = offset;
    this.length = length;
    headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, List<String>> headers() {
    return Collections.unmodifiableMap(headers);
  }

  byte[] bodyArray() {
    return body;
  }

  int bodyOffset() {
    return offset;
  }

  public int bodyLength() {
    return length;
  }

  /** The body as a string, for tests of the internals. */
  public String bodyText() {
    return new String(body, offset, length, StandardCharsets.UTF_8);
  }
}
