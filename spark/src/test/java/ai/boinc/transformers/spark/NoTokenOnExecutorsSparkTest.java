package ai.boinc.transformers.spark;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.spark.internal.PartitionChatRenderer;
import ai.boinc.transformers.spark.internal.PartitionEncoder;
import ai.boinc.transformers.spark.internal.TokenizerFiles;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.testkit.RecordedRequest;
import ai.boinc.transformers.testkit.TestData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * The tokenizer of a gated repository resolved on the driver: executors get file bytes only. The
 * token and the hub must not appear in anything Spark ships, and no request reaches the hub once
 * the driver has the files.
 */
class NoTokenOnExecutorsSparkTest {
  private static final String REPO = "meta-llama/Llama-2-7b-ba";
  private static final String TOKEN = "ba_sparkSecret_5f0c2e9a71d4";
  private static final String CHAT_TEMPLATE = "{% for m in messages %}{{ m.content }}{% endfor %}";
  private static final String[] FILES = {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"};

  @TempDir static Path cache;
  private static LocalHub localHub;
  private static SparkSession spark;
  private static SparkTokenizer tokenizer;
  private static int driverRequests;

  @BeforeAll
  static void resolveOnTheDriver() throws IOException {
    HubRepo.Builder repo = HubRepo.model(REPO).gated();
    for (String file : FILES) {
      repo.file(file, Files.readAllBytes(TestData.tokenizer("llama-2").resolve(file)));
    }
    repo.file("chat_template.jinja", CHAT_TEMPLATE.getBytes(StandardCharsets.UTF_8));
    localHub = LocalHub.builder().repo(repo.build()).token(TOKEN, "spark-user", REPO).start();
    Hub hub = Hub.builder()
        .environment(Map.of())
        .settings(HubSettings.builder().endpoint(localHub.endpoint()).cacheDir(cache).build())
        .token(AccessToken.of(TOKEN))
        .build();
    spark = LocalSpark.start("NoTokenOnExecutorsSparkTest");
    tokenizer = SparkTokenizer.fromPretrained(REPO, hub);
    driverRequests = localHub.requests().size();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (localHub != null) {
      localHub.close();
    }
  }

  private static Dataset<Row> docs() {
    List<Row> rows = new ArrayList<>();
    List<String> texts = Corpora.publicCorpus();
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create((long) i, texts.get(i)));
    }
    StructType schema = new StructType().add("id", DataTypes.LongType).add("text", DataTypes.StringType);
    return spark.createDataFrame(rows, schema).repartition(3);
  }

  /** Conversations as JSON strings, one per document of the public corpus. */
  private static Dataset<Row> chats() {
    List<Row> rows = new ArrayList<>();
    List<String> texts = Corpora.publicCorpus();
    for (int i = 0; i < texts.size(); i++) {
      String json = "[{\"role\":\"user\",\"content\":\"doc " + i + "\"}]";
      rows.add(RowFactory.create((long) i, json));
    }
    StructType schema = new StructType().add("id", DataTypes.LongType).add("messages", DataTypes.StringType);
    return spark.createDataFrame(rows, schema).repartition(3);
  }

  private static final ChatTemplateOptions CHAT_OPTIONS =
      ChatTemplateOptions.newBuilder().inputIds(true).build();

  @Test
  void theDriverDownloadedTheFilesWithTheTokenAndBroadcastsTheirBytesOnly() {
    assertThat(localHub.requests()).as("the driver's downloads").isNotEmpty();
    assertThat(localHub.requests())
        .anySatisfy(r -> assertThat(r.rawPath()).endsWith("/tokenizer.json"));
    TokenizerFiles files = tokenizer.broadcast(spark.sparkContext()).value();
    assertThat(files.files().keySet()).containsExactly(
        "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja");
    assertThat(new String(files.files().get("chat_template.jinja"), StandardCharsets.UTF_8))
        .isEqualTo(CHAT_TEMPLATE);
    assertThat(tokenizer.broadcastSize()).isGreaterThan(2_000_000L).isLessThan(2_100_000L);
    assertThat(files.source()).startsWith(REPO + "@");
  }

  @Test
  void closuresBroadcastAndPlansHoldNoToken() throws IOException {
    Dataset<Row> df = docs();
    PartitionEncoder encoder = tokenizer.encoder(df, "text", TokenizeOptions.defaults());
    SerializerInstance closures = SparkEnv.get().closureSerializer().newInstance();
    TokenizerFiles files = tokenizer.broadcast(spark.sparkContext()).value();
    SerializerInstance kryo = new KryoSerializer(spark.sparkContext().getConf()).newInstance();

    assertNoToken("the partition function, Java-serialized", javaBytes(encoder));
    assertNoToken("the partition function, closure serializer", bytes(closures.serialize(encoder, tag(PartitionEncoder.class))));
    assertNoToken("the broadcast value, Java-serialized", javaBytes(files));
    assertNoToken("the broadcast value, Kryo", bytes(kryo.serialize(files, tag(TokenizerFiles.class))));
    assertNoToken("the broadcast handle", javaBytes(tokenizer.broadcast(spark.sparkContext())));

    Dataset<Row> out = tokenizer.transform(df, "text");
    assertNoToken("the plans", out.queryExecution().toString().getBytes(StandardCharsets.UTF_8));
    assertNoToken("the physical plan, serialized",
        bytes(closures.serialize(out.queryExecution().executedPlan(), tag(Object.class))));

    tokenizer.register(spark, "tokenize");
    df.createOrReplaceTempView("gated_docs");
    Dataset<Row> sql = spark.sql("SELECT tokenize(text), count_tokens(text) FROM gated_docs");
    assertNoToken("the SQL plans", sql.queryExecution().toString().getBytes(StandardCharsets.UTF_8));
    assertNoToken("the SQL physical plan, serialized",
        bytes(closures.serialize(sql.queryExecution().executedPlan(), tag(Object.class))));

    Dataset<Row> chats = chats();
    PartitionChatRenderer renderer = tokenizer.chatRenderer(chats, "messages", CHAT_OPTIONS);
    assertNoToken("the chat partition function, Java-serialized", javaBytes(renderer));
    assertNoToken("the chat partition function, closure serializer",
        bytes(closures.serialize(renderer, tag(PartitionChatRenderer.class))));
    Dataset<Row> prompts = tokenizer.applyChatTemplate(chats, "messages", CHAT_OPTIONS);
    assertNoToken("the chat plans", prompts.queryExecution().toString().getBytes(StandardCharsets.UTF_8));
    assertNoToken("the chat physical plan, serialized",
        bytes(closures.serialize(prompts.queryExecution().executedPlan(), tag(Object.class))));
    chats.createOrReplaceTempView("gated_chats");
    Dataset<Row> chatSql = spark.sql(
        "SELECT apply_chat_template(messages), apply_chat_template_ids(messages) FROM gated_chats");
    assertNoToken("the chat SQL plans", chatSql.queryExecution().toString().getBytes(StandardCharsets.UTF_8));
    assertNoToken("the chat SQL physical plan, serialized",
        bytes(closures.serialize(chatSql.queryExecution().executedPlan(), tag(Object.class))));
    assertThat(tokenizer.toString()).doesNotContain(TOKEN);
  }

  @Test
  void executorsDoNotCallTheHub() {
    List<Row> rows = tokenizer.transform(docs(), "text").collectAsList();
    tokenizer.register(spark, "tokenize");
    docs().createOrReplaceTempView("gated_docs_2");
    long counted = spark.sql("SELECT sum(count_tokens(text)) FROM gated_docs_2").first().getLong(0);
    List<Row> prompts = tokenizer.applyChatTemplate(chats(), "messages", CHAT_OPTIONS).collectAsList();
    chats().createOrReplaceTempView("gated_chats_2");
    long promptChars = spark.sql(
        "SELECT sum(length(apply_chat_template(messages))) FROM gated_chats_2").first().getLong(0);

    assertThat(rows).hasSize(Corpora.publicCorpus().size());
    assertThat(counted).isGreaterThan(0L);
    // The template prints each message's content: "doc 0", "doc 1", ...
    assertThat(prompts).hasSize(Corpora.publicCorpus().size())
        .allSatisfy(r -> assertThat(r.getString(r.fieldIndex("prompt"))).startsWith("doc "));
    assertThat(promptChars).isGreaterThan(4L * prompts.size());
    List<RecordedRequest> after = localHub.requests();
    assertThat(after.subList(driverRequests, after.size())).as("requests after the driver's").isEmpty();
  }

  private static void assertNoToken(String what, byte[] bytes) {
    String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
    String utf16 = new String(bytes, StandardCharsets.UTF_16BE);
    assertThat(bytes).as(what + " was serialized").isNotEmpty();
    assertThat(latin1).as(what + " (UTF-8 bytes)").doesNotContain(TOKEN).doesNotContain(localHub.endpoint().toString());
    assertThat(utf16).as(what + " (UTF-16 bytes)").doesNotContain(TOKEN);
    assertThat(new String(bytes, 1, bytes.length - 1, StandardCharsets.UTF_16BE))
        .as(what + " (UTF-16 bytes, odd offset)").doesNotContain(TOKEN);
  }

  private static byte[] javaBytes(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
      objects.writeObject(value);
    }
    return out.toByteArray();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] out = new byte[buffer.remaining()];
    buffer.get(out);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> ClassTag<T> tag(Class<T> type) {
    return (ClassTag<T>) ClassTag$.MODULE$.apply(type);
  }
}
