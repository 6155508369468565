package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.hub.EntryNotFoundException;
import ai.boinc.transformers.hub.GatedRepoException;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.HubHttpException;
import ai.boinc.transformers.hub.InvalidTokenException;
import ai.boinc.transformers.hub.MissingTokenException;
import ai.boinc.transformers.hub.RateLimitedException;
import ai.boinc.transformers.hub.RepositoryNotFoundException;
import ai.boinc.transformers.hub.RevisionNotFoundException;
import ai.boinc.transformers.hub.WrongEndpointException;

/**
 * Turns a hub error response into a typed exception whose message says what happened and what to
 * do. The hub signals the kind in {@code X-Error-Code}; 401 without a code means a bad token.
 */
final class ErrorMapper {
  private ErrorMapper() {}

  static HubException map(FetchResponse response, FileContext ctx, boolean tokenSent) {
    int status = response.status();
    String code = response.header("X-Error-Code").orElse("");
    String serverMessage = ctx.scrub(response.header("X-Error-Message").orElse(""));
    String what = ctx.describe();
    String tokenSource = ctx.token.map(t -> t.source()).orElse("nowhere");

    boolean haveToken = ctx.token.isPresent();
    if (!tokenSent && haveToken && (status == 401 || status == 403)) {
      // The token is never sent off the hub's origin (a CDN, a redirect target): say that,
      // rather than that no token was found.
      return new HubHttpException(
          "The server at " + response.uri().getHost() + " refused " + what + " with HTTP " + status
              + (serverMessage.isEmpty() ? "" : " (" + serverMessage + ")") + ". The access token"
              + " is sent only to the hub at " + ctx.endpoint + ", never to other hosts; check"
              + " BA_ENDPOINT and any proxy between you and the hub.",
          ctx.repoId, ctx.filename, ctx.revision, status);
    }
    if (code.equals("GatedRepo") && status == 401 && !tokenSent) {
      return new GatedRepoException(
          "Repository '" + ctx.repoId + "' is gated: only logged-in accounts that were granted"
              + " access may download " + what + ".\nRequest access at " + ctx.repoPage() + "; then, with"
              + " the approved account, " + NoTokenHint.nextStep() + "." + NoTokenHint.tail(ctx.credentialSources),
          ctx.repoId, ctx.filename, ctx.revision, ctx.repoPage(), false);
    }
    if (code.equals("GatedRepo") && status == 403 && tokenSent) {
      return new GatedRepoException(
          "Repository '" + ctx.repoId + "' is gated and the account of the access token from "
              + tokenSource + " has not been granted access to it (yet), so " + what + " cannot be"
              + " downloaded. Request access at " + ctx.repoPage() + " and wait for approval, or"
              + " use a token of an approved account.",
          ctx.repoId, ctx.filename, ctx.revision, ctx.repoPage(), true);
    }
    if (status == 401 && tokenSent && !code.equals("RepoNotFound")) {
      return new InvalidTokenException(
          "The hub rejected the access token from " + tokenSource + " while fetching " + what
              + (serverMessage.isEmpty() ? "" : " (" + serverMessage + ")")
              + ": it is malformed, expired or revoked. Create a new access token in your hub"
              + " account settings and update " + tokenSource + ".",
          ctx.repoId, ctx.filename, ctx.revision);
    }
    if (status == 401 || (status == 404 && code.equals("RepoNotFound"))) {
      if (!tokenSent) {
        return new MissingTokenException(
            "Repository '" + ctx.repoId + "' was not found, or it is private and needs an access"
                + " token to fetch " + what + ".\nIf it is private, " + NoTokenHint.nextStep()
                + "; otherwise check the repository id." + NoTokenHint.tail(ctx.credentialSources),
            ctx.repoId, ctx.filename, ctx.revision);
      }
      return new RepositoryNotFoundException(
          "Repository '" + ctx.repoId + "' was not found, or it is private and the access token"
              + " from " + tokenSource + " cannot read it, so " + what + " cannot be downloaded."
              + " Check the repository id and that the token's account has access to "
              + ctx.repoPage() + ".",
          ctx.repoId, ctx.filename, ctx.revision);
    }
    if (status == 404 && code.equals("RevisionNotFound")) {
      return new RevisionNotFoundException(
          "Revision '" + ctx.revision + "' does not exist in repository '" + ctx.repoId
              + "'. Check the branch, tag or commit name (see " + ctx.repoPage() + ").",
          ctx.repoId, ctx.filename, ctx.revision);
    }
    if (status == 404 && code.equals("EntryNotFound")) {
      return new EntryNotFoundException(
          "File '" + ctx.filename + "' does not exist in repository '" + ctx.repoId
              + "' at revision '" + ctx.revision + "'. Check the path (it is case-sensitive)"
              + " and the revision.",
          ctx.repoId, ctx.filename, ctx.revision);
    }
    if (status == 404 && code.isEmpty() && Origin.of(response.uri()).equals(Origin.of(ctx.endpoint))) {
      // Every hub 404 names its kind (RepoNotFound, RevisionNotFound, EntryNotFound).
      return new WrongEndpointException(
          "The server at " + ctx.endpoint + " answered HTTP 404 to " + response.uri().getRawPath() + " (for " + what
              + ") without the error code a hub sends: BA_ENDPOINT probably does not point at a hub (a wrong path"
              + " or port?). Set BA_ENDPOINT to the hub's root URL, e.g. https://huggingface.co.",
          ctx.repoId, ctx.filename, ctx.revision, ctx.endpoint);
    }
    if (status == 429) {
      java.util.Optional<java.time.Duration> wait = RetryAfter.parse(response.headers());
      return new RateLimitedException(
          "The hub is rate limiting requests (HTTP 429) and still refused " + what + " after the retries of"
              + " the retry policy." + wait.map(d -> " It asked to wait " + d.getSeconds() + " s;").orElse("")
              + " wait a little and try again, or make fewer requests (e.g. download a snapshot once and"
              + " use BA_HUB_OFFLINE=1 afterwards).",
          ctx.repoId, ctx.filename, ctx.revision, wait.orElse(null));
    }
    String advice;
    if (status == 403) {
      advice = haveToken
          ? " Make sure the access token from " + tokenSource + " has the permissions this needs."
          : " Set BA_ACCESS_TOKEN to an access token that may read it.";
    } else if (status >= 500) {
      advice = " The hub had a problem; try again later.";
    } else {
      advice = "";
    }
    return new HubHttpException(
        "The hub answered HTTP " + status
            + (serverMessage.isEmpty() ? "" : " (" + serverMessage + ")")
            + " for " + what + "." + advice,
        ctx.repoId, ctx.filename, ctx.revision, status);
  }
}
