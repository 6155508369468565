package ai.boinc.transformers.templates.internal;

import ai.boinc.transformers.templates.RaiseExceptionError;
import ai.boinc.transformers.templates.TemplateLimitException;
import ai.boinc.transformers.templates.TemplateRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A statement of the template: writes to the output and tells whether a loop must break or continue. */
abstract class Stmt {
  static final int NORMAL = 0;
  static final int BREAK = 1;
  static final int CONTINUE = 2;

  final int line;

  Stmt(int line) {
    this.line = line;
  }

  abstract int render(Renderer r, Scope s, StringBuilder out);

  abstract void collectNames(Set<String> names);

  /** Statements in order; a failure gets the line of the innermost statement that failed. */
  static final class Body extends Stmt {
    final Stmt[] statements;

    Body(int line, List<Stmt> statements) {
      super(line);
      this.statements = statements.toArray(new Stmt[0]);
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      for (Stmt st : statements) {
        int signal;
        try {
          signal = st.render(r, s, out);
        } catch (PyError e) {
          if (Globals.RAISE.equals(e.type)) {
            throw new RaiseExceptionError(e.getMessage(), st.line);
          }
          throw new TemplateRuntimeException(e.type, e.getMessage(), st.line);
        } catch (TemplateLimitException e) {
          if (e.line() == 0) {
            throw new TemplateLimitException(e.getMessage() + " (template line " + st.line + ")", st.line);
          }
          throw e;
        }
        if (signal != NORMAL) {
          return signal;
        }
      }
      return NORMAL;
    }

    @Override
    void collectNames(Set<String> names) {
      for (Stmt st : statements) {
        st.collectNames(names);
      }
    }
  }

  static final class Text extends Stmt {
    final String text;

    Text(int line, String text) {
      super(line);
      this.text = text;
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      out.append(text);
      r.checkLength(out.length());
      return NORMAL;
    }

    @Override
    void collectNames(Set<String> names) {}
  }

  static final class Output extends Stmt {
    final Expr expr;
    /** HTML-escape the value ({@code autoescape}), unless it went through {@code |safe}. */
    final boolean escape;

    Output(int line, Expr expr, boolean escape) {
      super(line);
      this.expr = expr;
      this.escape = escape && !(expr instanceof Expr.Filter && ((Expr.Filter) expr).name.equals("safe"));
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      if (escape) {
        out.append(Filters.html(Values.str(expr.eval(r, s))));
      } else {
        Values.appendStr(out, expr.eval(r, s));
      }
      r.checkLength(out.length());
      return NORMAL;
    }

    @Override
    void collectNames(Set<String> names) {
      expr.collectNames(names);
    }
  }

  static final class If extends Stmt {
    final List<Expr> tests;
    final List<Body> bodies;
    final Body otherwise;

    If(int line, List<Expr> tests, List<Body> bodies, Body otherwise) {
      super(line);
      this.tests = tests;
      this.bodies = bodies;
      this.otherwise = otherwise;
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      for (int i = 0; i < tests.size(); i++) {
        if (Values.truthy(tests.get(i).eval(r, s))) {
          return bodies.get(i).render(r, s, out);
        }
      }
      return otherwise == null ? NORMAL : otherwise.render(r, s, out);
    }

    @Override
    void collectNames(Set<String> names) {
      Expr.collect(names, tests);
      for (Body b : bodies) {
        b.collectNames(names);
      }
      if (otherwise != null) {
        otherwise.collectNames(names);
      }
    }
  }

  static final class For extends Stmt {
    final Target target;
    final Expr iterable;
    final Expr filter;
    final Body body;
    final Body otherwise;
    final boolean recursive;
    final boolean usesLoop;

    For(int line, Target target, Expr iterable, Expr filter, Body body, Body otherwise, boolean recursive) {
      super(line);
      this.target = target;
      this.iterable = iterable;
      this.filter = filter;
      this.body = body;
      this.otherwise = otherwise;
      this.recursive = recursive;
      java.util.Set<String> names = new java.util.HashSet<>();
      body.collectNames(names);
      this.usesLoop = recursive || names.contains("loop");
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      run(r, s, out, iterable.eval(r, s), 0);
      return NORMAL;
    }

    void run(Renderer r, Scope s, StringBuilder out, Object value, int depth0) {
      List<Object> items = Values.iterate(value);
      if (filter != null) {
        List<Object> kept = new ArrayList<>();
        for (Object item : items) {
          r.step(1);
          Scope scope = new Scope(s);
          target.assign(scope, item);
          if (Values.truthy(filter.eval(r, scope))) {
            kept.add(item);
          }
        }
        items = kept;
      }
      if (items.isEmpty()) {
        if (otherwise != null) {
          otherwise.render(r, new Scope(s), out);
        }
        return;
      }
      LoopContext loop = usesLoop ? new LoopContext(items, depth0, this, s) : null;
      for (int i = 0; i < items.size(); i++) {
        r.step(1);
        Scope scope = new Scope(s);
        if (loop != null) {
          loop.index0 = i;
          scope.set("loop", loop);
        }
        target.assign(scope, items.get(i));
        if (body.render(r, scope, out) == BREAK) {
          break;
        }
      }
    }

