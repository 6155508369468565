package ai.boinc.transformers.templates.internal;

import java.util.List;

/** {@code dict.items()}, {@code keys()}, {@code values()}: sized and re-iterable, not subscriptable nor JSON. */
final class DictView {
  final String typeName;
  final List<Object> items;

  DictView(String typeName, List<Object> items) {
    this.typeName = typeName;
    this.items = items;
  }
}
