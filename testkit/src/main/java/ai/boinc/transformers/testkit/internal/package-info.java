/**
 * Implementation of the testkit emulators. Not API: anything here may change without notice; use
 * the types in {@code ai.boinc.transformers.testkit}.
 */
package ai.boinc.transformers.testkit.internal;
