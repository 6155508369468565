package ai.boinc.transformers.templates.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An expression of the template: evaluates to a value of the model {@link Values} describes. */
abstract class Expr {
  final int line;

  Expr(int line) {
    this.line = line;
  }

  abstract Object eval(Renderer r, Scope s);

  /** Names this expression reads (a macro takes varargs/kwargs/caller only if its body reads them). */
  void collectNames(java.util.Set<String> names) {}

  /**
   * An unknown filter or test reached at run time; the parser refuses one outside an {@code if}
   * branch or conditional expression, as Jinja2's compiler does.
   */
  static PyError unknown(String kind, String name) {
    return new PyError("TemplateRuntimeError", "No " + kind + " named '" + name + "' found.");
  }

  static void collect(java.util.Set<String> names, List<? extends Expr> exprs) {
    for (Expr e : exprs) {
      if (e != null) {
        e.collectNames(names);
      }
    }
  }

  static final class Const extends Expr {
    final Object value;

    Const(int line, Object value) {
      super(line);
      this.value = value;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      return value;
    }
  }

  static final class Name extends Expr {
    final String name;

    Name(int line, String name) {
      super(line);
      this.name = name;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      Object v = s.lookup(name);
      return v == Undefined.MISSING ? Undefined.variable(name) : v;
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      names.add(name);
    }
  }

  static final class ListLiteral extends Expr {
    final List<Expr> items;
    final boolean tuple;

    ListLiteral(int line, List<Expr> items, boolean tuple) {
      super(line);
      this.items = items;
      this.tuple = tuple;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      Object[] values = new Object[items.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = items.get(i).eval(r, s);
      }
      return tuple ? new PyTuple(values) : new ArrayList<>(Arrays.asList(values));
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      collect(names, items);
    }
  }

  static final class DictLiteral extends Expr {
    final List<Expr> keys;
    final List<Expr> values;

