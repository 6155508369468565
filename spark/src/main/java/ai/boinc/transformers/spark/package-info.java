/**
 * Tokenizes DataFrame columns on Apache Spark: the tokenizer files are resolved once on the
 * driver (with the driver's credentials) and broadcast; executors build the tokenizer from those
 * bytes, never contact the hub and never see the access token. Start at {@link
 * ai.boinc.transformers.spark.SparkTokenizer}: {@code transform} and the SQL functions {@code
 * tokenize}/{@code count_tokens} encode text ({@link ai.boinc.transformers.spark.TokenizeOptions});
 * {@code applyChatTemplate} and the SQL functions {@code apply_chat_template}/{@code
 * apply_chat_template_ids} render conversations (a JSON string or an {@code
 * array<struct<role,content>>} column) with the model's chat template ({@link
 * ai.boinc.transformers.spark.ChatTemplateOptions}). Rows that fail give null and an error column,
 * or fail the job naming the row, per {@link ai.boinc.transformers.spark.OnError}.
 *
 * <p>Parameters and return values are non-null unless documented otherwise; absence is {@code
 * Optional}.
 */
package ai.boinc.transformers.spark;
