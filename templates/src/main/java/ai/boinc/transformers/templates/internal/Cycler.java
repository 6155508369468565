package ai.boinc.transformers.templates.internal;

import java.util.List;

/** Jinja2's {@code cycler(...)} global: {@code next()}, {@code reset()}, {@code current}. */
final class Cycler {
  private final List<Object> items;
  private int position;

  Cycler(List<Object> items) {
    this.items = items;
  }

  Object attribute(String name) {
    switch (name) {
      case "current":
        return items.get(position);
      case "next":
        return new Function("next", (r, args) -> {
          Object v = items.get(position);
          position = (position + 1) % items.size();
          return v;
        });
      case "reset":
        return new Function("reset", (r, args) -> {
          position = 0;
          return null;
        });
      default:
        return Undefined.attribute(this, name);
    }
  }
}
