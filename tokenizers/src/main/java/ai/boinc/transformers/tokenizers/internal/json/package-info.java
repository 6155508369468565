/**
 * Reading tokenizer files: core's JSON reader with compact forms of the vocabulary and merges, and
 * a value type that names its JSON path in every error. Not API.
 */
package ai.boinc.transformers.tokenizers.internal.json;
