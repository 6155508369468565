package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;

/** Test helper: small encodings as the pipeline makes them (sequence ids 0, no special tokens). */
final class ProcessorFixtures {
  private ProcessorFixtures() {}

  static Encoding encoding(int typeId, String[] tokens, int... offsets) {
    int n = tokens.length;
    int[] ids = new int[n];
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      ids[i] = 10 + i;
      types[i] = typeId;
    }
    return Encoding.builder()
        .ids(ids)
        .tokens(tokens)
        .typeIds(types)
        .offsets(offsets)
        .wordIds(new int[n])
        .sequenceIds(new int[n])
        .build();
  }

  static String offsets(Encoding e) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < e.size(); i++) {
      sb.append('[').append(e.startOffset(i)).append(',').append(e.endOffset(i)).append(']');
    }
    return sb.toString();
  }
}
