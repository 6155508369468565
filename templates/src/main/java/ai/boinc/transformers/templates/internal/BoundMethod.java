package ai.boinc.transformers.templates.internal;

/** {@code "text".strip}, {@code dict.items}...: a Python method bound to its value. */
final class BoundMethod implements PyCallable {
  private final Object self;
  private final String method;

  BoundMethod(Object self, String method) {
    this.self = self;
    this.method = method;
  }

  @Override
  public Object call(Renderer renderer, Args args) {
    return Methods.call(renderer, self, method, args);
  }

  @Override
  public String name() {
    return Values.typeName(self) + "." + method;
  }
}
