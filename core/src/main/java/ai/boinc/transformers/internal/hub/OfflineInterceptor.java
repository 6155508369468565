package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.hub.OfflineCacheMissException;
import java.io.IOException;

/**
 * With {@code BA_HUB_OFFLINE} every request is refused, whatever path led to it (as huggingface_hub
 * enforces offline mode with a request hook). The engine checks the cache before it gets here;
 * this is the guarantee that no request slips out.
 */
final class OfflineInterceptor implements Interceptor {
  private final boolean offline;

  OfflineInterceptor(boolean offline) {
    this.offline = offline;
  }

  @Override
  public FetchResponse intercept(Chain chain) throws IOException {
    if (offline) {
      FileContext ctx = chain.call().ctx;
      throw new OfflineCacheMissException(
          "Offline mode is on (BA_HUB_OFFLINE) and " + ctx.describe() + " is not in the cache, so a request to "
              + chain.request().uri().getHost() + " was refused. Download it once while online, or turn offline"
              + " mode off.",
          ctx.repoId, ctx.filename, ctx.revision);
    }
    return chain.proceed(chain.request());
  }
}
