/**
 * Reading tokenizer.json: a byte-level JSON reader with compact vocab/merges forms, and a value
 * type that names its JSON path in every error. Not API.
 */
package ai.boinc.transformers.tokenizers.internal.json;
