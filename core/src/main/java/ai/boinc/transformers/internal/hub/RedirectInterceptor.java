package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.hub.HubException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Follows redirects here, never in the transport: at most {@value #MAX_REDIRECTS} hops, never from
 * https to http, and once a hop leaves the hub's origin the token stays off for the rest of the
 * chain (a hop back does not bring it back). Relative redirects (renamed repositories, the
 * resolve-cache hop) stay on the hub's origin and keep the token. Metadata requests ({@link
 * Call#sameOriginOnly}) return a cross-origin redirect as it is: its headers are the answer.
 */
final class RedirectInterceptor implements Interceptor {
  static final int MAX_REDIRECTS = 10;

  private final Origin hubOrigin;

  RedirectInterceptor(Origin hubOrigin) {
    this.hubOrigin = hubOrigin;
  }

  @Override
  public FetchResponse intercept(Chain chain) throws IOException {
    Call call = chain.call();
    FileContext ctx = call.ctx;
    call.authAllowed = Origin.of(chain.request().uri()).equals(hubOrigin);
    FetchRequest request = chain.request();
    for (int hop = 0; ; hop++) {
      FetchResponse response = chain.proceed(request);
      if (!response.isRedirect()) {
        return response;
      }
      String location = response.header("Location").orElse(null);
      if (location == null) {
        return response;
      }
      URI current = request.uri();
      URI next;
      try {
        next = current.resolve(new URI(location.trim()));
      } catch (URISyntaxException | IllegalArgumentException e) {
        response.close();
        throw new HubException(
            "The hub redirected to an invalid location while fetching " + ctx.describe() + ".",
            ctx.repoId, ctx.filename, ctx.revision);
      }
      if (next.getScheme() == null
          || !(next.getScheme().equalsIgnoreCase("http") || next.getScheme().equalsIgnoreCase("https"))
          || next.getHost() == null) {
        response.close();
        throw new HubException(
            "The hub redirected to a location that is not an http(s) URL while fetching " + ctx.describe() + ".",
            ctx.repoId, ctx.filename, ctx.revision);
      }
      Origin origin = Origin.of(current);
      Origin nextOrigin = Origin.of(next);
      if (call.sameOriginOnly && !nextOrigin.equals(origin)) {
        return response;
      }
      response.close();
      if (origin.isHttps() && !nextOrigin.isHttps()) {
        throw new HubException(
            "Refusing a redirect from https to plain http (" + nextOrigin + ") while fetching " + ctx.describe()
                + "; the hub or a proxy is misconfigured.",
            ctx.repoId, ctx.filename, ctx.revision);
      }
      if (hop + 1 >= MAX_REDIRECTS) {
        throw new HubException(
            "More than " + MAX_REDIRECTS + " redirects while fetching " + ctx.describe()
                + "; the hub or a proxy is misconfigured.",
            ctx.repoId, ctx.filename, ctx.revision);
      }
      if (!nextOrigin.equals(hubOrigin)) {
        call.authAllowed = false;
      }
      request = request.newBuilder().uri(next).removeHeader("Authorization").build();
    }
  }
}
