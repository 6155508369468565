/**
 * Regular expressions: Oniguruma patterns translated to {@code java.util.regex}, and hand-written
 * scanners for the common split patterns. Not API.
 */
package ai.boinc.transformers.tokenizers.internal.regex;
