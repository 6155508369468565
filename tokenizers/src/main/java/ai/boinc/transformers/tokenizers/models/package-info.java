/**
 * Models: the stage that turns one piece of normalized text into tokens (BPE, later WordPiece,
 * Unigram, WordLevel). Non-null by default.
 */
package ai.boinc.transformers.tokenizers.models;
