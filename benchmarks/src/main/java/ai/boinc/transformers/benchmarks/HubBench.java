package ai.boinc.transformers.benchmarks;

import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.transport.jdk.JdkFileFetcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the download benchmarks share: a {@link Hub} on a {@link LocalHub}, temp folders. */
final class HubBench {
  private HubBench() {}

  /** A hub client of {@code local} with its own cache, no credentials, JDK transport. */
  static Hub hub(LocalHub local, Path cacheDir, int snapshotWorkers) {
    return Hub.builder()
        .settings(HubSettings.builder().endpoint(local.endpoint()).cacheDir(cacheDir).build())
        .fileFetcher(JdkFileFetcher.create())
        .credentials(CredentialSource.none())
        .snapshotWorkers(snapshotWorkers)
        .build();
  }

  /**
   * Makes the hub hash a virtual LFS file now (a HEAD of its resolve URL answers its sha256), so
   * that the hashing (about 2.3 s/GiB) is not part of a measured download.
   */
  static void resolveOnce(LocalHub local, String repoId, String path) {
    try {
      HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
      HttpRequest head =
          HttpRequest.newBuilder(local.resolveUri(repoId, path))
              .method("HEAD", HttpRequest.BodyPublishers.noBody())
              .build();
      HttpResponse<Void> response = client.send(head, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() >= 400) {
        throw new IllegalStateException("HEAD " + head.uri() + ": " + response.statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A new empty folder under {@code java.io.tmpdir}. */
  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new empty folder under {@code parent}. */
  static Path tempDir(Path parent, String prefix) {
    try {
      return Files.createTempDirectory(parent, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a folder tree (or file); nothing when {@code path} is null or gone. */
  static void delete(Path path) {
    if (path == null || !Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
