package ai.boinc.transformers.credentials.vault.internal;

import ai.boinc.transformers.credentials.vault.VaultException;
import ai.boinc.transformers.credentials.vault.VaultResponseException;
import ai.boinc.transformers.credentials.vault.VaultUnavailableException;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.RetryPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One Vault server (address and namespace) spoken to through a {@link FileFetcher}: builds the
 * requests with {@code X-Vault-Request}, {@code X-Vault-Token} and {@code X-Vault-Namespace},
 * reads the small JSON answers, and writes the parts of error messages every caller shares.
 * Thread-safe.
 */
public final class VaultEndpoint {
  private static final int MAX_BODY = 1 << 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final FileFetcher fetcher;
  private final String address;
  private final String namespace;
  private final Duration timeout;
  private final Redactor redactor;
  private final String source;
  private final RetryPolicy retryPolicy;

  public VaultEndpoint(FileFetcher fetcher, String address, String namespace, Duration timeout,
      Redactor redactor, String source, RetryPolicy retryPolicy) {
    this.fetcher = fetcher;
    this.address = address;
    this.namespace = namespace;
    this.timeout = timeout;
    this.redactor = redactor;
    this.source = source;
    this.retryPolicy = retryPolicy;
  }

  public String address() {
    return address;
  }

  public String source() {
    return source;
  }

  Redactor redactor() {
    return redactor;
  }

  /** "Vault at https://vault:8200 (namespace 'team/a')". */
  String where() {
    return "Vault at " + address + (namespace.isEmpty() ? "" : " (namespace '" + namespace + "')");
  }

  /**
   * Sends a request, retried as Vault's own client does ({@link VaultRetries}).
   *
   * @throws VaultUnavailableException if no answer arrived within the retries
   */
  VaultReply send(String apiPath, String query, String token, Map<String, String> body, String operation) {
    return new VaultRetries(retryPolicy, where(), source, address).send(() -> sendOnce(apiPath, query, token, body, operation),
        operation);
  }

  /**
   * Sends one request.
   *
   * @param apiPath the percent-encoded path after {@code /v1/}
   * @param query a raw query without {@code ?}, or null
   * @param token the Vault token, or null for logins
   * @param body a JSON object to POST, or null for a GET
   * @param operation what is being done, for messages ("reading secret 'secret/hub'")
   * @throws VaultUnavailableException if no answer arrived
   */
  private VaultReply sendOnce(String apiPath, String query, String token, Map<String, String> body,
      String operation) {
    URI uri = URI.create(address + "/v1/" + apiPath + (query == null ? "" : "?" + query));
    FetchRequest.Builder request = FetchRequest.newBuilder(uri)
        .header("X-Vault-Request", "true")
        .header("Accept", "application/json")
        .timeout(timeout);
    if (token != null) {
      request.header("X-Vault-Token", token);
    }
    if (!namespace.isEmpty()) {
      request.header("X-Vault-Namespace", namespace);
    }
    if (body != null) {
      byte[] json;
      try {
        json = MAPPER.writeValueAsBytes(body);
      } catch (IOException e) {
        throw new IllegalStateException("cannot encode a map of strings", e);
      }
      request.method("POST").body(json, "application/json");
    }
    try (FetchResponse response = fetcher.fetch(request.build())) {
      byte[] bytes = readBounded(response.body(), operation);
      return new VaultReply(response.status(), response.header("Location"), response.header("Retry-After"), bytes, 1);
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw unreachable(operation, "interrupted", e);
      }
      throw unreachable(operation, "timed out after " + timeout.toSeconds() + " s", e);
    } catch (IOException e) {
      throw unreachable(operation, e.getClass().getSimpleName() + ": " + redactor.scrub(e.getMessage()), e);
    }
  }

  private byte[] readBounded(InputStream in, String operation) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new IOException("the answer is larger than " + MAX_BODY + " bytes");
    }
    return bytes;
  }

  private VaultUnavailableException unreachable(String operation, String why, IOException cause) {
    // The cause's message is scrubbed above; keep its type and stack, not its text.
    IOException safe = new IOException(cause.getClass().getName());
    safe.setStackTrace(cause.getStackTrace());
    return new VaultUnavailableException(source, "Could not reach " + where() + " while " + operation
        + " (" + why + "). Check that VAULT_ADDR names the running Vault server and that this host"
        + " can connect to it; retry later if it is restarting.", address, 0, safe);
  }

  /** "HTTP 403: permission denied" with Vault's error strings, scrubbed. */
  String summary(VaultReply reply) {
    List<String> errors = reply.errors();
    String text = errors.stream().map(redactor::scrub).collect(Collectors.joining("; "));
    return "HTTP " + reply.status + (text.isEmpty() ? "" : ": " + text);
  }

  /**
   * The error for an answer the caller has no special meaning for: 5xx, 429 and 412 are
   * unavailability (each named as Vault's API documentation defines it), a redirect or anything
   * else an unexpected answer.
   */
  VaultException unexpected(VaultReply reply, String operation) {
    int status = reply.status;
    if (status >= 500 || status == 429 || status == 412) {
      String tries = reply.attempts > 1 ? " after " + reply.attempts + " attempts" : "";
      return new VaultUnavailableException(source, where() + " " + VaultStatuses.meaning(status) + " while "
          + operation + " (" + summary(reply) + tries + "). " + VaultStatuses.advice(status, reply.retryAfter),
          address, status);
    }
    if (status >= 300 && status < 400) {
      return new VaultResponseException(source, where() + " answered " + operation + " with a redirect (HTTP "
          + status + reply.location.map(l -> " to " + redactor.scrub(l)).orElse("") + "), which the SDK does not"
          + " follow with a Vault token. Set VAULT_ADDR to the address of the active Vault node.", address, status);
    }
    return new VaultResponseException(source, where() + " answered " + operation + " with an unexpected "
        + summary(reply) + ". Check the Vault address, mount and path settings.", address, status);
  }

  /** The error for a success answer that is not JSON or not of the expected shape. */
  VaultResponseException malformed(VaultReply reply, String operation, String problem) {
    return new VaultResponseException(source, where() + " answered " + operation + " (HTTP " + reply.status
        + ") with " + problem + ". Check that VAULT_ADDR points at Vault itself, not at a proxy or another"
        + " service, and that the mount is the kind of secrets engine configured.", address, reply.status);
  }

  /** The JSON object of a success answer, or the matching error. */
  JsonNode body(VaultReply reply, String operation) {
    if (reply.json().isEmpty()) {
      throw malformed(reply, operation, reply.parseProblem());
    }
    JsonNode root = reply.json().get();
    if (!root.isObject()) {
      throw wrongShape(reply, operation, "a JSON object at $", root);
    }
    return root;
  }

  /**
   * The error for a success answer whose JSON lacks what the SDK needs: it names the JSON path and
   * the types expected and found, never a value.
   *
   * @param expected "an object at $.data"
   */
  VaultResponseException wrongShape(VaultReply reply, String operation, String expected, JsonNode found) {
    return malformed(reply, operation, "JSON of the wrong shape: expected " + expected + " but found " + kind(found));
  }

  /** "an array", "null", "a string", ...: the type of a node for messages, never its value. */
  static String kind(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    switch (node.getNodeType()) {
      case ARRAY:
        return "an array";
      case OBJECT:
        return "an object";
      case STRING:
        return "a string";
      case NUMBER:
        return "a number";
      case BOOLEAN:
        return "a boolean";
      case NULL:
        return "null";
      default:
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Percent-encodes each segment of a slash-separated Vault path. */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    return out.toString();
  }
}
