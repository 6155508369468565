package ai.boinc.transformers.examples;

import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.DownloadListener;
import ai.boinc.transformers.hub.Hub;
import java.nio.file.Path;
import java.util.List;

/**
 * Downloads the JSON files of a repository (a snapshot filtered by patterns), reporting each
 * file's progress. The listener is called from the download threads, so it only prints whole
 * lines.
 */
public final class SnapshotWithProgressExample {
  private SnapshotWithProgressExample() {}

  public static void main(String[] args) {
    String repo = args.length > 0 ? args[0] : "meta-llama/Llama-2-7b-ba";

    DownloadListener progress = new DownloadListener() {
      @Override
      public void onStart(DownloadEvent e) {
        System.out.println("start " + e.filename() + e.totalBytes().stream().mapToObj(n -> " (" + n + " bytes)").findFirst().orElse(""));
      }

      @Override
      public void onDone(DownloadEvent e) {
        System.out.println((e.cached() ? "cached " : "done ") + e.filename() + " " + e.bytesDone() + " bytes");
      }
    };

    Hub hub = Hub.builder().listener(progress).snapshotWorkers(4).build();
    Path snapshot = hub.snapshot(repo, "main", List.of("*.json"), List.of());

    System.out.println("snapshot: " + snapshot);
  }
}
