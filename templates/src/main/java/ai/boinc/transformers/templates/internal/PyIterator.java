package ai.boinc.transformers.templates.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A Python iterator: what {@code map}, {@code select}, {@code items}, {@code unique}... return (a
 * generator) and {@code reverse} of a list (a list_reverseiterator). Always true, no {@code len()},
 * not subscriptable nor JSON-serializable, and consumed by the first iteration — as in Jinja2.
 */
final class PyIterator {
  final String typeName;
  private final List<Object> items;
  private int position;

  PyIterator(String typeName, List<Object> items) {
    this.typeName = typeName;
    this.items = items;
  }

  static PyIterator generator(List<Object> items) {
    return new PyIterator("generator", items);
  }

  /** The items not yet consumed; consumes them all. */
  List<Object> drain() {
    List<Object> rest = position == 0 ? items : new ArrayList<>(items.subList(position, items.size()));
    position = items.size();
    return rest;
  }

  /** Python's {@code next()}: the next item, or MISSING at the end. */
  Object next() {
    return position < items.size() ? items.get(position++) : Undefined.MISSING;
  }

  /** {@code x in it}: consumes up to and including the first equal item. */
  boolean contains(Object item) {
    while (position < items.size()) {
      if (Values.eq(items.get(position++), item)) {
        return true;
      }
    }
    return false;
  }
}
