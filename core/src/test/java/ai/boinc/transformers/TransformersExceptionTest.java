package ai.boinc.transformers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.hub.EntryNotFoundException;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.HubUnreachableException;
import org.junit.jupiter.api.Test;

class TransformersExceptionTest {
  @Test
  void coreFamiliesShareTheRootAndSayWhetherARetryCanHelp() {
    HubException unreachable = new HubUnreachableException("down", "acme/m", "config.json", "main");
    HubException missing = new EntryNotFoundException("no such file", "acme/m", "x.json", "main");
    CredentialException broken = new CredentialException("token file /x", "unreadable");

    assertThat(unreachable).isInstanceOf(TransformersException.class);
    assertThat(broken).isInstanceOf(TransformersException.class);
    assertThat(((TransformersException) unreachable).isRetryable()).isTrue();
    assertThat(((TransformersException) missing).isRetryable()).isFalse();
    assertThat(((TransformersException) broken).isRetryable()).isFalse();
  }
}
