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

  /**
   * Encodes each text with its pair; the result equals mapping {@link #encode(String, String,
   * EncodeOptions)} over the two lists.
   *
   * @param pairs as many entries as {@code texts}; a {@code null} entry means no pair for that text
   * @throws IllegalArgumentException if the lists differ in size
   */
  default List<Encoding> encodeBatch(
      List<String> texts, List<String> pairs, EncodeOptions options) {
    if (texts.size() != pairs.size()) {
      throw new IllegalArgumentException(
          texts.size() + " texts but " + pairs.size() + " pairs; expected as many pairs as texts");
    }
    List<Encoding> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      out.add(encode(texts.get(i), pairs.get(i), options));
    }
    return out;
  }

  /** Decodes each id array, keeping special tokens. */
  default List<String> decodeBatch(List<int[]> ids) {
    return decodeBatch(ids, DecodeOptions.defaults());
  }

  /** Decodes each id array; the result equals mapping {@link #decode(int[], DecodeOptions)}. */
  default List<String> decodeBatch(List<int[]> ids, DecodeOptions options) {
    List<String> out = new ArrayList<>(ids.size());
    for (int[] one : ids) {
      out.add(decode(one, options));
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
