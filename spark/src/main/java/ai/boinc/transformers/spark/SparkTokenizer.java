package ai.boinc.transformers.spark;

import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.spark.internal.ChatColumns;
import ai.boinc.transformers.spark.internal.ChatRenderer;
import ai.boinc.transformers.spark.internal.EncodedColumns;
import ai.boinc.transformers.spark.internal.ExecutorTokenizers;
import ai.boinc.transformers.tokenizers.Tokenizers;
import ai.boinc.transformers.spark.internal.PartitionChatRenderer;
import ai.boinc.transformers.spark.internal.PartitionEncoder;
import ai.boinc.transformers.spark.internal.SqlFunctions;
import ai.boinc.transformers.spark.internal.TokenizerFiles;
import ai.boinc.transformers.tokenizers.MissingChatTemplateException;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A tokenizer for Spark DataFrames. The tokenizer's files are resolved on the driver — from the
 * hub with the driver's credentials, or from a folder — and their bytes are broadcast; each
 * executor JVM builds the tokenizer once from those bytes. Executors never contact the hub and
 * never see the access token: nothing but file names and contents leaves the driver.
 *
 * <pre>{@code
 * SparkTokenizer tokenizer = SparkTokenizer.fromPretrained("meta-llama/Llama-2-7b-ba");
 * Dataset<Row> ids = tokenizer.transform(spark.read().parquet("docs"), "text");
 * // adds input_ids array<int>, attention_mask array<int>
 * tokenizer.register(spark, "tokenize");   // SQL: tokenize(text), count_tokens(text),
 *                                          // apply_chat_template(messages), apply_chat_template_ids(messages)
 * Dataset<Row> prompts = tokenizer.applyChatTemplate(chats, "messages",
 *     ChatTemplateOptions.newBuilder().addGenerationPrompt(true).inputIds(true).build());
 * // adds prompt string, input_ids array<int>
 * }</pre>
 *
 * <p>Conversations ({@code messages}) are either a JSON string column holding an array of message
 * objects, or an {@code array<struct<role:string,content:string,...>>} column; each row renders as
 * {@link ModelTokenizer#applyChatTemplate(java.util.List, ai.boinc.transformers.tokenizers.ChatOptions)}
 * renders it on the driver.
 *
 * <p>Thread-safe. The broadcast is made on first use with a Spark context and reused while that
 * context lives.
 */
public final class SparkTokenizer {
  private final TokenizerFiles files;
  private final ModelTokenizer driverTokenizer;
  private Broadcast<TokenizerFiles> broadcast;
  private SparkContext broadcastContext;

  private SparkTokenizer(TokenizerFiles files) {
    this.files = files;
    // Built here first so that bad files fail on the driver, before any job starts.
    this.driverTokenizer = ExecutorTokenizers.get(files);
  }

  /** The tokenizer of model {@code repoId} at {@code main}, with a hub from the environment. */
  public static SparkTokenizer fromPretrained(String repoId) {
    return fromPretrained(repoId, Hub.DEFAULT_REVISION, Hub.create());
  }

  /** The tokenizer of model {@code repoId} at {@code revision}, with a hub from the environment. */
  public static SparkTokenizer fromPretrained(String repoId, String revision) {
    return fromPretrained(repoId, revision, Hub.create());
  }

  /** The tokenizer of model {@code repoId} at {@code main}, through {@code hub}. */
  public static SparkTokenizer fromPretrained(String repoId, Hub hub) {
    return fromPretrained(repoId, Hub.DEFAULT_REVISION, hub);
  }

  /**
   * Downloads (or reads from the cache) the tokenizer files of model {@code repoId} at {@code
   * revision} through {@code hub}, on the calling JVM, which should be the driver: {@code
   * tokenizer.json}, and {@code tokenizer_config.json}, {@code special_tokens_map.json} and {@code
   * chat_template.jinja} when the repository has them, all from one commit.
   *
   * @throws ai.boinc.transformers.hub.HubException if a file cannot be downloaded
   * @throws IllegalArgumentException if the repository has no {@code tokenizer.json}
   * @throws ai.boinc.transformers.tokenizers.TokenizerLoadException if the files are not a valid
   *     tokenizer
   */
  public static SparkTokenizer fromPretrained(String repoId, String revision, Hub hub) {
    Objects.requireNonNull(repoId, "repoId");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(hub, "hub");
    // One snapshot call: the revision is resolved to one commit and only these names are fetched.
    Path snapshot = hub.snapshot(repoId, revision, Tokenizers.MODEL_FILES, List.of());
    if (!Files.isRegularFile(snapshot.resolve(TokenizerFiles.TOKENIZER_JSON))) {
      throw new IllegalArgumentException("model " + repoId + " at revision " + revision
          + " has no " + TokenizerFiles.TOKENIZER_JSON + "; only fast tokenizers can be broadcast");
    }
    String commit = snapshot.getFileName().toString();
    return new SparkTokenizer(TokenizerFiles.read(snapshot, repoId + "@" + commit));
  }

  /**
   * The tokenizer in a local folder: {@code tokenizer.json}, plus the optional files beside it.
   * The folder need only exist on the driver.
   *
   * @throws IllegalArgumentException if the folder has no {@code tokenizer.json}
   * @throws ai.boinc.transformers.tokenizers.TokenizerLoadException if the files are not a valid
   *     tokenizer
   */
  public static SparkTokenizer fromDirectory(Path dir) {
    return new SparkTokenizer(TokenizerFiles.read(dir, dir.toString()));
  }

  /** The tokenizer as the driver built it; executors build an equal one from the same bytes. */
  public ModelTokenizer tokenizer() {
    return driverTokenizer;
  }

  /** Bytes broadcast to each executor: the tokenizer files' contents. */
  public long broadcastSize() {
    return files.size();
  }

  /** SHA-256 of the tokenizer files, the key of the executors' cache. */
  public String sha256() {
    return files.sha256();
  }

  /** {@link #transform(Dataset, String, TokenizeOptions)} with {@link TokenizeOptions#defaults()}. */
  public Dataset<Row> transform(Dataset<Row> df, String textColumn) {
    return transform(df, textColumn, TokenizeOptions.defaults());
  }

  /**
   * {@code df} with the token columns added after its own: {@code input_ids array<int>} and
   * {@code attention_mask array<int>}, then as asked {@code token_type_ids array<int>}, {@code
   * offsets array<struct<start:int,end:int>>}, {@code num_tokens int}, and with {@link
   * OnError#NULL_WITH_ERROR} {@code tokenize_error string} (null for rows that were encoded).
   * Lazy, like any transformation: encoding happens when an action runs, per partition, in
   * batches of {@link TokenizeOptions#batchSize()} rows.
   *
   * @throws IllegalArgumentException if {@code textColumn} (or the key column) is missing or not
   *     a string, or {@code df} already has a column of the name of an added one
   */
  public Dataset<Row> transform(Dataset<Row> df, String textColumn, TokenizeOptions options) {
    Objects.requireNonNull(df, "df");
    PartitionEncoder encoder = encoder(df, textColumn, options);
    return df.mapPartitions(encoder, Encoders.row(EncodedColumns.schema(df.schema(), options)));
  }

  /** The function {@link #transform} runs on each partition of {@code df}: what Spark ships. */
  PartitionEncoder encoder(Dataset<Row> df, String textColumn, TokenizeOptions options) {
    Objects.requireNonNull(textColumn, "textColumn");
    Objects.requireNonNull(options, "options");
    StructType input = df.schema();
    int textIndex = columnIndex(input, textColumn, "text column");
    if (!input.fields()[textIndex].dataType().equals(DataTypes.StringType)) {
      throw new IllegalArgumentException("the text column '" + textColumn + "' is "
          + input.fields()[textIndex].dataType().simpleString() + ", expected string; cast it first");
    }
    int keyIndex = options.keyColumn().isPresent()
        ? columnIndex(input, options.keyColumn().get(), "key column")
        : -1;
    checkNoClash(input, EncodedColumns.names(options), "transform");
    return new PartitionEncoder(
        broadcast(df.sparkSession().sparkContext()), options, textIndex, keyIndex,
        input.fields().length);
  }

  /**
   * Registers the SQL functions {@code name(text) -> array<int>} (the ids) and a token count
   * {@code -> int}, named by replacing {@code tokenize} in {@code name} with {@code count_tokens}
   * ({@code "tokenize"} gives {@code count_tokens}, {@code "llama_tokenize"} gives {@code
   * llama_count_tokens}), or {@code name + "_count"} when {@code name} has no {@code tokenize}.
   * Both use {@link TokenizeOptions#defaults()} except that a text that cannot be encoded gives
   * null.
   *
   * <p>When the model has a chat template, also registers {@code apply_chat_template(messages) ->
   * string} and {@code apply_chat_template_ids(messages) -> array<int>}, named the same way
   * ({@code tokenize} replaced by {@code apply_chat_template}, else {@code name +
   * "_apply_chat_template"}), with {@link ChatTemplateOptions#defaults()} except that a
   * conversation that cannot be rendered gives null. For a generation prompt or template
   * variables, use {@link #registerChatTemplate}.
   */
  public void register(SparkSession spark, String name) {
    register(spark, name, countName(name),
        TokenizeOptions.newBuilder().onError(OnError.NULL_WITH_ERROR).build());
    if (!driverTokenizer.chatTemplates().isEmpty()) {
      String chatName = chatName(name);
      registerChatTemplate(spark, chatName, chatName + "_ids",
          ChatTemplateOptions.newBuilder().onError(OnError.NULL_WITH_ERROR).build());
    }
  }

  /** Registers {@code idsName(text) -> array<int>} and {@code countName(text) -> int}. */
  public void register(
      SparkSession spark, String idsName, String countName, TokenizeOptions options) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(idsName, "idsName");
    Objects.requireNonNull(countName, "countName");
    Objects.requireNonNull(options, "options");
    SqlFunctions.register(spark, broadcast(spark.sparkContext()), options, idsName, countName);
  }

  /**
   * Registers {@code promptName(messages) -> string}, the conversation rendered with the model's
   * chat template, and {@code idsName(messages) -> array<int>}, that prompt's ids (encoded without
   * adding special tokens, as {@link ModelTokenizer#applyChatTemplateIds} does). {@code messages}
   * is a JSON string or an {@code array<struct<role,content,...>>}. A conversation that cannot be
   * rendered gives null or fails the query, per {@link ChatTemplateOptions#onError()}; {@link
   * ChatTemplateOptions#inputIds()} and the key column do not apply here.
   *
   * @throws MissingChatTemplateException if the model has no chat template
   */
  public void registerChatTemplate(
      SparkSession spark, String promptName, String idsName, ChatTemplateOptions options) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(promptName, "promptName");
    Objects.requireNonNull(idsName, "idsName");
    SqlFunctions.registerChat(spark, chatRenderer(spark.sparkContext(), options), promptName, idsName);
  }

  static String countName(String name) {
    return name.contains("tokenize") ? name.replace("tokenize", "count_tokens") : name + "_count";
  }

  static String chatName(String name) {
    return name.contains("tokenize")
        ? name.replace("tokenize", "apply_chat_template")
        : name + "_apply_chat_template";
  }

  /** {@link #applyChatTemplate(Dataset, String, ChatTemplateOptions)} with the defaults. */
  public Dataset<Row> applyChatTemplate(Dataset<Row> df, String messagesColumn) {
    return applyChatTemplate(df, messagesColumn, ChatTemplateOptions.defaults());
  }

  /**
   * {@code df} with each row's conversation rendered by the model's chat template: adds {@code
   * prompt string}, then as asked {@code input_ids array<int>} (the prompt's ids, no special tokens
   * added, as {@link ModelTokenizer#applyChatTemplateIds}), and with {@link
   * OnError#NULL_WITH_ERROR} {@code chat_template_error string}. {@code messagesColumn} is a JSON
   * string (an array of message objects; key order, ints and floats are kept) or an {@code
   * array<struct<role:string,content:string,...>>} (a struct's null fields are left out of the
   * message). A row whose messages are null or malformed, or whose template raises an error, is an
   * error row. Lazy; rendering happens per partition when an action runs.
   *
   * @throws MissingChatTemplateException if the model has no chat template
   * @throws IllegalArgumentException if {@code messagesColumn} (or the key column) is missing or of
   *     another type, or {@code df} already has a column of the name of an added one
   */
  public Dataset<Row> applyChatTemplate(
      Dataset<Row> df, String messagesColumn, ChatTemplateOptions options) {
    Objects.requireNonNull(df, "df");
    PartitionChatRenderer renderer = chatRenderer(df, messagesColumn, options);
    return df.mapPartitions(renderer, Encoders.row(ChatColumns.schema(df.schema(), options)));
  }

  /** The function {@link #applyChatTemplate} runs on each partition: what Spark ships. */
  PartitionChatRenderer chatRenderer(
      Dataset<Row> df, String messagesColumn, ChatTemplateOptions options) {
    Objects.requireNonNull(messagesColumn, "messagesColumn");
    StructType input = df.schema();
    int messagesIndex = columnIndex(input, messagesColumn, "messages column");
    DataType type = input.fields()[messagesIndex].dataType();
    boolean structs = type instanceof ArrayType
        && ((ArrayType) type).elementType() instanceof StructType;
    if (!type.equals(DataTypes.StringType) && !structs) {
      throw new IllegalArgumentException("the messages column '" + messagesColumn + "' is "
          + type.simpleString() + "; expected a JSON string or array<struct<role:string,"
          + "content:string>>");
    }
    int keyIndex = options.keyColumn().isPresent()
        ? columnIndex(input, options.keyColumn().get(), "key column")
        : -1;
    checkNoClash(input, ChatColumns.names(options), "applyChatTemplate");
    return new PartitionChatRenderer(
        chatRenderer(df.sparkSession().sparkContext(), options), messagesIndex, keyIndex,
        input.fields().length);
  }

  private ChatRenderer chatRenderer(SparkContext context, ChatTemplateOptions options) {
    Objects.requireNonNull(options, "options");
    // Fails here, on the driver, rather than once per row on the executors.
    if (driverTokenizer.chatTemplates().isEmpty()) {
      throw new MissingChatTemplateException(files.source());
    }
    return new ChatRenderer(broadcast(context), options);
  }

  private static void checkNoClash(StructType input, List<String> added, String method) {
    for (String name : added) {
      if (Arrays.asList(input.fieldNames()).contains(name)) {
        throw new IllegalArgumentException("the DataFrame already has a column '" + name
            + "', which " + method + " adds; drop or rename it first");
      }
    }
  }

  /** The broadcast of the files for {@code context}, made once per live context. */
  synchronized Broadcast<TokenizerFiles> broadcast(SparkContext context) {
    if (broadcast == null || broadcastContext != context || context.isStopped()) {
      broadcast = JavaSparkContext.fromSparkContext(context).broadcast(files);
      broadcastContext = context;
    }
    return broadcast;
  }

  private static int columnIndex(StructType schema, String column, String role) {
    for (int i = 0; i < schema.fields().length; i++) {
      if (schema.fields()[i].name().equals(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + role + " '" + column + "' in the DataFrame; its columns: "
        + String.join(", ", schema.fieldNames()));
  }

  @Override
  public String toString() {
    return "SparkTokenizer{" + files + "}";
  }
}
