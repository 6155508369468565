package ai.boinc.transformers.templates.internal;

import java.util.HashMap;
import java.util.Map;

/**
 * The variables visible at one point of a render: the template's variables at the root, a fresh
 * child for each loop iteration, macro call, {@code with} block and caller body, so a {@code set}
 * there does not leak out (a namespace attribute does, being an object).
 */
final class Scope {
  final Scope parent;
  private Map<String, Object> vars;

  Scope(Scope parent) {
    this.parent = parent;
  }

  Scope(Map<String, Object> vars) {
    this.parent = null;
    this.vars = vars;
  }

  /** The value, or {@link Undefined#MISSING}. */
  Object lookup(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      if (s.vars != null) {
        Object v = s.vars.get(name);
        if (v != null || s.vars.containsKey(name)) {
          return v;
        }
      }
    }
    return Globals.get(name);
  }

  void set(String name, Object value) {
    if (vars == null) {
      vars = new HashMap<>(8);
    }
    vars.put(name, value);
  }
}
