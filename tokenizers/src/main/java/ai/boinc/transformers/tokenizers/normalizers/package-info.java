/**
 * Normalizers: the first pipeline stage, rewriting text while keeping offsets (one class per
 * {@code "type"} of {@code tokenizer.json}'s {@code normalizer}). Non-null by default.
 */
package ai.boinc.transformers.tokenizers.normalizers;
