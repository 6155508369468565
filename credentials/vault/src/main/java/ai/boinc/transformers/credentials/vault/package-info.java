/**
 * The HashiCorp Vault credential source: reads the hub access token from a KV secret, logging in
 * with a Vault token, AppRole or Kubernetes, through the SDK's {@link
 * ai.boinc.transformers.fetch.FileFetcher} port. Start with {@link
 * ai.boinc.transformers.credentials.vault.VaultCredentialSource#builder()}, or configure it from the
 * environment through {@link ai.boinc.transformers.credentials.vault.VaultCredentialSourceProvider}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise.
 */
package ai.boinc.transformers.credentials.vault;
