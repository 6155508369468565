package ai.boinc.transformers.json;

import java.util.List;

/**
 * Lets a caller read chosen members of a document in a form of its own, straight from the bytes,
 * instead of as the generic tree: a 200k-entry vocabulary need not cost a map entry per token.
 * The reader calls {@link #read} when it reaches one of {@link #members}; what it returns is
 * stored as that member's value. Implementations must be classes, not lambdas, where load time
 * matters.
 */
public interface JsonHook {
  /**
   * The members to read, each as the member names leading to it from the root object: {@code
   * List.of("model", "vocab")} is {@code $.model.vocab}. Asked once per document.
   */
  List<List<String>> members();

  /**
   * Reads member {@code index} of {@link #members}, the reader positioned at the first byte of its
   * value.
   *
   * @return the value to store, the reader positioned right after the value; or null, the reader
   *     back where it was (see {@link JsonReader#reset}), to have the value read as usual
   */
  Object read(int index, JsonReader reader);
}
