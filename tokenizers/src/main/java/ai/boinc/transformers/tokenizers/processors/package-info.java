/**
 * Post-processors: the stage that adds special tokens ({@code <s>}, {@code [CLS]}, ...) and type
 * ids around the encoded sequence(s). Non-null by default.
 */
package ai.boinc.transformers.tokenizers.processors;
