/**
 * Loading: tokenizer.json and tokenizer_config.json into a pipeline, with one factory per stage
 * mapping each JSON {@code "type"} to its component. Not API.
 */
package ai.boinc.transformers.tokenizers.internal;
