package ai.boinc.transformers.templates.internal;

/**
 * Jinja2's default {@code Undefined}: prints as empty, is false, iterates as empty, and raises
 * {@code UndefinedError} (or the sandbox's {@code SecurityError}) on any other use.
 */
final class Undefined {
  static final Object MISSING = new Object();

  private final Object owner;
  private final Object name;
  private final String hint;
  private final boolean unsafe;

  private Undefined(Object owner, Object name, String hint, boolean unsafe) {
    this.owner = owner;
    this.name = name;
    this.hint = hint;
    this.unsafe = unsafe;
  }

  /** A variable that does not exist. */
  static Undefined variable(String name) {
    return new Undefined(MISSING, name, null, false);
  }

  /** An attribute or item that {@code owner} does not have. */
  static Undefined attribute(Object owner, Object name) {
    return new Undefined(owner, name, null, false);
  }

  static Undefined hint(String hint) {
    return new Undefined(MISSING, null, hint, false);
  }

  /** An attribute the immutable sandbox refuses (a list's {@code append}, any {@code __x__}). */
  static Undefined unsafe(Object owner, String name) {
    return new Undefined(owner, name, "access to attribute '" + name + "' of '" + Values.typeName(owner)
        + "' object is unsafe.", true);
  }

  String message() {
    if (hint != null) {
      return hint;
    }
    if (owner == MISSING) {
      return "'" + name + "' is undefined";
    }
    String ownerRepr = owner == null ? "None" : Values.typeName(owner) + " object";
    if (!(name instanceof String)) {
      return ownerRepr + " has no element " + Values.repr(name);
    }
    return "'" + ownerRepr + "' has no attribute " + Values.repr(name);
  }

  /** The error any use other than printing, testing or iterating raises. */
  PyError error() {
    return new PyError(unsafe ? "SecurityError" : "UndefinedError", message());
  }

  @Override
  public String toString() {
    return "";
  }
}
