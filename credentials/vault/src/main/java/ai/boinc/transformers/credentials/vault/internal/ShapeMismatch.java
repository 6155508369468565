package ai.boinc.transformers.credentials.vault.internal;

/**
 * A JSON answer lacks what the SDK needs; the message names the JSON path and the node types
 * expected and found, never a value. Always caught and turned into a typed Vault exception.
 */
final class ShapeMismatch extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ShapeMismatch(String message) {
    super(message, null, false, false);
  }
}
