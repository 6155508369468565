package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import java.io.IOException;

/**
 * One policy step around a request, in okhttp's interceptor shape: look at the request, pass it on
 * with {@link Chain#proceed}, look at the response. Keeps auth, redirects, retries and the offline
 * guard in separate small classes instead of one loop that does everything.
 */
interface Interceptor {
  FetchResponse intercept(Chain chain) throws IOException;

  /** The rest of the pipeline, as seen from one interceptor. */
  interface Chain {
    FetchRequest request();

    /** What the whole exchange is about, and its state shared by the steps. */
    Call call();

    FetchResponse proceed(FetchRequest request) throws IOException;
  }
}
