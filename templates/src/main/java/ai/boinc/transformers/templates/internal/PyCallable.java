package ai.boinc.transformers.templates.internal;

/** Something a template can call: a global function, a bound method, a macro, a loop. */
interface PyCallable {
  Object call(Renderer renderer, Args args);

  /** The name Python would print for it. */
  String name();
}
