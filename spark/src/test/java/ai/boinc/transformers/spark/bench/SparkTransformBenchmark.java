package ai.boinc.transformers.spark.bench;

import ai.boinc.transformers.spark.SparkTokenizer;
import ai.boinc.transformers.spark.TokenizeOptions;
import ai.boinc.transformers.testkit.TestData;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation tokenizes the benchmark corpus (testdata/bench-corpus, 3,666 documents, 8.47 MB)
 * repeated {@code copies} times with llama-2: through {@link SparkTokenizer#transform} on local[2], through a naive
 * per-row UDF that loads the tokenizer per task, and with single-thread {@code encode} in this JVM.
 * The Spark input is written to Parquet, read back in {@code partitions} partitions and cached in
 * memory, so reading it is not measured; the Spark results are
 * written to Spark's {@code noop} sink, which computes every column and stores nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SparkTransformBenchmark {
  @Param({"8"})
  public int partitions;

  /** The corpus is repeated this many times, so a pass is long next to Spark's cost per job. */
  @Param({"4"})
  public int copies;

  SparkSession spark;
  Dataset<Row> docs;
  List<String> texts;
  SparkTokenizer sparkTokenizer;
  Tokenizer tokenizer;
  EncodeOptions options;
  java.nio.file.Path parquet;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String[] all;
    try (GZIPInputStream in = new GZIPInputStream(java.nio.file.Files.newInputStream(
        TestData.root().resolve("bench-corpus/corpus.txt.gz")))) {
      all = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\u001E", -1);
    }
    List<String> repeated = new ArrayList<>(all.length * copies);
    for (int c = 0; c < copies; c++) {
      repeated.addAll(List.of(all));
    }
    texts = List.copyOf(repeated);
    spark = SparkSession.builder()
        .master("local[2]")
        .appName("SparkTransformBenchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    List<Row> rows = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      rows.add(RowFactory.create((long) i, texts.get(i)));
    }
    StructType schema = new StructType().add("id", DataTypes.LongType).add("text", DataTypes.StringType);
    // Through a Parquet file, as a real corpus is read: tasks then carry file splits, not the data.
    parquet = java.nio.file.Files.createTempDirectory("spark-bench-corpus");
    spark.createDataFrame(
        JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, partitions), schema)
        .write().mode("overwrite").parquet(parquet.toString());
    docs = spark.read().parquet(parquet.toString()).repartition(partitions).cache();
    docs.count();
    sparkTokenizer = SparkTokenizer.fromDirectory(TestData.tokenizer("llama-2"));
    tokenizer = sparkTokenizer.tokenizer();
    options = TokenizeOptions.defaults().encodeOptions();
    spark.udf().register("naive_tokenize",
        new NaivePerTaskUdf(TestData.tokenizer("llama-2").toString()),
        DataTypes.createArrayType(DataTypes.IntegerType));
    System.err.println("corpus: " + texts.size() + " documents, " + utf8Bytes(texts) + " bytes of UTF-8");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws java.io.IOException {
    spark.stop();
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(parquet)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  @Benchmark
  public void sparkTransform() {
    sparkTokenizer.transform(docs, "text").write().format("noop").mode("overwrite").save();
  }

  @Benchmark
  public void naivePerRowUdf() {
    docs.withColumn("input_ids", functions.callUDF("naive_tokenize", docs.col("text")))
        .write().format("noop").mode("overwrite").save();
  }

  @Benchmark
  public void singleThreadEncode(Blackhole sink) {
    for (String text : texts) {
      sink.consume(tokenizer.encode(text, options).ids());
    }
  }

  static long utf8Bytes(List<String> texts) {
    long total = 0;
    for (String text : texts) {
      total += text.getBytes(StandardCharsets.UTF_8).length;
    }
    return total;
  }
}
