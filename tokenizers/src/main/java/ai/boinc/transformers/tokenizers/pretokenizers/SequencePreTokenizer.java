package ai.boinc.transformers.tokenizers.pretokenizers;

import java.util.List;

/** JSON type {@code Sequence}: applies its pre-tokenizers in order. Immutable and thread-safe. */
public final class SequencePreTokenizer implements PreTokenizer {
  private final List<PreTokenizer> preTokenizers;

  public SequencePreTokenizer(List<? extends PreTokenizer> preTokenizers) {
    this.preTokenizers = List.copyOf(preTokenizers);
  }

  public List<PreTokenizer> preTokenizers() {
    return preTokenizers;
  }

  @Override
  public void preTokenize(PreTokenizedString text) {
    for (PreTokenizer p : preTokenizers) {
      p.preTokenize(text);
    }
  }

  @Override
  public String toString() {
    return "Sequence" + preTokenizers;
  }
}
