/**
 * Tokenizes DataFrame columns on Apache Spark: the tokenizer files are resolved once on the
 * driver (with the driver's credentials) and broadcast; executors build the tokenizer from those
 * bytes, never contact the hub and never see the access token. Start at {@link
 * ai.boinc.transformers.spark.SparkTokenizer}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; absence is {@code
 * Optional}.
 */
package ai.boinc.transformers.spark;
