/**
 * Transport discovery and the request log (with its redaction), shared by the hub engine and the
 * credential back-ends. Not API.
 */
package ai.boinc.transformers.internal.fetch;
