package ai.boinc.transformers.templates.internal;

import java.util.ArrayList;
import java.util.List;

/** Python's operators on the value model. */
final class Ops {
  private Ops() {}

  private static PyError unsupported(String op, Object a, Object b) {
    return PyError.typeError("unsupported operand type(s) for " + op + ": '" + Values.typeName(a) + "' and '"
        + Values.typeName(b) + "'");
  }

  private static void failUndefined(Object a, Object b) {
    if (a instanceof Undefined) {
      throw ((Undefined) a).error();
    }
    if (b instanceof Undefined) {
      throw ((Undefined) b).error();
    }
  }

  static Object binary(Renderer r, String op, Object a, Object b) {
    failUndefined(a, b);
    switch (op) {
      case "+":
        return add(r, a, b);
      case "-":
        if (bothInts(a, b)) {
          return overflowChecked(() -> Math.subtractExact(Values.toLong(a), Values.toLong(b)));
        }
        if (Values.isNumber(a) && Values.isNumber(b)) {
          return Values.toDouble(a) - Values.toDouble(b);
        }
        throw unsupported("-", a, b);
      case "*":
        return multiply(r, a, b);
      case "/":
        if (Values.isNumber(a) && Values.isNumber(b)) {
          double d = Values.toDouble(b);
          if (d == 0) {
            throw new PyError("ZeroDivisionError", "division by zero");
          }
          return Values.toDouble(a) / d;
        }
        throw unsupported("/", a, b);
      case "//":
        if (bothInts(a, b)) {
          long y = Values.toLong(b);
          if (y == 0) {
            throw new PyError("ZeroDivisionError", "integer division or modulo by zero");
          }
          return Math.floorDiv(Values.toLong(a), y);
        }
        if (Values.isNumber(a) && Values.isNumber(b)) {
          double y = Values.toDouble(b);
          if (y == 0) {
            throw new PyError("ZeroDivisionError", "float floor division by zero");
          }
          return Math.floor(Values.toDouble(a) / y);
        }
        throw unsupported("//", a, b);
      case "%":
        if (a instanceof String) {
          return PercentFormat.format((String) a, b);
        }
        if (bothInts(a, b)) {
          long y = Values.toLong(b);
          if (y == 0) {
            throw new PyError("ZeroDivisionError", "integer division or modulo by zero");
          }
          return Math.floorMod(Values.toLong(a), y);
        }
        if (Values.isNumber(a) && Values.isNumber(b)) {
          double x = Values.toDouble(a);
          double y = Values.toDouble(b);
          if (y == 0) {
            throw new PyError("ZeroDivisionError", "float modulo");
          }
          double m = x % y;
          if (m != 0 && (m < 0) != (y < 0)) {
            m += y;
          }
          return m;
        }
        throw unsupported("%", a, b);
      case "**":
        return power(a, b);
      default:
        throw new IllegalStateException(op);
    }
  }

  private static boolean bothInts(Object a, Object b) {
    return Values.isInt(a) && Values.isInt(b);
  }

  private interface LongOp {
    long get();
  }

  private static Object overflowChecked(LongOp op) {
    try {
      return op.get();
    } catch (ArithmeticException e) {
      throw new PyError("OverflowError", "integer result too large for this engine (64 bits)");
    }
  }

