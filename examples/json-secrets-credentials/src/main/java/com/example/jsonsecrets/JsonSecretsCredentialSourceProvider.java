package com.example.jsonsecrets;

import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.CredentialSourceProvider;
import java.util.Map;

/**
 * Adds the JSON secrets file to the default chain after the SDK's own sources (order 1000), as
 * third parties should unless they mean to run first. Listed in
 * {@code META-INF/services/ai.boinc.transformers.credentials.CredentialSourceProvider}.
 */
public final class JsonSecretsCredentialSourceProvider implements CredentialSourceProvider {
  @Override
  public String id() {
    return "json-secrets";
  }

  @Override
  public int order() {
    return 1000;
  }

  @Override
  public CredentialSource create(Map<String, String> environment) {
    return JsonSecretsCredentialSource.fromEnvironment(environment);
  }
}
