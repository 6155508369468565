package ai.boinc.transformers.hub;

import java.net.URI;

/**
 * The configured endpoint answered 404 without the hub's {@code X-Error-Code}: what answers there
 * is probably not a hub (a wrong path such as {@code https://host/hf}, a wrong port, a proxy's
 * page), so the message names {@code BA_ENDPOINT} rather than the repository.
 */
public class WrongEndpointException extends HubHttpException {
  private static final long serialVersionUID = 1L;

  private final URI endpoint;

  public WrongEndpointException(String message, String repoId, String filename, String revision, URI endpoint) {
    super(message, repoId, filename, revision, 404);
    this.endpoint = endpoint;
  }

  /** The endpoint that did not behave like a hub. */
  public URI endpoint() {
    return endpoint;
  }
}
