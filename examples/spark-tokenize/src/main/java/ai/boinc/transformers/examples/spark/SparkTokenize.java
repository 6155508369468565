package ai.boinc.transformers.examples.spark;

import ai.boinc.transformers.testkit.DemoHub;
import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.spark.OnError;
import ai.boinc.transformers.spark.SparkTokenizer;
import ai.boinc.transformers.spark.TokenizeOptions;
import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads a JSONL or Parquet corpus, tokenizes its text column with a repository's tokenizer and
 * writes Parquet with {@code input_ids}, {@code attention_mask}, {@code num_tokens} and {@code
 * tokenize_error} added. The tokenizer files are downloaded on the driver with the driver's token
 * (BA_ACCESS_TOKEN, the token file, ...) and broadcast; executors never see the token.
 *
 * <p>Without BA_ENDPOINT it starts a local hub serving a gated copy of the Llama-2 tokenizer, as
 * {@code ba demo} does, so it runs on a machine with no hub and no token.
 */
public final class SparkTokenize {
  private SparkTokenize() {}

  public static void main(String[] argv) throws IOException {
    Map<String, String> args = parse(argv);
    String input = required(args, "input");
    String output = required(args, "output");
    String repo = args.getOrDefault("repo", DemoHub.REPO_ID);
    String revision = args.getOrDefault("revision", Hub.DEFAULT_REVISION);
    String format = args.getOrDefault("format", input.endsWith(".jsonl") || input.endsWith(".json") ? "jsonl" : "parquet");
    TokenizeOptions.Builder options = TokenizeOptions.newBuilder()
        .numTokens(true)
        .onError(OnError.NULL_WITH_ERROR)
        .maxChars(Integer.parseInt(args.getOrDefault("max-chars", "1000000")));
    if (args.containsKey("max-length")) {
      options.truncate(Integer.parseInt(args.get("max-length")));
    }

    SparkTokenizer tokenizer;
    String endpoint = System.getenv("BA_ENDPOINT");
    if (endpoint != null && !endpoint.isEmpty()) {
      tokenizer = SparkTokenizer.fromPretrained(repo, revision, Hub.create());
    } else {
      tokenizer = fromDemoHub(repo, revision);
    }
    System.err.println("spark-tokenize: " + tokenizer + "; " + tokenizer.broadcastSize()
        + " bytes are broadcast to the executors");

    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName("spark-tokenize");
    if (args.containsKey("master")) {
      builder.master(args.get("master"));
    } else if (!conf.contains("spark.master")) {
      builder.master("local[2]").config("spark.ui.enabled", "false");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      Dataset<Row> docs = format.equals("jsonl") ? spark.read().json(input) : spark.read().parquet(input);
      Dataset<Row> tokenized = tokenizer.transform(
          docs, args.getOrDefault("text-column", "text"), options.build());
      tokenized.write().mode(SaveMode.Overwrite).parquet(output);
      Row totals = spark.read().parquet(output).agg(
          functions.count("*"), functions.sum("num_tokens"), functions.count("tokenize_error")).first();
      System.err.println("spark-tokenize: wrote " + totals.getLong(0) + " rows, " + totals.get(1)
          + " tokens, " + totals.getLong(2) + " rows with an error, to " + output);
    } finally {
      spark.stop();
    }
  }

  /** Downloads from a local gated hub, with BA_ACCESS_TOKEN if set, else the demo token. */
  private static SparkTokenizer fromDemoHub(String repo, String revision) throws IOException {
    Path cache = Files.createTempDirectory("spark-tokenize-cache");
    try (LocalHub localHub = DemoHub.start(SparkTokenize.class, "/ai/boinc/transformers/examples/spark/demo/llama-2/")) {
      System.err.println("spark-tokenize: no BA_ENDPOINT set, so a local hub at " + localHub.endpoint()
          + " serves the gated repository " + DemoHub.REPO_ID);
      HubSettings settings = HubSettings.builderFromEnvironment(System.getenv())
          .endpoint(localHub.endpoint()).cacheDir(cache).offline(false).build();
      Hub.Builder hub = Hub.builder().environment(System.getenv()).settings(settings);
      String token = System.getenv("BA_ACCESS_TOKEN");
      if (token == null || token.isEmpty()) {
        hub.token(AccessToken.of(DemoHub.DEMO_TOKEN));
      }
      return SparkTokenizer.fromPretrained(repo, revision, hub.build());
    }
  }

  private static Map<String, String> parse(String[] argv) {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i < argv.length; i++) {
      if (!argv[i].startsWith("--") || i + 1 == argv.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + argv[i]
            + "'; usage: --input PATH --output DIR [--format jsonl|parquet] [--repo ID]"
            + " [--revision REV] [--text-column text] [--max-length N] [--max-chars N] [--master URL]");
      }
      args.put(argv[i].substring(2), argv[++i]);
    }
    return args;
  }

  private static String required(Map<String, String> args, String name) {
    String value = args.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required; usage: --input PATH --output DIR");
    }
    return value;
  }
}
