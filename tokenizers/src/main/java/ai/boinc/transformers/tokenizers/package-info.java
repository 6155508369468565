/**
 * Loads Hugging Face {@code tokenizer.json} files into {@link
 * ai.boinc.transformers.tokenizer.Tokenizer}s that encode exactly as the reference Rust library
 * {@code tokenizers} does. Start at {@link ai.boinc.transformers.tokenizers.Tokenizers}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; absence is {@code
 * Optional}.
 */
package ai.boinc.transformers.tokenizers;