    DictLiteral(int line, List<Expr> keys, List<Expr> values) {
      super(line);
      this.keys = keys;
      this.values = values;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      Map<Object, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < keys.size(); i++) {
        Object key = keys.get(i).eval(r, s);
        if (key instanceof List && !(key instanceof PyTuple) || key instanceof Map) {
          throw PyError.typeError("unhashable type: '" + Values.typeName(key) + "'");
        }
        map.put(key, values.get(i).eval(r, s));
      }
      return map;
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      collect(names, keys);
      collect(names, values);
    }
  }

  static final class GetAttr extends Expr {
    final Expr target;
    final String name;

    GetAttr(int line, Expr target, String name) {
      super(line);
      this.target = target;
      this.name = name;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      return Attributes.getattr(target.eval(r, s), name);
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      target.collectNames(names);
    }
  }

  static final class GetItem extends Expr {
    final Expr target;
    final Expr key;

    GetItem(int line, Expr target, Expr key) {
      super(line);
      this.target = target;
      this.key = key;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      return Attributes.getitem(target.eval(r, s), key.eval(r, s));
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      target.collectNames(names);
      key.collectNames(names);
    }
  }

  static final class Slice extends Expr {
    final Expr target;
    final Expr start;
    final Expr stop;
    final Expr step;

    Slice(int line, Expr target, Expr start, Expr stop, Expr step) {
      super(line);
      this.target = target;
      this.start = start;
      this.stop = stop;
      this.step = step;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      Object value = target.eval(r, s);
      Object a = start == null ? null : start.eval(r, s);
      Object b = stop == null ? null : stop.eval(r, s);
      Object c = step == null ? null : step.eval(r, s);
      return Ops.slice(value, a, b, c);
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      collect(names, Arrays.asList(target, start, stop, step));
    }
  }

  /** The arguments of a call, filter or test as written. */
  static final class CallArgs {
    static final CallArgs NONE = new CallArgs(List.of(), List.of(), List.of(), null, null);

    final List<Expr> positional;
    final List<String> keywordNames;
    final List<Expr> keywordValues;
    final Expr starArgs;
    final Expr starKwargs;

    CallArgs(List<Expr> positional, List<String> keywordNames, List<Expr> keywordValues, Expr starArgs,
        Expr starKwargs) {
      this.positional = positional;
      this.keywordNames = keywordNames;
      this.keywordValues = keywordValues;
      this.starArgs = starArgs;
      this.starKwargs = starKwargs;
    }

    Args eval(Renderer r, Scope s) {
      if (positional.isEmpty() && keywordNames.isEmpty() && starArgs == null && starKwargs == null) {
        return Args.NONE;
      }
      List<Object> values = new ArrayList<>(positional.size());
      for (Expr e : positional) {
        values.add(e.eval(r, s));
      }
      if (starArgs != null) {
        values.addAll(Values.iterate(starArgs.eval(r, s)));
      }
      Map<String, Object> keywords = keywordNames.isEmpty() && starKwargs == null ? Map.of() : Args.newKeywords();
      for (int i = 0; i < keywordNames.size(); i++) {
        keywords.put(keywordNames.get(i), keywordValues.get(i).eval(r, s));
      }
      if (starKwargs != null) {
        Object kw = starKwargs.eval(r, s);
        if (!(kw instanceof Map)) {
          throw PyError.typeError("argument after ** must be a mapping, not " + Values.typeName(kw));
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) kw).entrySet()) {
          keywords.put(Values.str(e.getKey()), e.getValue());
        }
      }
      return new Args(values, keywords);
    }

    void collectNames(java.util.Set<String> names) {
      collect(names, positional);
      collect(names, keywordValues);
      collect(names, Arrays.asList(starArgs, starKwargs));
    }
  }

  static final class Call extends Expr {
    final Expr callee;
    final CallArgs args;

    Call(int line, Expr callee, CallArgs args) {
      super(line);
      this.callee = callee;
      this.args = args;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      return Ops.call(r, callee.eval(r, s), args.eval(r, s));
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      callee.collectNames(names);
      args.collectNames(names);
    }
  }

  static final class Filter extends Expr {
    final Expr value;
    final String name;
    final Filters.Filter filter;
    final CallArgs args;

    Filter(int line, Expr value, String name, CallArgs args) {
      super(line);
      this.value = value;
      this.name = name;
      this.filter = Filters.get(name);
      this.args = args;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      if (filter == null) {
        throw unknown("filter", name);
      }
      Object v = value == null ? null : value.eval(r, s);
      return filter.apply(r, v, args.eval(r, s));
    }

    /** For a filter block or a block set: the same filter applied to rendered text. */
    Object applyTo(Renderer r, Scope s, Object v) {
      if (filter == null) {
        throw unknown("filter", name);
      }
      Object input = value == null ? v : ((Filter) value).applyTo(r, s, v);
      return filter.apply(r, input, args.eval(r, s));
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      if (value != null) {
        value.collectNames(names);
      }
      args.collectNames(names);
    }
  }

  static final class Test extends Expr {
    final Expr value;
    final String name;
    final Tests.Test test;
    final CallArgs args;
    final boolean negated;

    Test(int line, Expr value, String name, CallArgs args, boolean negated) {
      super(line);
      this.value = value;
      this.name = name;
      this.test = Tests.get(name);
      this.args = args;
      this.negated = negated;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      if (test == null) {
        throw unknown("test", name);
      }
      boolean result = test.test(r, value.eval(r, s), args.eval(r, s));
      return result != negated;
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      value.collectNames(names);
      args.collectNames(names);
    }
  }

  static final class Not extends Expr {
    final Expr operand;

    Not(int line, Expr operand) {
      super(line);
      this.operand = operand;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      return !Values.truthy(operand.eval(r, s));
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      operand.collectNames(names);
    }
  }

  static final class Unary extends Expr {
    final String op;
    final Expr operand;

    Unary(int line, String op, Expr operand) {
      super(line);
      this.op = op;
      this.operand = operand;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      return Ops.unary(op, operand.eval(r, s));
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      operand.collectNames(names);
    }
  }

  /** {@code and} / {@code or}: Python's, returning an operand rather than a boolean. */
  static final class Logical extends Expr {
    final boolean and;
    final Expr left;
    final Expr right;

    Logical(int line, boolean and, Expr left, Expr right) {
      super(line);
      this.and = and;
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      Object a = left.eval(r, s);
      return Values.truthy(a) == and ? right.eval(r, s) : a;
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      left.collectNames(names);
      right.collectNames(names);
    }
  }

  static final class Binary extends Expr {
    final String op;
    final Expr left;
    final Expr right;

    Binary(int line, String op, Expr left, Expr right) {
      super(line);
      this.op = op;
      this.left = left;
      this.right = right;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      return Ops.binary(r, op, left.eval(r, s), right.eval(r, s));
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      left.collectNames(names);
      right.collectNames(names);
    }
  }

  /** {@code a ~ b ~ c}: Python's str() of each, joined. */
  static final class Concat extends Expr {
    final List<Expr> parts;

    Concat(int line, List<Expr> parts) {
      super(line);
      this.parts = parts;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      StringBuilder sb = new StringBuilder();
      for (Expr e : parts) {
        Values.appendStr(sb, e.eval(r, s));
        r.checkLength(sb.length());
      }
      return sb.toString();
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      collect(names, parts);
    }
  }

  /** {@code a < b <= c}, Python's chained comparison. */
  static final class Compare extends Expr {
    final Expr first;
    final List<String> ops;
    final List<Expr> operands;

    Compare(int line, Expr first, List<String> ops, List<Expr> operands) {
      super(line);
      this.first = first;
      this.ops = ops;
      this.operands = operands;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      Object left = first.eval(r, s);
      for (int i = 0; i < ops.size(); i++) {
        Object right = operands.get(i).eval(r, s);
        if (!Ops.compare(ops.get(i), left, right)) {
          return false;
        }
        left = right;
      }
      return true;
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      first.collectNames(names);
      collect(names, operands);
    }
  }

  static final class Conditional extends Expr {
    final Expr test;
    final Expr then;
    final Expr otherwise;

    Conditional(int line, Expr test, Expr then, Expr otherwise) {
      super(line);
      this.test = test;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    Object eval(Renderer r, Scope s) {
      if (Values.truthy(test.eval(r, s))) {
        return then.eval(r, s);
      }
      return otherwise == null
          ? Undefined.hint("the inline if-expression on line " + line + " evaluated to false and no else section was defined.")
          : otherwise.eval(r, s);
    }

    @Override
    void collectNames(java.util.Set<String> names) {
      collect(names, Arrays.asList(test, then, otherwise));
    }
  }
}
