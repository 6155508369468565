package ai.boinc.transformers.templates.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/** {@code range(start, stop, step)}: a sequence of integers that prints as {@code range(0, 3)}. */
final class PyRange extends AbstractList<Object> implements RandomAccess {
  final long start;
  final long stop;
  final long step;
  private final int size;

  PyRange(long start, long stop, long step, int size) {
    this.start = start;
    this.stop = stop;
    this.step = step;
    this.size = size;
  }

  @Override
  public Object get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return start + index * step;
  }

  @Override
  public int size() {
    return size;
  }

  String repr() {
    return "range(" + start + ", " + stop + (step == 1 ? "" : ", " + step) + ")";
  }
}
