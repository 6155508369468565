package ai.boinc.transformers.templates.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Positional and keyword arguments of one call, bound to a Python-like signature on demand. */
final class Args {
  static final Args NONE = new Args(Collections.emptyList(), Collections.emptyMap());

  final List<Object> positional;
  final Map<String, Object> keywords;

  Args(List<Object> positional, Map<String, Object> keywords) {
    this.positional = positional;
    this.keywords = keywords;
  }

  int size() {
    return positional.size();
  }

  /** The argument at {@code index} or named {@code name}, else {@code fallback}. */
  Object get(int index, String name, Object fallback) {
    if (index >= 0 && index < positional.size()) {
      if (name != null && keywords.containsKey(name)) {
        throw PyError.typeError("got multiple values for argument '" + name + "'");
      }
      return positional.get(index);
    }
    if (name != null && keywords.containsKey(name)) {
      return keywords.get(name);
    }
    return fallback;
  }

  /** Fails like Python when more arguments were given than the signature's names. */
  Args check(String function, String... names) {
    if (positional.size() > names.length) {
      throw PyError.typeError(function + "() takes at most " + names.length + " argument(s) (" + positional.size()
          + " given)");
    }
    outer:
    for (String key : keywords.keySet()) {
      for (String n : names) {
        if (n.equals(key)) {
          continue outer;
        }
      }
      throw PyError.typeError(function + "() got an unexpected keyword argument '" + key + "'");
    }
    return this;
  }

  /** These arguments with {@code first} in front (the value a filter or test applies to). */
  Args prepend(Object first) {
    Object[] all = new Object[positional.size() + 1];
    all[0] = first;
    for (int i = 0; i < positional.size(); i++) {
      all[i + 1] = positional.get(i);
    }
    return new Args(java.util.Arrays.asList(all), keywords);
  }

  static Map<String, Object> newKeywords() {
    return new LinkedHashMap<>();
  }
}
