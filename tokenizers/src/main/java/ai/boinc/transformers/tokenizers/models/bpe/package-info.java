/**
 * The BPE model: {@link ai.boinc.transformers.tokenizers.models.bpe.Bpe} with its merge table,
 * merge queue, word cache and token index. Only {@code Bpe} is public. Non-null by default.
 */
package ai.boinc.transformers.tokenizers.models.bpe;
