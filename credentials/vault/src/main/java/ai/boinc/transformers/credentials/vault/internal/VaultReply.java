package ai.boinc.transformers.credentials.vault.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One answer from Vault: status, the body bytes, and the body as JSON when it is JSON. */
final class VaultReply {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  final int status;
  final Optional<String> location;
  /** The wait a {@code Retry-After: <seconds>} header asked for. */
  final Optional<java.time.Duration> retryAfter;
  /** How many requests it took to get this answer (retries included). */
  final int attempts;
  private final byte[] body;
  private JsonNode json;
  private String parseProblem;

  VaultReply(int status, Optional<String> location, byte[] body) {
    this(status, location, Optional.empty(), body, 1);
  }

  VaultReply(int status, Optional<String> location, Optional<String> retryAfter, byte[] body, int attempts) {
    this.status = status;
    this.location = location;
    this.retryAfter = retryAfter.map(String::trim).filter(v -> v.matches("\\d{1,6}"))
        .map(v -> java.time.Duration.ofSeconds(Long.parseLong(v)));
    this.attempts = attempts;
    this.body = body;
    parse();
  }

  /** The same answer, counted as the result of {@code attempts} requests. */
  VaultReply afterAttempts(int attempts) {
    return new VaultReply(status, location, retryAfter.map(d -> Long.toString(d.getSeconds())), body, attempts);
  }

  private void parse() {
    if (body.length == 0) {
      parseProblem = "an empty body";
      return;
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        parseProblem = "an empty body";
      } else {
        json = node;
      }
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the offending text, which could be a secret: keep the location only.
      JsonLocation where = e.getLocation();
      parseProblem = where == null
          ? "a body that is not JSON"
          : "a body that is not JSON (error at line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    } catch (IOException | RuntimeException e) {
      parseProblem = "a body that is not JSON";
    }
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The parsed body, or empty when it is not JSON. */
  Optional<JsonNode> json() {
    return Optional.ofNullable(json);
  }

  /** What is wrong with a body that is not JSON, e.g. "an empty body". */
  String parseProblem() {
    return parseProblem;
  }

  /** The {@code errors} strings of Vault's error envelope; empty when there are none. */
  List<String> errors() {
    return strings("errors");
  }

  List<String> warnings() {
    return strings("warnings");
  }

  /** The strings of the array member {@code name} of the answer; other elements are skipped. */
  private List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    JsonNode array = json == null ? null : json.path(name);
    if (array != null && array.isArray()) {
      for (JsonNode item : array) {
        if (item.isTextual()) {
          out.add(item.textValue());
        }
      }
    }
    return out;
  }
}
