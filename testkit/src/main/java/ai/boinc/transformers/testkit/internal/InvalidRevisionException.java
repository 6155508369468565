package ai.boinc.transformers.testkit.internal;

/**
 * A revision in a request path that is not valid percent-encoding; {@link Router} answers it with
 * the hub's 400, whichever route found it.
 */
final class InvalidRevisionException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidRevisionException(IllegalArgumentException cause) {
    super(cause.getMessage(), cause);
  }
}