  private static Object add(Renderer r, Object a, Object b) {
    if (bothInts(a, b)) {
      return overflowChecked(() -> Math.addExact(Values.toLong(a), Values.toLong(b)));
    }
    if (Values.isNumber(a) && Values.isNumber(b)) {
      return Values.toDouble(a) + Values.toDouble(b);
    }
    if (a instanceof String) {
      if (b instanceof String) {
        String x = (String) a;
        String y = (String) b;
        r.checkLength((long) x.length() + y.length());
        return x.concat(y);
      }
      throw PyError.typeError("can only concatenate str (not \"" + Values.typeName(b) + "\") to str");
    }
    if (a instanceof List && !(a instanceof PyRange)) {
      boolean tuple = a instanceof PyTuple;
      if (b instanceof List && !(b instanceof PyRange) && (b instanceof PyTuple) == tuple) {
        List<?> x = (List<?>) a;
        List<?> y = (List<?>) b;
        r.checkLength((long) x.size() + y.size());
        r.step((x.size() + y.size()) / 64);
        List<Object> out = new ArrayList<>(x.size() + y.size());
        out.addAll(x);
        out.addAll(y);
        return tuple ? PyTuple.of(out) : out;
      }
      String kind = tuple ? "tuple" : "list";
      throw PyError.typeError("can only concatenate " + kind + " (not \"" + Values.typeName(b) + "\") to " + kind);
    }
    throw unsupported("+", a, b);
  }

  private static Object multiply(Renderer r, Object a, Object b) {
    if (bothInts(a, b)) {
      return overflowChecked(() -> Math.multiplyExact(Values.toLong(a), Values.toLong(b)));
    }
    if (Values.isNumber(a) && Values.isNumber(b)) {
      return Values.toDouble(a) * Values.toDouble(b);
    }
    if (Values.isInt(a) && (b instanceof String || b instanceof List)) {
      return repeat(r, b, Values.toLong(a));
    }
    if (Values.isInt(b) && (a instanceof String || a instanceof List)) {
      return repeat(r, a, Values.toLong(b));
    }
    if ((a instanceof String || a instanceof List) && Values.isNumber(b)
        || (b instanceof String || b instanceof List) && Values.isNumber(a)) {
      throw PyError.typeError("can't multiply sequence by non-int of type 'float'");
    }
    throw unsupported("*", a, b);
  }

  private static Object repeat(Renderer r, Object seq, long times) {
    if (times <= 0) {
      return seq instanceof String ? "" : seq instanceof PyTuple ? new PyTuple() : new ArrayList<>();
    }
    if (seq instanceof String) {
      String s = (String) seq;
      r.checkLength(s.length() * times);
      r.step(s.length() * times / 64);
      StringBuilder sb = new StringBuilder((int) (s.length() * times));
      for (long i = 0; i < times; i++) {
        sb.append(s);
      }
      return sb.toString();
    }
    List<?> list = (List<?>) seq;
    r.checkLength(list.size() * times);
    r.step(list.size() * times / 16);
    List<Object> out = new ArrayList<>();
    for (long i = 0; i < times; i++) {
      out.addAll(list);
    }
    return seq instanceof PyTuple ? PyTuple.of(out) : out;
  }

  private static Object power(Object a, Object b) {
    if (bothInts(a, b)) {
      long base = Values.toLong(a);
      long exp = Values.toLong(b);
      if (exp < 0) {
        return Math.pow(base, exp);
      }
      long result = 1;
      for (long i = 0; i < exp; i++) {
        try {
          result = Math.multiplyExact(result, base);
        } catch (ArithmeticException e) {
          throw new PyError("OverflowError", "integer result too large for this engine (64 bits)");
        }
        if (result == 0 || result == 1 && base == 1) {
          break;
        }
        if (base == -1) {
          return exp % 2 == 0 ? 1L : -1L;
        }
      }
      return result;
    }
    if (Values.isNumber(a) && Values.isNumber(b)) {
      return Math.pow(Values.toDouble(a), Values.toDouble(b));
    }
    throw unsupported("** or pow()", a, b);
  }

  static Object unary(String op, Object v) {
    if (v instanceof Undefined) {
      throw ((Undefined) v).error();
    }
    if (Values.isInt(v)) {
      long x = Values.toLong(v);
      if (op.equals("-")) {
        if (x == Long.MIN_VALUE) {
          throw new PyError("OverflowError", "integer result too large for this engine (64 bits)");
        }
        return -x;
      }
      return x;
    }
    if (v instanceof Double) {
      return op.equals("-") ? -(Double) v : v;
    }
    throw PyError.typeError("bad operand type for unary " + op + ": '" + Values.typeName(v) + "'");
  }

