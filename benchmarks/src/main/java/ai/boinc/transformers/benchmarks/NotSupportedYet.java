package ai.boinc.transformers.benchmarks;

import ai.boinc.transformers.tokenizers.TokenizerLoadException;

/**
 * transformers-java cannot load a family's {@code tokenizer.json} yet. Thrown from a benchmark's
 * setup it makes JMH skip that combination (printed as a failure) and go on; the report then shows
 * "not yet supported". Carries no stack trace, so JMH's log stays short.
 */
public final class NotSupportedYet extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotSupportedYet(String family, TokenizerLoadException cause) {
    super(
        "transformers-java cannot load "
            + family
            + " yet (measuring only the peers): "
            + cause.getMessage(),
        null,
        false,
        false);
  }
}
