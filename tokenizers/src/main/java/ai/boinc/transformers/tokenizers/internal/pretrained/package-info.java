/**
 * The model layer behind {@link ai.boinc.transformers.tokenizers.ModelTokenizer}: a {@code
 * tokenizer.json} pipeline with the folder's config applied, behaving as Transformers.js's
 * tokenizer classes (one small class per family, chosen by {@link TokenizerClasses}), with its
 * padding and truncation rules ({@link BatchEncoder}) and its decoding ({@link ModelDecoder}).
 * Not API.
 */
package ai.boinc.transformers.tokenizers.internal.pretrained;
