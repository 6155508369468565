package ai.boinc.transformers.templates.internal;

/**
 * A Python exception raised while rendering ({@code TypeError}, {@code UndefinedError}...); the
 * statement that was running adds its line when it becomes a public exception.
 */
final class PyError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String type;

  PyError(String type, String message) {
    super(message, null, false, false);
    this.type = type;
  }

  static PyError typeError(String message) {
    return new PyError("TypeError", message);
  }

  static PyError valueError(String message) {
    return new PyError("ValueError", message);
  }
}
