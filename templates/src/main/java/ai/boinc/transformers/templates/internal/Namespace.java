package ai.boinc.transformers.templates.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Jinja2's {@code namespace()}: the one object whose attributes a template may set. */
final class Namespace {
  final Map<String, Object> attributes = new LinkedHashMap<>();
}
