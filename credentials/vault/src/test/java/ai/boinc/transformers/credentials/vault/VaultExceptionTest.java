package ai.boinc.transformers.credentials.vault;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.TransformersException;
import ai.boinc.transformers.credentials.CredentialException;
import org.junit.jupiter.api.Test;

class VaultExceptionTest {
  @Test
  void vaultErrorsAreCredentialErrorsUnderTheSdkRoot() {
    TransformersException sealed = new VaultUnavailableException("HashiCorp Vault", "sealed", "http://127.0.0.1:8200", 503);
    TransformersException missing = new VaultSecretNotFoundException("HashiCorp Vault", "no secret", "http://127.0.0.1:8200", 404);

    assertThat(sealed).isInstanceOf(CredentialException.class);
    assertThat(sealed.isRetryable()).isTrue();
    assertThat(missing.isRetryable()).isFalse();
  }
}
