/**
 * Text to token ids and back: the {@link ai.boinc.transformers.tokenizer.Tokenizer} port and the {@link ai.boinc.transformers.tokenizer.Encoding} it produces.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; absence is {@code
 * java.util.Optional}.
 */
package ai.boinc.transformers.tokenizer;
