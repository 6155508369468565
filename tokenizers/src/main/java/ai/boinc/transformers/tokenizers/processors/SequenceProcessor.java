package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;
import java.util.List;

/**
 * JSON type {@code Sequence} (post-processor): runs its post-processors in order, each on the
 * sequences the previous one returned, then merges them. A post-processor that only knows how to
 * produce one merged encoding (such as {@link TemplateProcessing}) passes that single encoding
 * on. Immutable and thread-safe.
 */
public final class SequenceProcessor extends EncodingsProcessor {
  private final List<PostProcessor> processors;

  public SequenceProcessor(List<? extends PostProcessor> processors) {
    this.processors = List.copyOf(processors);
  }

  public List<PostProcessor> processors() {
    return processors;
  }

  @Override
  public int addedTokens(boolean pair) {
    int n = 0;
    for (PostProcessor p : processors) {
      n += p.addedTokens(pair);
    }
    return n;
  }

  @Override
  List<Encoding> processEncodings(List<Encoding> encodings, boolean addSpecialTokens) {
    for (PostProcessor p : processors) {
      if (p instanceof EncodingsProcessor) {
        encodings = ((EncodingsProcessor) p).processEncodings(encodings, addSpecialTokens);
      } else {
        encodings = List.of(p.process(encodings, addSpecialTokens));
      }
    }
    return encodings;
  }

  @Override
  public String toString() {
    return "Sequence" + processors;
  }
}
