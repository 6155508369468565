package ai.boinc.transformers.cli;

import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.DownloadListener;
import ai.boinc.transformers.hub.HubException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What {@code ba download} shows while it works, on standard error.
 *
 * <p>On a terminal ({@link Mode#BARS}): one status line redrawn in place with {@code \r} for the
 * file downloading longest (a snapshot fetches several at once; the others are counted as "+N
 * more"), with its name, a bar, percent, bytes done and total, the rate and the time left; redraws are throttled
 * to one per {@link #REDRAW_INTERVAL_NANOS}. Each finished file leaves one line. Plain spaces,
 * not ANSI escapes, erase old text, so any terminal shows it. Otherwise ({@link Mode#LINES}) only
 * the lines of finished files, and nothing at all in {@link Mode#QUIET}.
 *
 * <p>Thread-safe: a snapshot reports from several threads.
 */
final class DownloadProgress implements DownloadListener {
  enum Mode {
    QUIET,
    LINES,
    BARS
  }

  static final long REDRAW_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int BAR_CELLS = 20;

  private final PrintWriter err;
  private final Mode mode;
  private final int width;
  private final LongSupplier nanoTime;
  private final Map<String, Active> active = new LinkedHashMap<>();
  private long lastDraw;
  private boolean drawnOnce;
  private int drawnWidth;
  private int finished;

  DownloadProgress(PrintWriter err, Mode mode, int width, LongSupplier nanoTime) {
    this.err = err;
    this.mode = mode;
    this.width = width;
    this.nanoTime = nanoTime;
  }

  /** Files done so far, downloaded or found in the cache. */
  synchronized int finished() {
    return finished;
  }

  @Override
  public synchronized void onStart(DownloadEvent event) {
    if (event.cached() || mode != Mode.BARS) {
      return;
    }
    active.put(event.filename(), new Active(event, nanoTime.getAsLong()));
    draw(true);
  }

  @Override
  public synchronized void onProgress(DownloadEvent event) {
    if (mode != Mode.BARS) {
      return;
    }
    Active file = active.computeIfAbsent(event.filename(), name -> new Active(event, nanoTime.getAsLong()));
    file.done = event.bytesDone();
    file.total = event.totalBytes().orElse(-1);
    draw(false);
  }

  @Override
  public synchronized void onDone(DownloadEvent event) {
    finished++;
    Active file = active.remove(event.filename());
    if (mode == Mode.QUIET) {
      return;
    }
    clear();
    StringBuilder line = new StringBuilder(event.cached() ? "cached " : "downloaded ")
        .append(event.filename()).append(" (").append(Sizes.human(event.bytesDone()));
    if (mode == Mode.BARS && file != null) {
      String rate = rate(event.bytesDone(), nanoTime.getAsLong() - file.startNanos);
      if (!rate.isEmpty()) {
        line.append(", ").append(rate);
      }
    }
    err.println(line.append(')'));
    draw(true);
  }

  @Override
  public synchronized void onFailed(DownloadEvent event, HubException error) {
    active.remove(event.filename());
    if (mode == Mode.BARS) {
      clear();
      draw(true);
    }
  }

  /** Erases the status line, so that what follows starts on a clean line. */
  synchronized void finish() {
    active.clear();
    clear();
  }

  private void draw(boolean force) {
    if (mode != Mode.BARS) {
      return;
    }
    if (active.isEmpty()) {
      clear();
      return;
    }
    long now = nanoTime.getAsLong();
    if (!force && drawnOnce && now - lastDraw < REDRAW_INTERVAL_NANOS) {
      return;
    }
    Active head = active.values().iterator().next();
    String line = statusLine(head, active.size() - 1, now);
    int length = line.codePointCount(0, line.length());
    err.print("\r" + line + " ".repeat(Math.max(0, drawnWidth - length)));
    err.flush();
    drawnWidth = length;
    lastDraw = now;
    drawnOnce = true;
  }

  private void clear() {
    if (drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }

  /** {@code name  45% [#########-----------] 1.2 MB/2.7 MB 3.4 MB/s ETA 0:01 (+2 more)}, fitted to the width. */
  String statusLine(Active file, int more, long now) {
    StringBuilder right = new StringBuilder();
    if (file.total >= 0) {
      long done = Math.min(file.done, file.total);
      int percent = file.total == 0 ? 100 : (int) (done * 100 / file.total);
      int filled = file.total == 0 ? BAR_CELLS : (int) (done * BAR_CELLS / file.total);
      right.append(String.format(java.util.Locale.ROOT, "%3d%% [", percent))
          .append("#".repeat(filled)).append("-".repeat(BAR_CELLS - filled)).append("] ")
          .append(Sizes.human(file.done)).append('/').append(Sizes.human(file.total));
    } else {
      right.append(Sizes.human(file.done));
    }
    long elapsed = now - file.startNanos;
    long fetched = file.done - file.startDone; // a resumed download's earlier bytes took no time now
    String rate = rate(fetched, elapsed);
    if (!rate.isEmpty()) {
      right.append(' ').append(rate);
      if (file.total > file.done && fetched > 0) {
        long remainingSeconds = (long) Math.ceil((file.total - file.done) * (elapsed / 1e9) / fetched);
        right.append(" ETA ").append(duration(remainingSeconds));
      }
    }
    if (more > 0) {
      right.append(" (+").append(more).append(" more)");
    }
    int room = Math.max(8, width - 1 - right.length() - 1);
    return ellipsize(file.name, room) + " " + right;
  }

  private static String rate(long bytes, long nanos) {
    if (nanos < TimeUnit.MILLISECONDS.toNanos(50)) {
      return "";
    }
    return Sizes.human((long) (bytes * 1e9 / nanos)) + "/s";
  }

  /** {@code 0:07}, {@code 12:34}, {@code 1:02:03}: what a clock shows. */
  static String duration(long seconds) {
    long hours = seconds / 3600;
    long minutes = seconds / 60 % 60;
    long secs = seconds % 60;
    return hours > 0
        ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
        : String.format(java.util.Locale.ROOT, "%d:%02d", minutes, secs);
  }

  /** The end of a long path is the telling part: {@code ...ers/model-00001-of-00004.safetensors}. */
  static String ellipsize(String name, int room) {
    int length = name.codePointCount(0, name.length());
    if (length <= room) {
      return name;
    }
    int keep = Math.max(1, room - 3);
    return "..." + name.substring(name.offsetByCodePoints(0, length - keep));
  }

  /** A file being downloaded. */
  static final class Active {
    final String name;
    final long startNanos;
    /** Bytes already there when the file started (a resumed download). */
    final long startDone;
    long done;
    long total;

    Active(DownloadEvent event, long startNanos) {
      this.name = event.filename();
      this.startNanos = startNanos;
      this.done = event.bytesDone();
      this.startDone = event.bytesDone();
      this.total = event.totalBytes().orElse(-1);
    }
  }
}
