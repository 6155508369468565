package ai.boinc.transformers.templates.internal;

import java.util.List;

/** The {@code loop} variable of a {@code {% for %}}: index, first, last, previtem, cycle... */
final class LoopContext implements PyCallable {
  private final List<Object> items;
  private final int depth0;
  private final Stmt.For loop;
  private final Scope scope;
  int index0;
  private Object lastChanged = Undefined.MISSING;

  LoopContext(List<Object> items, int depth0, Stmt.For loop, Scope scope) {
    this.items = items;
    this.depth0 = depth0;
    this.loop = loop;
    this.scope = scope;
  }

  @Override
  public String name() {
    return "loop";
  }

  Object attribute(String name) {
    int length = items.size();
    switch (name) {
      case "index0":
        return (long) index0;
      case "index":
        return (long) index0 + 1;
      case "revindex0":
        return (long) (length - index0 - 1);
      case "revindex":
        return (long) (length - index0);
      case "first":
        return index0 == 0;
      case "last":
        return index0 == length - 1;
      case "length":
        return (long) length;
      case "depth0":
        return (long) depth0;
      case "depth":
        return (long) depth0 + 1;
      case "previtem":
        return index0 > 0 ? items.get(index0 - 1) : Undefined.hint("there is no previous item");
      case "nextitem":
        return index0 + 1 < length ? items.get(index0 + 1) : Undefined.hint("there is no next item");
      case "cycle":
        return new Function("loop.cycle", (r, args) -> {
          if (args.size() == 0) {
            throw PyError.typeError("no items for cycling given");
          }
          return args.positional.get(index0 % args.size());
        });
      case "changed":
        return new Function("loop.changed", (r, args) -> {
          Object value = PyTuple.of(args.positional);
          if (lastChanged != Undefined.MISSING && Values.eq(lastChanged, value)) {
            return false;
          }
          lastChanged = value;
          return true;
        });
      default:
        return Undefined.attribute(this, name);
    }
  }

  /** {@code loop(children)} in a {@code recursive} loop: the loop body again, one level deeper. */
  @Override
  public Object call(Renderer r, Args args) {
    if (!loop.recursive) {
      throw PyError.typeError("Tried to call non recursive loop.  Maybe you forgot the 'recursive' modifier.");
    }
    if (args.size() != 1) {
      throw PyError.typeError("loop() takes exactly one argument");
    }
    r.enterCall();
    try {
      StringBuilder out = new StringBuilder();
      loop.run(r, scope, out, args.positional.get(0), depth0 + 1);
      return out.toString();
    } finally {
      r.exitCall();
    }
  }
}