    @Override
    void collectNames(Set<String> names) {
      iterable.collectNames(names);
      if (filter != null) {
        filter.collectNames(names);
      }
      body.collectNames(names);
      if (otherwise != null) {
        otherwise.collectNames(names);
      }
    }
  }

  static final class Signal extends Stmt {
    final int signal;

    Signal(int line, int signal) {
      super(line);
      this.signal = signal;
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      return signal;
    }

    @Override
    void collectNames(Set<String> names) {}
  }

  static final class Assign extends Stmt {
    final Target target;
    final Expr value;

    Assign(int line, Target target, Expr value) {
      super(line);
      this.target = target;
      this.value = value;
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      target.assign(s, value.eval(r, s));
      return NORMAL;
    }

    @Override
    void collectNames(Set<String> names) {
      value.collectNames(names);
    }
  }

  /** {@code {% set x %}...{% endset %}} and {@code {% set x | filter %}}. */
  static final class AssignBlock extends Stmt {
    final Target target;
    final Expr.Filter filter;
    final Body body;

    AssignBlock(int line, Target target, Expr.Filter filter, Body body) {
      super(line);
      this.target = target;
      this.filter = filter;
      this.body = body;
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      StringBuilder captured = new StringBuilder();
      body.render(r, new Scope(s), captured);
      Object value = captured.toString();
      if (filter != null) {
        value = filter.applyTo(r, s, value);
      }
      target.assign(s, value);
      return NORMAL;
    }

    @Override
    void collectNames(Set<String> names) {
      body.collectNames(names);
      if (filter != null) {
        filter.collectNames(names);
      }
    }
  }

  static final class MacroDef extends Stmt {
    final String name;
    final List<String> params;
    final List<Expr> defaults;
    final Body body;
    final boolean catchVarargs;
    final boolean catchKwargs;
    final boolean usesCaller;

    MacroDef(int line, String name, List<String> params, List<Expr> defaults, Body body) {
      super(line);
      this.name = name;
      this.params = params;
      this.defaults = defaults;
      this.body = body;
      Set<String> names = new java.util.HashSet<>();
      body.collectNames(names);
      Expr.collect(names, defaults);
      this.catchVarargs = names.contains("varargs") && !params.contains("varargs");
      this.catchKwargs = names.contains("kwargs") && !params.contains("kwargs");
      this.usesCaller = names.contains("caller") && !params.contains("caller");
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      s.set(name, new Macro(this, s, null));
      return NORMAL;
    }

    @Override
    void collectNames(Set<String> names) {
      Set<String> inner = new java.util.HashSet<>();
      body.collectNames(inner);
      Expr.collect(inner, defaults);
      inner.removeAll(params);
      names.addAll(inner);
    }
  }

  static final class CallBlock extends Stmt {
    final Expr.Call call;
    final MacroDef caller;

    CallBlock(int line, Expr.Call call, MacroDef caller) {
      super(line);
      this.call = call;
      this.caller = caller;
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      Object callee = call.callee.eval(r, s);
      Args args = call.args.eval(r, s);
      java.util.Map<String, Object> keywords = Args.newKeywords();
      keywords.putAll(args.keywords);
      keywords.put("caller", new Macro(caller, s, null));
      Values.appendStr(out, Ops.call(r, callee, new Args(args.positional, keywords)));
      r.checkLength(out.length());
      return NORMAL;
    }

    @Override
    void collectNames(Set<String> names) {
      call.collectNames(names);
      caller.collectNames(names);
    }
  }

  static final class FilterBlock extends Stmt {
    final Expr.Filter filter;
    final Body body;

    FilterBlock(int line, Expr.Filter filter, Body body) {
      super(line);
      this.filter = filter;
      this.body = body;
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      StringBuilder captured = new StringBuilder();
      body.render(r, new Scope(s), captured);
      Values.appendStr(out, filter.applyTo(r, s, captured.toString()));
      r.checkLength(out.length());
      return NORMAL;
    }

    @Override
    void collectNames(Set<String> names) {
      filter.collectNames(names);
      body.collectNames(names);
    }
  }

  /** {@code with}, {@code block}, {@code generation}, {@code autoescape}: a body, maybe in a scope of its own. */
  static final class Scoped extends Stmt {
    final List<Target> targets;
    final List<Expr> values;
    final Body body;
    final boolean newScope;

    Scoped(int line, List<Target> targets, List<Expr> values, Body body, boolean newScope) {
      super(line);
      this.targets = targets;
      this.values = values;
      this.body = body;
      this.newScope = newScope;
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      Scope scope = newScope ? new Scope(s) : s;
      for (int i = 0; i < targets.size(); i++) {
        targets.get(i).assign(scope, values.get(i).eval(r, s));
      }
      return body.render(r, scope, out);
    }

    @Override
    void collectNames(Set<String> names) {
      Expr.collect(names, values);
      body.collectNames(names);
    }
  }

  /** include, import, extends: there is no template loader, as in transformers. */
  static final class NeedsLoader extends Stmt {
    NeedsLoader(int line) {
      super(line);
    }

    @Override
    int render(Renderer r, Scope s, StringBuilder out) {
      throw PyError.typeError("no loader for this environment specified");
    }

    @Override
    void collectNames(Set<String> names) {}
  }
}
