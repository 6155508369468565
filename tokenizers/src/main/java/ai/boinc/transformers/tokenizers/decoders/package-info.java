/**
 * Decoders: turn a list of tokens back into text (one class per {@code "type"} of {@code
 * tokenizer.json}'s {@code decoder}). Non-null by default.
 */
package ai.boinc.transformers.tokenizers.decoders;
