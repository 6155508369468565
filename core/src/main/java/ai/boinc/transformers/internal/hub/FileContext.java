package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.credentials.ResolvedToken;
import ai.boinc.transformers.hub.RepoType;
import java.net.URI;
import java.util.Optional;

/** What one file request is about, carried into error messages. Holds no token text in toString. */
public final class FileContext {
  final URI endpoint;
  final RepoType type;
  final String repoId;
  final String filename;
  final String revision;
  final Optional<ResolvedToken> token;
  /** Where the token was looked for, one {@code "\n  - source"} line each ({@link NoTokenHint}). */
  final String credentialSources;

  public FileContext(
      URI endpoint,
      RepoType type,
      String repoId,
      String filename,
      String revision,
      Optional<ResolvedToken> token,
      String credentialSources) {
    this.endpoint = endpoint;
    this.type = type;
    this.repoId = repoId;
    this.filename = filename;
    this.revision = revision;
    this.token = token;
    this.credentialSources = credentialSources;
  }

  /**
   * "'x' of model 'org/name' at revision 'main'", "the file list of ..." when there is no file,
   * "the account of the access token" when there is no repository.
   */
  String describe() {
    if (repoId == null) {
      return "the account of the access token (/api/whoami-v2)";
    }
    String kind = type == RepoType.MODEL ? "model" : type == RepoType.DATASET ? "dataset" : "space";
    String what = filename == null ? "the file list" : "'" + filename + "'";
    return what + " of " + kind + " '" + repoId + "' at revision '" + revision + "'";
  }

  URI repoPage() {
    return repoId == null ? endpoint : HubUrls.repoPage(endpoint, type, repoId);
  }

  /** Server-provided text with any occurrence of our token removed, in case a server echoes it. */
  String scrub(String text) {
    if (text == null) {
      return "";
    }
    if (token.isPresent()) {
      String secret = token.get().token().reveal();
      text = text.replace(secret, "[redacted]");
    }
    // Signed URLs (CDN) carry their signature in the query: never repeat one.
    text = text.replaceAll("(https?://[^\\s?#]*)\\?[^\\s)\"']*", "$1?[query removed]");
    return text.length() > 300 ? text.substring(0, 300) + "..." : text;
  }

  @Override
  public String toString() {
    return "FileContext{" + describe() + "}";
  }
}
