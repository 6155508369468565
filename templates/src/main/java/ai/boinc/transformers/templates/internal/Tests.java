package ai.boinc.transformers.templates.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Jinja2's tests: {@code x is defined}, {@code x is string}, {@code x is sameas true}... */
final class Tests {
  interface Test {
    boolean test(Renderer r, Object value, Args args);
  }

  private static final Map<String, Test> TESTS = new HashMap<>();

  private Tests() {}

  static Test get(String name) {
    return TESTS.get(name);
  }

  private static final java.util.Set<String> ONE_ARGUMENT = java.util.Set.of("sameas", "divisibleby", "in", "==", "eq",
      "equalto", "!=", "ne", "<", "lt", "lessthan", "<=", "le", ">", "gt", "greaterthan", ">=", "ge");

  /** Python's own check of a test function's arity: no argument, or exactly one for the comparisons. */
  private static void checkArity(String name, Args a) {
    int expected = ONE_ARGUMENT.contains(name) ? 1 : 0;
    if (expected == 1 && a.size() == 0 && a.keywords.isEmpty()) {
      String param = name.equals("sameas") ? "other" : name.equals("divisibleby") ? "num" : "seq";
      throw PyError.typeError("test_" + name + "() missing 1 required positional argument: '" + param + "'");
    }
    if (a.size() != expected || !a.keywords.isEmpty()) {
      throw PyError.typeError("test_" + name + "() takes " + (expected + 1) + " positional argument"
          + (expected == 0 ? "" : "s") + " but " + (a.size() + 1) + " were given");
    }
  }

  private static Object arg(Args a) {
    if (a.size() != 1) {
      throw PyError.typeError("expected 2 arguments, got " + (a.size() + 1));
    }
    return a.positional.get(0);
  }

  private static boolean compare(String op, Object value, Args a) {
    return Ops.compare(op, value, arg(a));
  }

  static {
    TESTS.put("defined", (r, v, a) -> !(v instanceof Undefined));
    TESTS.put("undefined", (r, v, a) -> v instanceof Undefined);
    TESTS.put("none", (r, v, a) -> v == null);
    TESTS.put("boolean", (r, v, a) -> v instanceof Boolean);
    TESTS.put("true", (r, v, a) -> Boolean.TRUE.equals(v));
    TESTS.put("false", (r, v, a) -> Boolean.FALSE.equals(v));
    TESTS.put("integer", (r, v, a) -> v instanceof Long);
    TESTS.put("float", (r, v, a) -> v instanceof Double);
    TESTS.put("number", (r, v, a) -> Values.isNumber(v));
    TESTS.put("string", (r, v, a) -> v instanceof String);
    TESTS.put("mapping", (r, v, a) -> v instanceof Map);
    TESTS.put("iterable", (r, v, a) -> Values.isIterable(v));
    TESTS.put("sequence", (r, v, a) -> v instanceof String || v instanceof List || v instanceof Map
        || v instanceof Undefined);
    TESTS.put("callable", (r, v, a) -> v instanceof PyCallable);
    TESTS.put("sameas", (r, v, a) -> sameAs(v, arg(a)));
    TESTS.put("escaped", (r, v, a) -> false);
    TESTS.put("lower", (r, v, a) -> {
      String s = Values.str(v);
      return PyStrings.lowerCase(s).equals(s) && s.codePoints().anyMatch(Character::isLowerCase);
    });
    TESTS.put("upper", (r, v, a) -> {
      String s = Values.str(v);
      return PyStrings.upper(s).equals(s) && s.codePoints().anyMatch(Character::isUpperCase);
    });
    TESTS.put("odd", (r, v, a) -> Math.floorMod(integer(v), 2L) == 1);
    TESTS.put("even", (r, v, a) -> Math.floorMod(integer(v), 2L) == 0);
    TESTS.put("divisibleby", (r, v, a) -> {
      long d = integer(arg(a));
      if (d == 0) {
        throw new PyError("ZeroDivisionError", "integer division or modulo by zero");
      }
      return Math.floorMod(integer(v), d) == 0;
    });
    TESTS.put("in", (r, v, a) -> Values.contains(arg(a), v));
    TESTS.put("filter", (r, v, a) -> v instanceof String && Filters.get((String) v) != null);
    TESTS.put("test", (r, v, a) -> v instanceof String && TESTS.containsKey(v));
    for (Map.Entry<String, Test> e : new java.util.ArrayList<>(TESTS.entrySet())) {
      Test inner = e.getValue();
      String name = e.getKey();
      TESTS.put(name, (r, v, a) -> {
        checkArity(name, a);
        return inner.test(r, v, a);
      });
    }
    for (String[] names : new String[][] {{"==", "eq", "equalto"}, {"!=", "ne"}, {"<", "lt", "lessthan"},
        {"<=", "le"}, {">", "gt", "greaterthan"}, {">=", "ge"}}) {
      String op = names[0];
      for (String name : names) {
        TESTS.put(name, (r, v, a) -> compare(op, v, a));
      }
    }
  }

  private static long integer(Object v) {
    if (Values.isInt(v)) {
      return Values.toLong(v);
    }
    if (v instanceof Undefined) {
      throw ((Undefined) v).error();
    }
    if (v instanceof Double) {
      return (long) (double) (Double) v;
    }
    throw PyError.typeError("unsupported operand type(s) for %: '" + Values.typeName(v) + "' and 'int'");
  }

  /** Python's {@code is}: identity; None, booleans and small integers are singletons in CPython. */
  static boolean sameAs(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Boolean || b instanceof Boolean) {
      return a.equals(b);
    }
    if (a instanceof Long && b instanceof Long) {
      long x = (Long) a;
      return x == (Long) b && x >= -5 && x <= 256;
    }
    if (a instanceof Undefined || b instanceof Undefined) {
      return a == b;
    }
    return a == b;
  }
}
