/**
 * Unicode text support: character tables (BERT, scripts, categories), normalization forms,
 * graphemes, tries and UTF-8/UTF-16 helpers. Not API.
 */
package ai.boinc.transformers.tokenizers.internal.text;
