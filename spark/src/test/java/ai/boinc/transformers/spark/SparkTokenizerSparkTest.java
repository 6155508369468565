package ai.boinc.transformers.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.boinc.transformers.spark.internal.ExecutorTokenizers;
import ai.boinc.transformers.testkit.TestData;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkTokenizerSparkTest {
  private static final StructType DOCS =
      new StructType().add("id", DataTypes.LongType, false).add("text", DataTypes.StringType, true);

  private static SparkSession spark;
  private static SparkTokenizer llama;

  @BeforeAll
  static void startSpark() {
    spark = LocalSpark.start("SparkTokenizerSparkTest");
    llama = SparkTokenizer.fromDirectory(TestData.tokenizer("llama-2"));
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  private static Dataset<Row> docs(List<String> texts, int partitions) {
    List<Row> rows = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create((long) i, texts.get(i)));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(jsc.parallelize(rows, partitions), DOCS);
  }

  private static List<Row> collectById(Dataset<Row> df) {
    List<Row> rows = new ArrayList<>(df.collectAsList());
    rows.sort(Comparator.comparingLong(r -> r.getLong(r.fieldIndex("id"))));
    return rows;
  }

  private static int[] ints(Row row, String column) {
    List<Integer> list = row.getList(row.fieldIndex(column));
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void idsEqualSingleJvmEncodeForThePublicCorpusAndABenchCorpusSample() {
    List<String> texts = new ArrayList<>(Corpora.publicCorpus());
    texts.addAll(Corpora.benchSample(25));
    EncodeOptions options = TokenizeOptions.defaults().encodeOptions();
    Tokenizer reference = llama.tokenizer();

    List<Row> rows = collectById(llama.transform(docs(texts, 3), "text"));

    assertThat(rows).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Row row = rows.get(i);
      Encoding expected = reference.encode(texts.get(i), options);
      assertThat(row.getString(row.fieldIndex("text"))).isEqualTo(texts.get(i));
      assertThat(ints(row, "input_ids")).as("ids of document %d", i).isEqualTo(expected.ids());
      assertThat(ints(row, "attention_mask")).isEqualTo(expected.attentionMask());
    }
    assertThat(rows.get(0).schema().fieldNames())
        .containsExactly("id", "text", "input_ids", "attention_mask");
  }

  @Test
  void optionalColumnsTruncationAndPaddingEqualEncodeWithTheSameOptions() {
    SparkTokenizer bert = SparkTokenizer.fromDirectory(TestData.tokenizer("bert-base-uncased"));
    TokenizeOptions options = TokenizeOptions.newBuilder()
        .truncate(16).padToLength(24).tokenTypeIds(true).offsets(true).numTokens(true)
        .batchSize(7).build();
    List<String> texts = Corpora.publicCorpus();

    List<Row> rows = collectById(bert.transform(docs(texts, 2), "text", options));

    for (int i = 0; i < texts.size(); i++) {
      Row row = rows.get(i);
      Encoding expected = bert.tokenizer().encode(texts.get(i), options.encodeOptions());
      assertThat(ints(row, "input_ids")).as("ids of document %d", i).isEqualTo(expected.ids());
      assertThat(ints(row, "attention_mask")).isEqualTo(expected.attentionMask());
      assertThat(ints(row, "token_type_ids")).isEqualTo(expected.typeIds());
      assertThat(row.getInt(row.fieldIndex("num_tokens"))).isEqualTo(expected.size()).isEqualTo(24);
      List<Row> offsets = row.getList(row.fieldIndex("offsets"));
      for (int t = 0; t < expected.size(); t++) {
        assertThat(offsets.get(t).getInt(0)).isEqualTo(expected.startOffset(t));
        assertThat(offsets.get(t).getInt(1)).isEqualTo(expected.endOffset(t));
      }
    }
  }

  @Test
  void nullAndOverLimitRowsGetNullIdsAndAnErrorWhenAsked() {
    List<String> texts = new ArrayList<>(List.of("short one", "x".repeat(51), "another"));
    texts.add(null);
    TokenizeOptions options =
        TokenizeOptions.newBuilder().maxChars(50).onError(OnError.NULL_WITH_ERROR).build();

    List<Row> rows = collectById(llama.transform(docs(texts, 2), "text", options));

    assertThat(ints(rows.get(0), "input_ids")).isEqualTo(llama.tokenizer().encode("short one").ids());
    assertThat(rows.get(0).isNullAt(rows.get(0).fieldIndex("tokenize_error"))).isTrue();
    assertThat(rows.get(1).isNullAt(rows.get(1).fieldIndex("input_ids"))).isTrue();
    assertThat(rows.get(1).getString(rows.get(1).fieldIndex("tokenize_error")))
        .contains("51 chars, over the limit of 50");
    assertThat(ints(rows.get(2), "input_ids")).isEqualTo(llama.tokenizer().encode("another").ids());
    assertThat(rows.get(3).isNullAt(rows.get(3).fieldIndex("attention_mask"))).isTrue();
    assertThat(rows.get(3).getString(rows.get(3).fieldIndex("tokenize_error"))).contains("null");
  }

  @Test
  void failModeFailsTheJobNamingTheRowAndItsKey() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      texts.add(i == 29 ? "y".repeat(100) : "text " + i);
    }
    TokenizeOptions options =
        TokenizeOptions.newBuilder().maxChars(80).onError(OnError.FAIL).keyColumn("id").build();
    Dataset<Row> out = llama.transform(docs(texts, 2), "text", options);

    // Two partitions of 20 rows: document 29 is row 9 of partition 1.
    assertThatThrownBy(out::collectAsList)
        .hasStackTraceContaining(RowEncodingException.class.getName())
        .hasStackTraceContaining("cannot encode row 9 of partition 1 (key 29)")
        .hasStackTraceContaining("100 chars, over the limit of 80");
  }

  @Test
  void sqlFunctionsEqualEncode() {
    llama.register(spark, "tokenize");
    List<String> texts = new ArrayList<>(Corpora.publicCorpus().subList(0, 60));
    texts.add(null);
    docs(texts, 2).createOrReplaceTempView("docs");

    List<Row> rows = collectById(spark.sql(
        "SELECT id, tokenize(text) AS ids, count_tokens(text) AS n FROM docs"));

    for (int i = 0; i < texts.size() - 1; i++) {
      int[] expected = llama.tokenizer().encode(texts.get(i)).ids();
      assertThat(ints(rows.get(i), "ids")).isEqualTo(expected);
      assertThat(rows.get(i).getInt(2)).isEqualTo(expected.length);
    }
    Row last = rows.get(texts.size() - 1);
    assertThat(last.isNullAt(1)).isTrue();
    assertThat(last.isNullAt(2)).isTrue();
    assertThat(SparkTokenizer.countName("llama_tokenize")).isEqualTo("llama_count_tokens");
    assertThat(SparkTokenizer.countName("ids")).isEqualTo("ids_count");
  }

  @Test
  void hundredThousandShortRowsBuildTheTokenizerOncePerJvm(@TempDir Path dir) throws IOException {
    // Files of a content no other test uses, so this JVM has not built this tokenizer yet.
    Path llamaDir = TestData.tokenizer("llama-2");
    for (String name : new String[] {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"}) {
      Files.copy(llamaDir.resolve(name), dir.resolve(name));
    }
    Files.writeString(dir.resolve("tokenizer.json"), "\n", StandardOpenOption.APPEND);
    SparkTokenizer fresh = SparkTokenizer.fromDirectory(dir);
    assertThat(ExecutorTokenizers.builds(fresh.sha256())).as("built on the driver").isEqualTo(1);
    List<String> texts = new ArrayList<>(100_000);
    for (int i = 0; i < 100_000; i++) {
      texts.add("row " + i);
    }
    TokenizeOptions options = TokenizeOptions.newBuilder().numTokens(true).build();

    Dataset<Row> out = fresh.transform(docs(texts, 8), "text", options);
    long tokens = out.agg(functions.sum("num_tokens")).first().getLong(0);

    assertThat(tokens).isGreaterThan(200_000L);
    // local[2]: the executors are this JVM, which ran 8 tasks on 2 threads.
    assertThat(ExecutorTokenizers.builds(fresh.sha256())).isEqualTo(1);
  }

  @Test
  void rejectsAMissingOrNonStringTextColumnAndColumnClashes() {
    Dataset<Row> df = docs(List.of("a"), 1);
    assertThatThrownBy(() -> llama.transform(df, "body"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no text column 'body' in the DataFrame; its columns: id, text");
    assertThatThrownBy(() -> llama.transform(df, "id"))
        .hasMessage("the text column 'id' is bigint, expected string; cast it first");
    Dataset<Row> tokenized = llama.transform(df, "text");
    assertThatThrownBy(() -> llama.transform(tokenized, "text"))
        .hasMessageContaining("already has a column 'input_ids'");
    assertThatThrownBy(() -> llama.transform(
            df, "text", TokenizeOptions.newBuilder().keyColumn("key").build()))
        .hasMessageContaining("no key column 'key'");
  }
}
