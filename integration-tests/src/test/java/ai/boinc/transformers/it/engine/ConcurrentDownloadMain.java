package ai.boinc.transformers.it.engine;

import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.transport.jdk.JdkFileFetcher;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The other process of {@link ConcurrencyTest}: downloads one file into a shared cache and prints
 * the SHA-256 of what it got. Arguments: endpoint, cache folder, repo id, file.
 */
public final class ConcurrentDownloadMain {
  private ConcurrentDownloadMain() {}

  public static void main(String[] args) throws Exception {
    Hub hub = Hub.builder()
        .settings(HubSettings.builder().endpoint(URI.create(args[0])).cacheDir(Paths.get(args[1])).build())
        .fileFetcher(JdkFileFetcher.create())
        .credentials(CredentialChain.of())
        .build();
    System.out.println("started");
    System.out.flush();
    Path file = hub.download(args[2], args[3]);
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    System.out.println("sha256=" + HexFormat.of().formatHex(digest));
    System.exit(0);
  }
}
