package ai.boinc.transformers.templates.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** A Python tuple: an immutable list that prints with parentheses. */
final class PyTuple extends AbstractList<Object> implements RandomAccess {
  private final Object[] items;
  /** Field names of a named tuple (groupby's grouper and list), or null. */
  private final String[] names;

  PyTuple(Object... items) {
    this.items = items;
    this.names = null;
  }

  private PyTuple(String[] names, Object[] items) {
    this.items = items;
    this.names = names;
  }

  /** A named tuple: prints as a tuple, and its fields are attributes too. */
  static PyTuple named(String[] names, Object... items) {
    return new PyTuple(names, items);
  }

  /** The field called {@code name}, or MISSING. */
  Object field(String name) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(name)) {
          return items[i];
        }
      }
    }
    return Undefined.MISSING;
  }

  static PyTuple of(List<?> list) {
    return new PyTuple(list.toArray());
  }

  @Override
  public Object get(int index) {
    return items[index];
  }

  @Override
  public int size() {
    return items.length;
  }
}
