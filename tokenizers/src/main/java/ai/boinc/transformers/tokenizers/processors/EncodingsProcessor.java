package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.ArrayList;
import java.util.List;

/**
 * A post-processor that works sequence by sequence, the reference's {@code process_encodings}:
 * it returns the processed encodings without merging them, so that {@link SequenceProcessor} can
 * chain it with others. {@link #process} sets the sequence ids, processes and merges.
 */
abstract class EncodingsProcessor implements PostProcessor {
  /** @param encodings one per sequence, sequence ids already set */
  abstract List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens);

  @Override
  public Encoding process(List<Encoding> encodings, boolean addSpecialTokens) {
    if (encodings.isEmpty() || encodings.size() > 2) {
      throw new IllegalArgumentException("expected 1 or 2 encodings, got " + encodings.size());
    }
    return Encodings.merge(processEncodings(withSequenceIds(encodings), addSpecialTokens));
  }

  static List<Encoding> withSequenceIds(List<Encoding> encodings) {
    List<Encoding> out = new ArrayList<>(encodings.size());
    for (int i = 0; i < encodings.size(); i++) {
      out.add(Encodings.withSequence(encodings.get(i), i));
    }
    return out;
  }
}
