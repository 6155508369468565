package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.internal.fetch.RequestLog;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Every request of the hub engine goes through this chain, outermost first: offline guard, retry,
 * try count, redirect, auth and headers, then the transport through the request log. Retries wrap whole redirect chains, so a retry
 * starts again at the hub; auth runs on every hop, so the token is decided per origin.
 */
final class Pipeline {
  private final List<Interceptor> interceptors;

  Pipeline(FileFetcher fetcher, URI endpoint, String userAgent, boolean offline, boolean allowTokenOverHttp) {
    this.interceptors =
        List.of(
            new OfflineInterceptor(offline),
            new RetryInterceptor(),
            chain -> {
              chain.call().attempt++; // each pass from the retry step is one try, for the request log
              return chain.proceed(chain.request());
            },
            new RedirectInterceptor(Origin.of(endpoint)),
            new AuthInterceptor(Origin.of(endpoint), userAgent, allowTokenOverHttp),
            chain -> RequestLog.exchange(fetcher, chain.request(), "hub", chain.call().attempt));
  }

  /** Sends {@code request} with the policy; the caller closes the response. */
  FetchResponse execute(FetchRequest request, Call call) throws IOException {
    return new RealChain(0, request, call).proceed(request);
  }

  private final class RealChain implements Interceptor.Chain {
    private final int index;
    private final FetchRequest request;
    private final Call call;

    RealChain(int index, FetchRequest request, Call call) {
      this.index = index;
      this.request = request;
      this.call = call;
    }

    @Override
    public FetchRequest request() {
      return request;
    }

    @Override
    public Call call() {
      return call;
    }

    @Override
    public FetchResponse proceed(FetchRequest next) throws IOException {
      if (index >= interceptors.size()) {
        throw new IllegalStateException("the last interceptor must not proceed");
      }
      return interceptors.get(index).intercept(new RealChain(index + 1, next, call));
    }
  }
}
