package ai.boinc.transformers.it.engine;

import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.transport.jdk.JdkFileFetcher;
import ai.boinc.transformers.transport.okhttp.OkHttpFileFetcher;
import java.net.URI;
import java.nio.file.Paths;

/**
 * The process {@link ResumeSoakTest} kills: downloads one file into a cache and prints its path.
 * Arguments: endpoint, cache folder, repo id, file, transport ({@code jdk} or {@code okhttp}).
 */
public final class SoakDownloadMain {
  private SoakDownloadMain() {}

  public static void main(String[] args) {
    Hub hub = Hub.builder()
        .settings(HubSettings.builder().endpoint(URI.create(args[0])).cacheDir(Paths.get(args[1])).build())
        .fileFetcher(args[4].equals("okhttp") ? OkHttpFileFetcher.create() : JdkFileFetcher.create())
        .credentials(CredentialChain.of())
        .build();
    System.out.println(hub.download(args[2], args[3]));
    System.exit(0);
  }
}
