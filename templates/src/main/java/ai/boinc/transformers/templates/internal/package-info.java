/**
 * The Jinja2 engine behind {@code ChatTemplate}: lexer, parser, AST and interpreter with Python's
 * value semantics, filters, tests and string methods. Not an API: only {@code ChatTemplate} may use
 * it.
 */
package ai.boinc.transformers.templates.internal;
