/**
 * Chat templates: {@link ai.boinc.transformers.templates.ChatTemplate} renders a conversation
 * ({@link ai.boinc.transformers.templates.ChatRequest}) exactly as Python transformers' {@code
 * apply_chat_template} does, on a sandboxed Jinja2 engine of its own; failures are typed under
 * {@link ai.boinc.transformers.templates.TemplateException}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; absence is {@code
 * java.util.Optional}.
 */
package ai.boinc.transformers.templates;
