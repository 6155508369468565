package ai.boinc.transformers.tokenizers.internal.json;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JSON object whose values are all non-negative ints (a vocabulary), as read by {@link
 * TokenizerJson}: names and values in document order, repeated names included. Read-only after
 * reading.
 */
public final class IntMembers {
  private final String[] names;
  private final int[] values;
  private final int count;
  /** The names' text end to end, name i at {@code [starts[i], starts[i + 1])}. */
  private final char[] text;
  private final int[] starts;
  /** {@link String#hashCode} of each name, computed as it was read. */
  private final int[] hashes;
  private Map<String, Object> map;

  IntMembers(String[] names, int[] values, int count, char[] text, int[] starts, int[] hashes) {
    this.names = names;
    this.values = values;
    this.count = count;
    this.text = text;
    this.starts = starts;
    this.hashes = hashes;
  }

  /** Number of members in the document, a repeated name counted each time. */
  public int count() {
    return count;
  }

  /** The names, valid up to {@link #count} (the array may be longer). Not to be changed. */
  public String[] names() {
    return names;
  }

  /** The values, valid up to {@link #count}. Not to be changed. */
  public int[] values() {
    return values;
  }

  /**
   * The names' text end to end, name {@code i} at {@code [starts()[i], starts()[i + 1])}: for an
   * index built without walking the strings again. Not to be changed.
   */
  public char[] text() {
    return text;
  }

  /** Where each name starts in {@link #text}, and its end at index {@link #count}. Not to be changed. */
  public int[] starts() {
    return starts;
  }

  /** {@link String#hashCode} of each name, valid up to {@link #count}. Not to be changed. */
  public int[] hashes() {
    return hashes;
  }

  public String name(int i) {
    return names[i];
  }

  public int value(int i) {
    return values[i];
  }

  /** As the generic tree has it: first place and last value of a repeated name, values Long. */
  Map<String, Object> asMap() {
    if (map == null) {
      Map<String, Object> m = new LinkedHashMap<>(count * 2);
      for (int i = 0; i < count; i++) {
        m.put(names[i], (long) values[i]);
      }
      map = m;
    }
    return map;
  }
}
