package com.example.jsonsecrets;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.credentials.CredentialSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the hub token from a JSON secrets file that a platform mounts into the container (e.g.
 * {@code /run/secrets/app.json} = {@code {"ba_access_token": "ba_...", "db_password": "..."}}).
 *
 * <p>The file is named by {@code BA_SECRETS_FILE} and the key by {@code BA_SECRETS_KEY} (default
 * {@code ba_access_token}). Unset variable, missing file or missing key: absent. A file that is not
 * a JSON object, or a value that is not a token string: {@link CredentialException}. The file is
 * read on every {@link #resolve()}, so a re-mounted secret is seen. Immutable and thread-safe.
 */
public final class JsonSecretsCredentialSource implements CredentialSource {
  public static final String FILE_VARIABLE = "BA_SECRETS_FILE";
  public static final String KEY_VARIABLE = "BA_SECRETS_KEY";
  public static final String DEFAULT_KEY = "ba_access_token";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path file; // null when not configured
  private final String key;

  private JsonSecretsCredentialSource(Path file, String key) {
    this.file = file;
    this.key = key;
  }

  /** Configured from {@code BA_SECRETS_FILE} and {@code BA_SECRETS_KEY} in {@code environment}. */
  public static JsonSecretsCredentialSource fromEnvironment(Map<String, String> environment) {
    String file = environment.get(FILE_VARIABLE);
    String key = environment.get(KEY_VARIABLE);
    return new JsonSecretsCredentialSource(
        file == null || file.isBlank() ? null : Path.of(file.strip()),
        key == null || key.isBlank() ? DEFAULT_KEY : key.strip());
  }

  /** Reads {@code key} of {@code file}. */
  public static JsonSecretsCredentialSource of(Path file, String key) {
    return new JsonSecretsCredentialSource(Objects.requireNonNull(file, "file"), Objects.requireNonNull(key, "key"));
  }

  @Override
  public Optional<AccessToken> resolve() {
    if (file == null) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (JsonProcessingException e) {
      // Jackson's message may quote the file's content: keep the position only.
      throw new CredentialException(describe(), "The secrets file " + file + " is not valid JSON (line "
          + e.getLocation().getLineNr() + "). Fix the file or unset " + FILE_VARIABLE + ".");
    } catch (IOException e) {
      throw new CredentialException(describe(), "The secrets file " + file + " cannot be read ("
          + e.getClass().getSimpleName() + "). Check its permissions or unset " + FILE_VARIABLE + ".");
    }
    if (root == null || !root.isObject()) {
      throw new CredentialException(describe(), "The secrets file " + file + " is not a JSON object."
          + " Write {\"" + key + "\": \"<token>\"} into it.");
    }
    JsonNode value = root.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual() || value.textValue().isBlank()) {
      throw new CredentialException(describe(), "The key '" + key + "' of " + file
          + " does not hold a token string. Store the access token as a string.");
    }
    try {
      return Optional.of(AccessToken.of(value.textValue()));
    } catch (IllegalArgumentException e) {
      throw new CredentialException(describe(), "The key '" + key + "' of " + file + " is not an access token: "
          + e.getMessage() + ".");
    }
  }

  @Override
  public String describe() {
    return file == null
        ? "JSON secrets file (not configured: set " + FILE_VARIABLE + ")"
        : "JSON secrets file " + file + " key '" + key + "'";
  }

  @Override
  public String toString() {
    return "JsonSecretsCredentialSource[" + describe() + "]";
  }
}
