package ai.boinc.transformers.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Text to token ids and back, exactly as the reference implementation (Hugging Face's Rust
 * {@code tokenizers}) computes them.
 *
 * <p>Implementations are immutable and thread-safe: one instance serves every thread.
 *
 * <pre>{@code
 * Tokenizer tokenizer = AutoTokenizer.fromPretrained("meta-llama/Llama-2-7b-ba");
 * int[] ids = tokenizer.encode("Hello world!").ids();   // [1, 15043, 3186, 29991]
 * }</pre>
 */
public interface Tokenizer {

  /** Encodes {@code text} with the default options (special tokens added). */
  default Encoding encode(String text) {
    return encode(text, EncodeOptions.defaults());
  }

  Encoding encode(String text, EncodeOptions options);

  /** Encodes a pair of texts (e.g. question and context) as one sequence. */
  default Encoding encode(String text, String pair) {
    return encode(text, pair, EncodeOptions.defaults());
  }

  /**
   * Encodes a pair of texts; an empty {@code pair} is a real (empty) second sequence.
   *
   * @param pair the second text, or {@code null} for none
   */
  Encoding encode(String text, String pair, EncodeOptions options);

  /** Encodes each text; the result equals mapping {@link #encode(String)} over the list. */
  default List<Encoding> encodeBatch(List<String> texts) {
    return encodeBatch(texts, EncodeOptions.defaults());
  }

  default List<Encoding> encodeBatch(List<String> texts, EncodeOptions options) {
    List<Encoding> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(encode(text, options));
    }
    return out;
  }

  /** Decodes ids to text, keeping special tokens. */
  default String decode(int[] ids) {
    return decode(ids, DecodeOptions.defaults());
  }

  String decode(int[] ids, DecodeOptions options);

  /** The tokens of {@code text} without special tokens, e.g. {@code [▁Hello, ▁world, !]}. */
  default List<String> tokenize(String text) {
    return encode(text, EncodeOptions.addSpecialTokens(false)).tokens();
  }

  OptionalInt tokenToId(String token);

  Optional<String> idToToken(int id);

  /** Size of the vocabulary, added tokens included. */
  int vocabSize();
}
