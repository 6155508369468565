package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.fetch.FetchResponse;
import ai.boinc.transformers.hub.HubException;
import ai.boinc.transformers.hub.RetryPolicy;
import ai.boinc.transformers.hub.WhoAmI;
import ai.boinc.transformers.json.JsonReader;
import ai.boinc.transformers.json.JsonException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's JSON APIs the engine uses: repo info (commit and file list), the tree listing with
 * {@code Link} paging, and {@code whoami-v2} (hub-protocol.md section 9).
 */
final class RepoApi {
  /** API answers are small; a larger one is not a hub's. */
  private static final int MAX_BODY = 64 * 1024 * 1024;
  private static final int MAX_PAGES = 10_000;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern GIT_SHA1 = Pattern.compile("[0-9a-f]{40}");
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>\\s*;[^,]*rel\\s*=\\s*\"?next\"?");

  private final Pipeline pipeline;
  private final Duration timeout;
  private final RetryPolicy retryPolicy;

  RepoApi(Pipeline pipeline, Duration timeout, RetryPolicy retryPolicy) {
    this.pipeline = pipeline;
    this.timeout = timeout;
    this.retryPolicy = retryPolicy;
  }

  /** The commit a revision resolves to, and the repository's files when the answer lists them. */
  static final class RepoInfo {
    final String sha;
    /** Null when the answer had no {@code siblings}. */
    final List<String> files;
    /** What the listing says about each file's content (ETag and size), where it says enough. */
    final Map<String, Blob> blobs;

    RepoInfo(String sha, List<String> files, Map<String, Blob> blobs) {
      this.sha = sha;
      this.files = files;
      this.blobs = blobs;
    }
  }

  /**
   * A file's content as a listing describes it: the ETag a HEAD would answer (the LFS sha256, else
   * the git blob id) and the size.
   */
  static final class Blob {
    final String etag;
    final long size;

    Blob(String etag, long size) {
      this.etag = etag;
      this.size = size;
    }
  }

  /** Files and blobs of one listing. */
  static final class Listing {
    final List<String> files = new ArrayList<>();
    final Map<String, Blob> blobs = new HashMap<>();
  }

  /** Repo info with {@code blobs=true}, so that each sibling carries its blob id, size and LFS sha256. */
  RepoInfo info(FileContext ctx) throws IOException {
    URI uri = HubUrls.repoInfoWithBlobs(ctx.endpoint, ctx.type, ctx.repoId, ctx.revision);
    Object json = getJson(uri, ctx).json;
    Map<String, Object> info = object(json, ctx, uri);
    Object sha = info.get("sha");
    if (!(sha instanceof String) || !HubNames.isCommitHash((String) sha)) {
      throw malformed(ctx, "a 40-hex 'sha'");
    }
    List<String> files = null;
    Map<String, Blob> blobs = new HashMap<>();
    Object siblings = info.get("siblings");
    if (siblings instanceof List) {
      files = new ArrayList<>();
      for (Object sibling : (List<?>) siblings) {
        if (sibling instanceof Map && ((Map<?, ?>) sibling).get("rfilename") instanceof String) {
          Map<?, ?> s = (Map<?, ?>) sibling;
          String path = (String) s.get("rfilename");
          files.add(path);
          blob(s.get("blobId"), s.get("size"), s.get("lfs"), "sha256").ifPresent(b -> blobs.put(path, b));
        }
      }
    }
    return new RepoInfo((String) sha, files, blobs);
  }

  /**
   * The blob of a listed file: an LFS file's ETag is its sha256 (siblings: {@code lfs.sha256}, tree:
   * {@code lfs.oid}), a git file's its blob id; empty unless both ETag and size are well formed.
   */
  static Optional<Blob> blob(Object blobId, Object size, Object lfs, String lfsHashKey) {
    String etag;
    Object length;
    if (lfs != null) {
      if (!(lfs instanceof Map)) {
        return Optional.empty();
      }
      Map<?, ?> l = (Map<?, ?>) lfs;
      etag = l.get(lfsHashKey) instanceof String ? (String) l.get(lfsHashKey) : null;
      length = l.get("size") != null ? l.get("size") : size;
      if (etag == null || !SHA256.matcher(etag).matches()) {
        return Optional.empty();
      }
    } else {
      etag = blobId instanceof String ? (String) blobId : null;
      length = size;
      if (etag == null || !GIT_SHA1.matcher(etag).matches()) {
        return Optional.empty();
      }
    }
    // The JSON parser gives every integer that fits a long as a Long.
    if (!(length instanceof Long) || (Long) length < 0) {
      return Optional.empty();
    }
    return Optional.of(new Blob(etag, (Long) length));
  }

  /** Every file path at {@code commit}, following {@code Link: <...>; rel="next"}. */
  Listing tree(FileContext ctx, String commit) throws IOException {
    Listing files = new Listing();
    URI next = HubUrls.tree(ctx.endpoint, ctx.type, ctx.repoId, commit);
    for (int page = 0; next != null; page++) {
      if (page >= MAX_PAGES) {
        throw malformed(ctx, "fewer than " + MAX_PAGES + " pages of file listing");
      }
      Page answer = getJson(next, ctx);
      if (!(answer.json instanceof List)) {
        throw malformed(ctx, "a JSON array of tree entries");
      }
      for (Object entry : (List<?>) answer.json) {
        if (entry instanceof Map) {
          Map<?, ?> e = (Map<?, ?>) entry;
          if ("file".equals(e.get("type")) && e.get("path") instanceof String) {
            String path = (String) e.get("path");
            files.files.add(path);
            blob(e.get("oid"), e.get("size"), e.get("lfs"), "oid").ifPresent(b -> files.blobs.put(path, b));
          }
        }
      }
      next = answer.next;
    }
    return files;
  }

  WhoAmI whoami(FileContext ctx) throws IOException {
    URI uri = HubUrls.whoami(ctx.endpoint);
    Map<String, Object> json = object(getJson(uri, ctx).json, ctx, uri);
    Object name = json.get("name");
    if (!(name instanceof String)) {
      throw malformed(ctx, "a 'name'");
    }
    List<String> orgs = new ArrayList<>();
    if (json.get("orgs") instanceof List) {
      for (Object org : (List<?>) json.get("orgs")) {
        if (org instanceof Map && ((Map<?, ?>) org).get("name") instanceof String) {
          orgs.add((String) ((Map<?, ?>) org).get("name"));
        }
      }
    }
    String tokenName = null;
    String tokenRole = null;
    if (json.get("auth") instanceof Map && ((Map<?, ?>) json.get("auth")).get("accessToken") instanceof Map) {
      Map<?, ?> token = (Map<?, ?>) ((Map<?, ?>) json.get("auth")).get("accessToken");
      tokenName = token.get("displayName") instanceof String ? (String) token.get("displayName") : null;
      tokenRole = token.get("role") instanceof String ? (String) token.get("role") : null;
    }
    return new WhoAmI(
        (String) name,
        json.get("type") instanceof String ? (String) json.get("type") : "user",
        json.get("fullname") instanceof String ? (String) json.get("fullname") : null,
        orgs, tokenName, tokenRole);
  }

  private static final class Page {
    final Object json;
    final URI next;

    Page(Object json, URI next) {
      this.json = json;
      this.next = next;
    }
  }

  private Page getJson(URI uri, FileContext ctx) throws IOException {
    Call call = new Call(ctx, timeout, false, retryPolicy);
    FetchRequest request = FetchRequest.newBuilder(uri).header("Accept", "application/json").timeout(timeout).build();
    try (FetchResponse response = pipeline.execute(request, call)) {
      if (!response.isSuccessful()) {
        throw ErrorMapper.map(response, ctx, call.tokenSent);
      }
      String body = read(response.body(), ctx);
      Object json;
      try {
        json = JsonReader.parse(body);
      } catch (JsonException e) {
        throw malformed(ctx, "valid JSON (" + e.getMessage() + ")");
      }
      return new Page(json, nextLink(response, uri).orElse(null));
    }
  }

  static Optional<URI> nextLink(FetchResponse response, URI current) {
    for (String link : response.headers().all("Link")) {
      Matcher m = NEXT_LINK.matcher(link);
      if (m.find()) {
        try {
          return Optional.of(current.resolve(new URI(m.group(1).trim())));
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String read(InputStream in, FileContext ctx) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[16 * 1024];
    int n;
    while ((n = in.read(buffer)) != -1) {
      out.write(buffer, 0, n);
      if (out.size() > MAX_BODY) {
        throw malformed(ctx, "an answer smaller than " + MAX_BODY + " bytes");
      }
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object json, FileContext ctx, URI uri) {
    if (!(json instanceof Map)) {
      throw malformed(ctx, "a JSON object");
    }
    return (Map<String, Object>) json;
  }

  private static HubException malformed(FileContext ctx, String expected) {
    return new HubException(
        "The hub at " + ctx.endpoint + " answered the request for " + ctx.describe() + " without " + expected
            + ". Check BA_ENDPOINT; a proxy may be answering instead of the hub.",
        ctx.repoId, ctx.filename, ctx.revision);
  }
}
