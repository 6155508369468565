/**
 * The encode path: added-vocabulary splitting, the pipeline tokenizer, post-processing with
 * truncation and padding, and batches. Not API.
 */
package ai.boinc.transformers.tokenizers.internal.pipeline;