  static boolean compare(String op, Object a, Object b) {
    switch (op) {
      case "==":
        return Values.eq(a, b);
      case "!=":
        return !Values.eq(a, b);
      case "in":
        return Values.contains(b, a);
      case "notin":
        return !Values.contains(b, a);
      case "<":
        return Values.compare(a, b, op) < 0;
      case "<=":
        return Values.compare(a, b, op) <= 0;
      case ">":
        return Values.compare(a, b, op) > 0;
      case ">=":
        return Values.compare(a, b, op) >= 0;
      default:
        throw new IllegalStateException(op);
    }
  }

  static Object call(Renderer r, Object callee, Args args) {
    if (callee instanceof PyCallable) {
      return ((PyCallable) callee).call(r, args);
    }
    if (callee instanceof Undefined) {
      throw ((Undefined) callee).error();
    }
    throw PyError.typeError("'" + Values.typeName(callee) + "' object is not callable");
  }

  private static long sliceIndex(Object v) {
    if (v == null) {
      return Long.MIN_VALUE;
    }
    if (Values.isInt(v)) {
      return Values.toLong(v);
    }
    if (v instanceof Undefined) {
      throw ((Undefined) v).error();
    }
    throw PyError.typeError("slice indices must be integers or None or have an __index__ method");
  }

  /** Python's {@code seq[start:stop:step]} on a string, list or tuple. */
  static Object slice(Object value, Object startArg, Object stopArg, Object stepArg) {
    if (value instanceof Undefined) {
      throw ((Undefined) value).error();
    }
    long step = stepArg == null ? 1 : sliceIndex(stepArg);
    if (step == 0) {
      throw PyError.valueError("slice step cannot be zero");
    }
    List<?> items;
    boolean string = value instanceof String;
    if (string) {
      String s = (String) value;
      if (!PyStrings.hasSurrogates(s) && step == 1) {
        int n = s.length();
        int[] bounds = bounds(n, sliceIndex(startArg), sliceIndex(stopArg), 1);
        return bounds[0] >= bounds[1] ? "" : s.substring(bounds[0], bounds[1]);
      }
      items = PyStrings.characters(s);
    } else if (value instanceof List) {
      items = (List<?>) value;
    } else if (value instanceof java.util.Map) {
      throw PyError.typeError("unhashable type: 'slice'");
    } else {
      throw PyError.typeError("'" + Values.typeName(value) + "' object is not subscriptable");
    }
    int n = items.size();
    int[] b = bounds(n, sliceIndex(startArg), sliceIndex(stopArg), step);
    List<Object> out = new ArrayList<>();
    if (step > 0) {
      for (long i = b[0]; i < b[1]; i += step) {
        out.add(items.get((int) i));
      }
    } else {
      for (long i = b[0]; i > b[1]; i += step) {
        out.add(items.get((int) i));
      }
    }
    if (string) {
      StringBuilder sb = new StringBuilder();
      for (Object o : out) {
        sb.append((String) o);
      }
      return sb.toString();
    }
    return value instanceof PyTuple ? PyTuple.of(out) : out;
  }

  /** CPython's PySlice_AdjustIndices: the start and stop of a slice of length n. */
  private static int[] bounds(int n, long start, long stop, long step) {
    long lo;
    long hi;
    if (step > 0) {
      lo = start == Long.MIN_VALUE ? 0 : clamp(start, n, 0, n);
      hi = stop == Long.MIN_VALUE ? n : clamp(stop, n, 0, n);
    } else {
      lo = start == Long.MIN_VALUE ? n - 1 : clamp(start, n, -1, n - 1);
      hi = stop == Long.MIN_VALUE ? -1 : clamp(stop, n, -1, n - 1);
    }
    return new int[] {(int) lo, (int) hi};
  }

  private static long clamp(long index, int n, long min, long max) {
    if (index < 0) {
      index += n;
      if (index < 0) {
        return min;
      }
    }
    return Math.min(index, max);
  }
}
