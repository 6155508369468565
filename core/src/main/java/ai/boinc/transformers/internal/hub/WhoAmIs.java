package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.hub.DownloadCancelledException;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.HubUnreachableException;
import ai.boinc.transformers.hub.MissingTokenException;
import ai.boinc.transformers.hub.RepoType;
import ai.boinc.transformers.hub.WhoAmI;
import java.io.IOException;

/** {@code GET /api/whoami-v2}: who the configured token belongs to. */
public final class WhoAmIs {
  private final Downloader downloader;

  public WhoAmIs(Downloader downloader) {
    this.downloader = downloader;
  }

  public WhoAmI whoami() {
    Downloader.Config config = downloader.config();
    FileContext ctx = downloader.context(RepoType.MODEL, null, null, null);
    if (ctx.token.isEmpty()) {
      throw new MissingTokenException(
          "Asking the hub who you are needs an access token: " + NoTokenHint.nextStep() + "."
              + NoTokenHint.tail(ctx.credentialSources),
          null, null, null);
    }
    RepoApi api = new RepoApi(downloader.pipeline, config.settings.metadataTimeout(), config.retryPolicy);
    try {
      return api.whoami(ctx);
    } catch (IOException e) {
      if (Cancellation.isCancellation(e)) {
        Thread.currentThread().interrupt();
        throw new DownloadCancelledException("Asking the hub who you are was interrupted.", null, null, null, e);
      }
      throw new HubUnreachableException(
          "Cannot reach the hub at " + config.settings.endpoint() + ": " + ctx.scrub(FailureReasons.describe(e))
              + ". Asking who the access token belongs to failed. Check that BA_ENDPOINT is right and the network"
              + " is up.",
          null, null, null, e);
    } catch (HubException e) {
      throw e;
    }
  }
}
