/**
 * Implementation: the component registry and JSON reading, the added-vocabulary splitter, the
 * pipeline {@link ai.boinc.transformers.tokenizer.Tokenizer} and small data structures. Not API:
 * anything here may change in any release.
 */
package ai.boinc.transformers.tokenizers.internal;
