package ai.boinc.transformers.tokenizers.models;

/** Receives the tokens a {@link Model} produces, in order. */
@FunctionalInterface
public interface TokenSink {
  /**
   * @param start start of the token in the tokenized text (UTF-16 index)
   * @param end end (exclusive) of the token; a token made of some of the UTF-8 bytes of a
   *     character spans that whole character
   */
  void token(int id, String value, int start, int end);
}
