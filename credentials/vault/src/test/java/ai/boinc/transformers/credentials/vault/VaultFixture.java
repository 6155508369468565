package ai.boinc.transformers.credentials.vault;

import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.testkit.LocalVault;
import ai.boinc.transformers.transport.jdk.JdkFileFetcher;
import ai.boinc.transformers.transport.okhttp.OkHttpFileFetcher;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A LocalVault plus a fetcher that remembers what the SDK sent, for one test. */
final class VaultFixture implements AutoCloseable {
  final LocalVault vault = LocalVault.start();
  final List<FetchRequest> sent = new CopyOnWriteArrayList<>();
  final FileFetcher fetcher = new FileFetcher() {
    private final FileFetcher delegate = "okhttp".equals(System.getProperty("vault.transport"))
        ? OkHttpFileFetcher.create()
        : JdkFileFetcher.create();

    @Override
    public FetchResponse fetch(FetchRequest request) throws IOException {
      sent.add(request);
      return delegate.fetch(request);
    }
  };

  /** The waits between retries, recorded instead of slept. */
  final List<java.time.Duration> waits = new CopyOnWriteArrayList<>();

  /** A builder aimed at the emulator, on its clock, with the default retries recorded instead of slept. */
  VaultCredentialSource.Builder builder() {
    return VaultCredentialSource.builder()
        .fileFetcher(fetcher)
        .address(vault.address())
        .clock(vault.clock())
        .retryPolicy(VaultCredentialSource.DEFAULT_RETRIES.toBuilder().sleeper(waits::add).build());
  }

  long count(String apiPath) {
    return vault.requests(apiPath).size();
  }

  @Override
  public void close() {
    vault.close();
  }
}
