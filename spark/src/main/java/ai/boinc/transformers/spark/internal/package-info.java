/**
 * What runs on the executors: the broadcast tokenizer files, the per-JVM tokenizer cache, the
 * partition encoder and the SQL functions. Not public API.
 */
package ai.boinc.transformers.spark.internal;
