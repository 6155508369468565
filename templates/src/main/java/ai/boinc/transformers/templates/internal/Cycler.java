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
        return new PyCallable() {
          @Override
          public Object call(Renderer r, Args args) {
            Object v = items.get(position);
            position = (position + 1) % items.size();
            return v;
          }

          @Override
          public String name() {
            return "next";
          }
        };
      case "reset":
        return new PyCallable() {
          @Override
          public Object call(Renderer r, Args args) {
            position = 0;
            return null;
          }

          @Override
          public String name() {
            return "reset";
          }
        };
      default:
        return Undefined.attribute(this, name);
    }
  }
}
