package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import java.util.Optional;

/**
 * The model tokenizer of a Whisper model ({@code tokenizer_class} {@code WhisperTokenizer}):
 * what {@link Tokenizers#fromDirectory} and {@link AutoTokenizer#fromPretrained} return for one,
 * so a cast gives these extras.
 *
 * <pre>{@code
 * WhisperTokenizer whisper = (WhisperTokenizer) AutoTokenizer.fromPretrained("openai/whisper-tiny");
 * int[] prompt = whisper.prefixTokenIds(Optional.of("de"), Optional.of("transcribe"), false);
 * String text = whisper.decodeWithTimestamps(generated, DecodeOptions.skipSpecialTokens());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public interface WhisperTokenizer extends ModelTokenizer {
  /**
   * The decoder prompt, as Python's {@code WhisperTokenizer.prefix_tokens}: {@code
   * <|startoftranscript|>}, the language token, the task token, and {@code <|notimestamps|>}
   * unless timestamps are to be predicted. (Transformers.js builds the same prompt in its model's
   * generation code, from the generation config.)
   *
   * @param language a language code such as {@code "en"}, or its token {@code "<|en|>"}; empty
   *     for none (English-only models)
   * @param task {@code "transcribe"} or {@code "translate"}; empty for none
   * @throws IllegalArgumentException for a language or task this tokenizer has no token for
   */
  int[] prefixTokenIds(Optional<String> language, Optional<String> task, boolean predictTimestamps);

  /**
   * Decodes generated ids with their timestamp tokens written as {@code <|1.24|>} (0.02 s per
   * step after the last special token), the text between them decoded as {@link #decode(int[],
   * DecodeOptions)} does, as Transformers.js's {@code decode(ids, {decode_with_timestamps: true})}.
   * Unlike Transformers.js 4.3.2, which fails when two timestamps are adjacent or the ids start or
   * end with one (it decodes the empty text between them and refuses), the empty text between
   * them is empty, as in Python.
   */
  String decodeWithTimestamps(int[] ids, DecodeOptions options);
}
