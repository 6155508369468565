package ai.boinc.transformers.templates.internal;

/** A named function a template can call: a global, or a method of {@code loop} or a cycler. */
final class Function implements PyCallable {
  interface Body {
    Object call(Renderer r, Args args);
  }

  private final String name;
  private final Body body;

  Function(String name, Body body) {
    this.name = name;
    this.body = body;
  }

  @Override
  public Object call(Renderer renderer, Args args) {
    return body.call(renderer, args);
  }

  @Override
  public String name() {
    return name;
  }
}
