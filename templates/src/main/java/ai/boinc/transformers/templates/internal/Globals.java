package ai.boinc.transformers.templates.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions every template sees: Jinja2's {@code range} (bounded as the sandbox bounds it),
 * {@code dict}, {@code namespace}, {@code cycler}, {@code joiner}, and transformers' {@code
 * raise_exception} and {@code strftime_now}.
 */
final class Globals {
  /** The sandbox's MAX_RANGE. */
  static final long MAX_RANGE = 100_000;
  /** The type of the internal error raise_exception throws; the statement turns it into RaiseExceptionError. */
  static final String RAISE = "raise_exception";

  private static final Map<String, Object> GLOBALS = new HashMap<>();

  private Globals() {}

  private static void define(String name, Function.Body body) {
    GLOBALS.put(name, new Function(name, body));
  }

  static Object get(String name) {
    Object v = GLOBALS.get(name);
    return v == null ? Undefined.MISSING : v;
  }

  private static long rangeArg(Object v) {
    if (Values.isInt(v)) {
      return Values.toLong(v);
    }
    if (v instanceof Undefined) {
      throw ((Undefined) v).error();
    }
    throw PyError.typeError("'" + Values.typeName(v) + "' object cannot be interpreted as an integer");
  }

  static {
    define("range", (r, a) -> {
      a.check("range", "a", "b", "c");
      if (!a.keywords.isEmpty()) {
        throw PyError.typeError("range() takes no keyword arguments");
      }
      long start = 0;
      long stop;
      long step = 1;
      if (a.size() == 1) {
        stop = rangeArg(a.positional.get(0));
      } else if (a.size() >= 2) {
        start = rangeArg(a.positional.get(0));
        stop = rangeArg(a.positional.get(1));
        if (a.size() == 3) {
          step = rangeArg(a.positional.get(2));
        }
      } else {
        throw PyError.typeError("range expected at least 1 argument, got 0");
      }
      if (step == 0) {
        throw PyError.valueError("range() arg 3 must not be zero");
      }
      long count = step > 0 ? (stop > start ? (stop - start + step - 1) / step : 0)
          : (start > stop ? (start - stop - step - 1) / -step : 0);
      if (count > MAX_RANGE) {
        throw new PyError("OverflowError",
            "Range too big. The sandbox blocks ranges larger than MAX_RANGE (" + MAX_RANGE + ").");
      }
      r.step(count / 16);
      return new PyRange(start, stop, step, (int) count);
    });
    define("dict", (r, a) -> {
      Map<Object, Object> out = new LinkedHashMap<>();
      if (a.size() > 1) {
        throw PyError.typeError("dict expected at most 1 argument, got " + a.size());
      }
      if (a.size() == 1) {
        Object source = a.positional.get(0);
        if (source instanceof Map) {
          out.putAll((Map<?, ?>) source);
        } else {
          for (Object pair : Values.iterate(source)) {
            List<Object> kv = Values.iterate(pair);
            if (kv.size() != 2) {
              throw PyError.valueError("dictionary update sequence element has length " + kv.size() + "; 2 is required");
            }
            out.put(kv.get(0), kv.get(1));
          }
        }
      }
      out.putAll(a.keywords);
      return out;
    });
    define("namespace", (r, a) -> {
      Namespace ns = new Namespace();
      for (Object source : a.positional) {
        if (!(source instanceof Map)) {
          throw PyError.typeError("namespace() takes a mapping, not " + Values.typeName(source));
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) source).entrySet()) {
          ns.attributes.put(Values.str(e.getKey()), e.getValue());
        }
      }
      ns.attributes.putAll(a.keywords);
      return ns;
    });
    define("cycler", (r, a) -> {
      if (a.size() == 0) {
        throw PyError.typeError("at least one item has to be provided");
      }
      return new Cycler(new ArrayList<>(a.positional));
    });
    define("joiner", (r, a) -> {
      a.check("joiner", "sep");
      String sep = Values.str(a.get(0, "sep", ", "));
      boolean[] used = {false};
      return new Function("joiner", (renderer, args) -> {
        if (!used[0]) {
          used[0] = true;
          return "";
        }
        return sep;
      });
    });
    define("raise_exception", (r, a) -> {
      a.check("raise_exception", "message");
      throw new PyError(RAISE, Values.str(a.get(0, "message", Undefined.hint("raise_exception() needs a message"))));
    });
    define("strftime_now", (r, a) -> {
      a.check("strftime_now", "format");
      Object format = a.get(0, "format", null);
      if (!(format instanceof String)) {
        throw PyError.typeError("strftime() argument 1 must be str, not " + Values.typeName(format));
      }
      return Strftime.format(LocalDateTime.now(r.clock), (String) format);
    });
  }
}
