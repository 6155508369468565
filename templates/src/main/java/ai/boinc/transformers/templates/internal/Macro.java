package ai.boinc.transformers.templates.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@code {% macro %}} (or the body of a {@code {% call %}}) bound to the scope it was defined in. */
final class Macro implements PyCallable {
  private final Stmt.MacroDef def;
  private final Scope closure;
  private final Macro caller;

  Macro(Stmt.MacroDef def, Scope closure, Macro caller) {
    this.def = def;
    this.closure = closure;
    this.caller = caller;
  }

  @Override
  public String name() {
    return def.name;
  }

  Object attribute(String name) {
    switch (name) {
      case "name":
        return def.name;
      case "arguments":
        return PyTuple.of(def.params);
      case "catch_kwargs":
        return def.catchKwargs;
      case "catch_varargs":
        return def.catchVarargs;
      case "caller":
        return def.usesCaller;
      default:
        return Undefined.attribute(this, name);
    }
  }

  @Override
  public Object call(Renderer r, Args args) {
    r.enterCall();
    try {
      Scope scope = new Scope(closure);
      List<String> params = def.params;
      int n = params.size();
      List<Object> positional = args.positional;
      Map<String, Object> keywords = args.keywords;
      Map<String, Object> extraKeywords = keywords.isEmpty() ? Map.of() : new LinkedHashMap<>(keywords);
      for (int i = 0; i < n; i++) {
        String param = params.get(i);
        Object value;
        if (i < positional.size()) {
          value = positional.get(i);
          if (extraKeywords.containsKey(param)) {
            throw PyError.typeError("macro '" + def.name + "' got multiple values for argument '" + param + "'");
          }
        } else if (extraKeywords.containsKey(param)) {
          value = extraKeywords.remove(param);
        } else if (def.defaults.get(i) != null) {
          value = def.defaults.get(i).eval(r, scope);
        } else {
          value = Undefined.hint("parameter '" + param + "' was not provided");
        }
        scope.set(param, value);
      }
      if (def.usesCaller) {
        Object c = extraKeywords.containsKey("caller") ? extraKeywords.remove("caller") : caller;
        scope.set("caller", c == null ? Undefined.hint("No caller defined") : c);
      }
      if (positional.size() > n) {
        if (!def.catchVarargs) {
          throw PyError.typeError("macro '" + def.name + "' takes not more than " + n + " argument(s)");
        }
        scope.set("varargs", PyTuple.of(new ArrayList<>(positional.subList(n, positional.size()))));
      } else if (def.catchVarargs) {
        scope.set("varargs", new PyTuple());
      }
      if (!extraKeywords.isEmpty() && !def.catchKwargs) {
        throw PyError.typeError("macro '" + def.name + "' takes no keyword argument '"
            + extraKeywords.keySet().iterator().next() + "'");
      }
      if (def.catchKwargs) {
        scope.set("kwargs", new LinkedHashMap<Object, Object>(extraKeywords));
      }
      StringBuilder out = new StringBuilder();
      def.body.render(r, scope, out);
      return out.toString();
    } finally {
      r.exitCall();
    }
  }
}
