package ai.boinc.transformers.tokenizers.internal;

import ai.boinc.transformers.tokenizers.models.bpe.Bpe;

/**
 * The loader's way to hand {@link Bpe.Builder} merge ids it found by looking up each merge's text,
 * which {@code build()} then need not compare again. Not public on the builder: a caller that got
 * the ids any other way could build a model that encodes wrongly. {@link Bpe} installs the one
 * implementation when its class initializes.
 */
public abstract class BpeTrustedMerges {
  private static volatile BpeTrustedMerges installed;

  protected BpeTrustedMerges() {}

  /** Called once, by {@link Bpe}'s static initializer; later calls are ignored. */
  public static synchronized void install(BpeTrustedMerges implementation) {
    if (installed == null) {
      installed = implementation;
    }
  }

  static void set(Bpe.Builder builder, int[] triples) {
    BpeTrustedMerges current = installed;
    if (current == null) {
      throw new IllegalStateException("Bpe is not initialized"); // cannot be: a builder exists
    }
    current.apply(builder, triples);
  }

  protected abstract void apply(Bpe.Builder builder, int[] triples);
}
