/**
 * Pre-tokenizers: the stage that cuts normalized text into pieces (words) the model tokenizes one
 * by one, and {@link ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString}, the
 * pieces with their offsets. Non-null by default.
 */
package ai.boinc.transformers.tokenizers.pretokenizers;
