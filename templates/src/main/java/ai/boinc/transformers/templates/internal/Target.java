package ai.boinc.transformers.templates.internal;

import java.util.List;

/** The left side of {@code set}, {@code for} and {@code with}: a name, names to unpack, or {@code ns.attr}. */
abstract class Target {
  abstract void assign(Scope scope, Object value);

  static final class Name extends Target {
    final String name;

    Name(String name) {
      this.name = name;
    }

    @Override
    void assign(Scope scope, Object value) {
      scope.set(name, value);
    }
  }

  static final class Unpack extends Target {
    final List<Target> targets;

    Unpack(List<Target> targets) {
      this.targets = targets;
    }

    @Override
    void assign(Scope scope, Object value) {
      List<Object> items = Values.iterate(value);
      if (items.size() != targets.size()) {
        throw PyError.valueError(items.size() < targets.size()
            ? "not enough values to unpack (expected " + targets.size() + ", got " + items.size() + ")"
            : "too many values to unpack (expected " + targets.size() + ")");
      }
      for (int i = 0; i < items.size(); i++) {
        targets.get(i).assign(scope, items.get(i));
      }
    }
  }

  /** {@code {% set ns.attr = value %}}: only a namespace() accepts it. */
  static final class NamespaceAttribute extends Target {
    final String namespace;
    final String attribute;

    NamespaceAttribute(String namespace, String attribute) {
      this.namespace = namespace;
      this.attribute = attribute;
    }

    @Override
    void assign(Scope scope, Object value) {
      Object ns = scope.lookup(namespace);
      if (!(ns instanceof Namespace)) {
        throw new PyError("TemplateRuntimeError", "cannot assign attribute on non-namespace object");
      }
      ((Namespace) ns).attributes.put(attribute, value);
    }
  }
}
