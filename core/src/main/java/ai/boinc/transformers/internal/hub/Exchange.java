package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.credentials.ResolvedToken;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.fetch.FileFetcher;
import ai.boinc.transformers.hub.HubException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends requests through the transport with the hub's policy: the token goes only to the hub's own
 * origin, redirects are followed here (never by the transport), the token is dropped for good once
 * a redirect leaves the hub's origin, and https never downgrades to http.
 */
final class Exchange {
  static final int MAX_REDIRECTS = 10;

  private final FileFetcher fetcher;
  private final Origin hubOrigin;
  private final String userAgent;

  Exchange(FileFetcher fetcher, URI endpoint, String userAgent) {
    this.fetcher = fetcher;
    this.hubOrigin = Origin.of(endpoint);
    this.userAgent = userAgent;
  }

  /** The outcome of a request and its redirects. */
  static final class Result {
    final FetchResponse response;
    /** Whether the request that produced {@link #response} carried the token. */
    final boolean tokenSent;

    Result(FetchResponse response, boolean tokenSent) {
      this.response = response;
      this.tokenSent = tokenSent;
    }
  }

  /**
   * Sends {@code method uri} and follows redirects. With {@code sameOriginOnly}, a redirect to
   * another origin is not followed and comes back as it is (for metadata requests, whose answer
   * is in the redirect itself).
   */
  Result send(
      String method,
      URI uri,
      Optional<ResolvedToken> token,
      Duration timeout,
      long rangeFrom,
      boolean sameOriginOnly,
      FileContext ctx)
      throws IOException {
    boolean mayAuthenticate = true;
    URI current = uri;
    for (int hop = 0; ; hop++) {
      Origin origin = Origin.of(current);
      boolean sendToken = token.isPresent() && mayAuthenticate && origin.equals(hubOrigin);
      FetchRequest.Builder request =
          FetchRequest.newBuilder(current)
              .method(method)
              .header("User-Agent", userAgent)
              .header("Accept-Encoding", "identity")
              .timeout(timeout);
      if (sendToken) {
        request.header("Authorization", "Bearer " + token.get().token().reveal());
      }
      if (rangeFrom > 0) {
        request.rangeFrom(rangeFrom);
      }
      FetchResponse response = fetcher.fetch(request.build());
      if (!response.isRedirect()) {
        return new Result(response, sendToken);
      }
      String location = response.header("Location").orElse(null);
      if (location == null) {
        return new Result(response, sendToken);
      }
      URI next;
      try {
        next = current.resolve(new URI(location.trim()));
      } catch (java.net.URISyntaxException | IllegalArgumentException e) {
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
            "The hub redirected to a location that is not an http(s) URL while fetching "
                + ctx.describe() + ".",
            ctx.repoId, ctx.filename, ctx.revision);
      }
      Origin nextOrigin = Origin.of(next);
      if (sameOriginOnly && !nextOrigin.equals(origin)) {
        return new Result(response, sendToken);
      }
      response.close();
      if (origin.isHttps() && !nextOrigin.isHttps()) {
        throw new HubException(
            "Refusing a redirect from https to plain http (" + nextOrigin + ") while fetching "
                + ctx.describe() + "; the hub or a proxy is misconfigured.",
            ctx.repoId, ctx.filename, ctx.revision);
      }
      if (hop + 1 >= MAX_REDIRECTS) {
        throw new HubException(
            "More than " + MAX_REDIRECTS + " redirects while fetching " + ctx.describe()
                + "; the hub or a proxy is misconfigured.",
            ctx.repoId, ctx.filename, ctx.revision);
      }
      if (!nextOrigin.equals(hubOrigin)) {
        mayAuthenticate = false;
      }
      current = next;
    }
  }
}
