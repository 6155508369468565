package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.tokenizer.Tokenizer;

/**
 * Loads tokenizers of hub repositories through one configured {@link Hub}: what injected code
 * asks for instead of calling {@link AutoTokenizer} statics.
 *
 * <p>Implementations are thread-safe.
 */
public interface TokenizerFactory {

  /** The tokenizer of model {@code repoId} at {@code main}. */
  default Tokenizer fromPretrained(String repoId) {
    return fromPretrained(repoId, Hub.DEFAULT_REVISION);
  }

  /** The tokenizer of model {@code repoId} at {@code revision}. */
  Tokenizer fromPretrained(String repoId, String revision);

  /** A factory that loads through {@code hub}. */
  static TokenizerFactory of(Hub hub) {
    java.util.Objects.requireNonNull(hub, "hub");
    return new TokenizerFactory() {
      @Override
      public Tokenizer fromPretrained(String repoId, String revision) {
        return AutoTokenizer.fromPretrained(repoId, revision, hub);
      }

      @Override
      public String toString() {
        return "TokenizerFactory[" + hub + "]";
      }
    };
  }
}
