/** Tokenizes a corpus on Apache Spark with a gated repository's tokenizer; see the README. */
package ai.boinc.transformers.examples.spark;
