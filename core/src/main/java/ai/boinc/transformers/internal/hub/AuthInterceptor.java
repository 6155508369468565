package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.credentials.ResolvedToken;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.hub.InsecureEndpointException;
import java.io.IOException;
import java.util.Optional;

/**
 * Sets the headers of every hop: {@code User-Agent}, {@code Accept-Encoding: identity} (so sizes
 * are real sizes), and {@code Authorization} only when the hop goes to the hub's own origin and no
 * earlier hop of the chain left it. Never sends the token over plain http except to loopback
 * unless that was allowed explicitly.
 */
final class AuthInterceptor implements Interceptor {
  private final Origin hubOrigin;
  private final String userAgent;
  private final boolean allowTokenOverHttp;

  AuthInterceptor(Origin hubOrigin, String userAgent, boolean allowTokenOverHttp) {
    this.hubOrigin = hubOrigin;
    this.userAgent = userAgent;
    this.allowTokenOverHttp = allowTokenOverHttp;
  }

  @Override
  public FetchResponse intercept(Chain chain) throws IOException {
    Call call = chain.call();
    FetchRequest request = chain.request();
    Origin origin = Origin.of(request.uri());
    Optional<ResolvedToken> token = call.ctx.token;
    boolean sendToken = token.isPresent() && call.authAllowed && origin.equals(hubOrigin);
    FetchRequest.Builder builder =
        request.newBuilder()
            .removeHeader("Authorization")
            .header("User-Agent", userAgent)
            .header("Accept-Encoding", "identity");
    if (sendToken) {
      if (!origin.isHttps() && !origin.isLoopback() && !allowTokenOverHttp) {
        FileContext ctx = call.ctx;
        throw new InsecureEndpointException(
            "Refusing to send the access token from " + token.get().source() + " over plain http to " + origin
                + ". Use an https endpoint, or allow it explicitly with Hub.builder().allowTokenOverHttp(true) if"
                + " this network is trusted.",
            ctx.repoId, ctx.filename, ctx.revision);
      }
      builder.header("Authorization", "Bearer " + token.get().token().reveal());
    }
    call.tokenSent = sendToken;
    call.requestsSent++;
    return chain.proceed(builder.build());
  }
}
