package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.DownloadEvent;
import ai.boinc.transformers.hub.DownloadListener;
import ai.boinc.transformers.hub.HubException;
import java.lang.System.Logger.Level;

/** Calls the user's listener, so that a listener that throws cannot break a download. */
final class SafeListener {
  private static final System.Logger LOG = System.getLogger("ai.boinc.transformers.hub");

  private final DownloadListener listener;

  SafeListener(DownloadListener listener) {
    this.listener = listener;
  }

  void start(DownloadEvent e) {
    try {
      listener.onStart(e);
    } catch (RuntimeException ex) {
      log(ex);
    }
  }

  void progress(DownloadEvent e) {
    try {
      listener.onProgress(e);
    } catch (RuntimeException ex) {
      log(ex);
    }
  }

  void done(DownloadEvent e) {
    try {
      listener.onDone(e);
    } catch (RuntimeException ex) {
      log(ex);
    }
  }

  void failed(DownloadEvent e, HubException error) {
    try {
      listener.onFailed(e, error);
    } catch (RuntimeException ex) {
      log(ex);
    }
  }

  private static void log(RuntimeException ex) {
    LOG.log(Level.WARNING, "a DownloadListener threw " + ex.getClass().getName() + "; ignored", ex);
  }
}
