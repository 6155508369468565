/**
 * Not API: the JSON reader and writer that core and the testkit share, so that core depends on the
 * JDK alone. Anything here may change or go in any release; do not use it from application code.
 */
package ai.boinc.transformers.internal.json;
