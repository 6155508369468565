package ai.boinc.transformers.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response a route wants sent: status, headers in order, and a body slice of a {@link Content}
 * (so a Range answer does not copy the file, and a virtual file is never materialised). The writer
 * derives {@code Content-Length} from the body unless the response is {@link #chunked()}, and omits
 * the body for HEAD. Built and read by one thread.
 */
public final class HubResponse {
  private final int status;
  private final Map<String, List<String>> headers = new LinkedHashMap<>();
  private Content body = BytesContent.empty();
  private long offset;
  private long length;
  private boolean chunked;

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

  /** Replaces every value of a header. */
  public HubResponse setHeader(String name, String value) {
    headers.remove(name);
    return header(name, value);
  }

  public HubResponse body(byte[] bytes, String contentType) {
    return body(BytesContent.of(bytes), 0, bytes.length, contentType);
  }

  public HubResponse body(Content content, long offset, long length, String contentType) {
    this.body = content;
    this.offset = offset;
    this.length = length;
    headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    return this;
  }

  /** Sends the body with chunked transfer coding and no {@code Content-Length}. */
  HubResponse chunked(boolean value) {
    this.chunked = value;
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, List<String>> headers() {
    return Collections.unmodifiableMap(headers);
  }

  public boolean chunked() {
    return chunked;
  }

  Content content() {
    return body;
  }

  long bodyOffset() {
    return offset;
  }

  public long bodyLength() {
    return length;
  }

  /** Whether body bytes go on the wire for this request (not HEAD, not 204/304, not empty). */
  boolean hasBody(HubRequest request) {
    return !request.isHead() && status != 204 && status != 304 && length > 0;
  }

  /** The body as a string, for tests of the internals (small bodies only). */
  public String bodyText() {
    byte[] bytes = new byte[(int) length];
    body.read(offset, bytes, 0, bytes.length);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The body bytes (small bodies only). */
  byte[] bodyBytes() {
    byte[] bytes = new byte[(int) length];
    body.read(offset, bytes, 0, bytes.length);
    return bytes;
  }
}
