package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.RepoType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DownloadProgressTest {
  private final StringWriter text = new StringWriter();
  private long now = TimeUnit.SECONDS.toNanos(100);

  private DownloadProgress progress(DownloadProgress.Mode mode, int width) {
    return new DownloadProgress(new PrintWriter(text), mode, width, () -> now);
  }

  private static DownloadEvent event(String file, long done, long total) {
    return new DownloadEvent(RepoType.MODEL, "acme/m", file, "main", done, total, false);
  }

  private void advanceMillis(long millis) {
    now += TimeUnit.MILLISECONDS.toNanos(millis);
  }

  @Test
  void aBarShowsNamePercentBytesAndRate() {
    DownloadProgress bars = progress(DownloadProgress.Mode.BARS, 80);
    bars.onStart(event("model.bin", 0, 2000));
    advanceMillis(500);
    bars.onProgress(event("model.bin", 1000, 2000));

    assertThat(text.toString()).endsWith("\rmodel.bin  50% [##########----------] 1.0 kB/2.0 kB 2.0 kB/s ETA 0:01");
  }

  @Test
  void theEtaComesFromTheRateOfThisRunNotOfBytesResumedFromAnEarlierOne() {
    DownloadProgress bars = progress(DownloadProgress.Mode.BARS, 100);
    bars.onStart(event("model.bin", 40_000_000, 100_000_000));   // resumed at 40 MB
    advanceMillis(4000);
    bars.onProgress(event("model.bin", 50_000_000, 100_000_000)); // 10 MB in 4 s: 2.5 MB/s, 50 MB left

    assertThat(text.toString()).endsWith("50.0 MB/100.0 MB 2.5 MB/s ETA 0:20");
  }

  @Test
  void durationsReadLikeAClock() {
    assertThat(DownloadProgress.duration(7)).isEqualTo("0:07");
    assertThat(DownloadProgress.duration(754)).isEqualTo("12:34");
    assertThat(DownloadProgress.duration(3723)).isEqualTo("1:02:03");
  }

  @Test
  void redrawsAreThrottled() {
    DownloadProgress bars = progress(DownloadProgress.Mode.BARS, 80);
    bars.onStart(event("model.bin", 0, 1_000_000));
    for (int i = 1; i <= 100; i++) {
      advanceMillis(10);
      bars.onProgress(event("model.bin", i * 1000L, 1_000_000));
    }
    // 1 s of events every 10 ms: the start, then one redraw per 100 ms.
    assertThat(text.toString().chars().filter(c -> c == '\r').count()).isBetween(10L, 11L);
  }

  @Test
  void aFinishedFileLeavesOneLineAndTheNextBarFollows() {
    DownloadProgress bars = progress(DownloadProgress.Mode.BARS, 80);
    bars.onStart(event("a.bin", 0, 100));
    bars.onStart(event("b.bin", 0, 100));
    assertThat(text.toString()).endsWith("a.bin   0% [--------------------] 0 B/100 B (+1 more)");
    advanceMillis(1000);
    bars.onDone(event("a.bin", 100, 100));

    String[] lines = text.toString().split("\n");
    assertThat(lines[0]).endsWith("\rdownloaded a.bin (100 B, 100 B/s)");
    assertThat(lines[1]).startsWith("\rb.bin   0% [");
    bars.onFailed(event("b.bin", 0, 100), new HubException("x", null, null, null));
    bars.finish();
    assertThat(text.toString()).endsWith("\r" + " ".repeat(lines[1].length() - 1) + "\r");
  }

  @Test
  void anUnknownSizeShowsBytesOnlyAndLongNamesKeepTheirEnd() {
    DownloadProgress bars = progress(DownloadProgress.Mode.BARS, 40);
    bars.onStart(event("shards/model-00001-of-00004.safetensors", 0, -1));
    advanceMillis(2000);
    bars.onProgress(event("shards/model-00001-of-00004.safetensors", 4000, -1));

    String line = text.toString().substring(text.toString().lastIndexOf('\r') + 1);
    assertThat(line).isEqualTo("...of-00004.safetensors 4.0 kB 2.0 kB/s").hasSize(39);
    assertThat(DownloadProgress.ellipsize("short", 10)).isEqualTo("short");
  }

  @Test
  void withoutATerminalOnlyFinishedFilesAreListedAndQuietListsNothing() {
    DownloadProgress lines = progress(DownloadProgress.Mode.LINES, 80);
    lines.onStart(event("a.bin", 0, 5000));
    lines.onProgress(event("a.bin", 2500, 5000));
    lines.onDone(event("a.bin", 5000, 5000));
    lines.onDone(new DownloadEvent(RepoType.MODEL, "acme/m", "b.json", "main", 12, 12, true));
    lines.finish();
    assertThat(text.toString()).isEqualTo("downloaded a.bin (5.0 kB)\ncached b.json (12 B)\n");
    assertThat(lines.finished()).isEqualTo(2);

    StringWriter quietText = new StringWriter();
    DownloadProgress quiet = new DownloadProgress(new PrintWriter(quietText), DownloadProgress.Mode.QUIET, 80, () -> 0);
    quiet.onStart(event("a.bin", 0, 5000));
    quiet.onDone(event("a.bin", 5000, 5000));
    quiet.finish();
    assertThat(quietText.toString()).isEmpty();
  }
}
