package ai.boinc.transformers.benchmarks;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The public fixture families the benchmarks cover, named as their folders under {@code
 * testdata/tokenizers}. JMH's {@code @Param} needs literal arrays, so the benchmark states
 * repeat this list; a test checks that they agree.
 */
public final class Families {
  /** Every measured family, in the order of the report. */
  public static final List<String> ALL =
      Collections.unmodifiableList(
          Arrays.asList(
              "llama-3",
              "qwen3",
              "gpt-4o",
              "gpt-3.5-turbo",
              "gpt2",
              "llama-2",
              "mistral",
              "bert-base-uncased",
              "t5-small"));

  /** The family whose tokenizer is OpenAI's o200k. */
  public static final String O200K = "gpt-4o";

  /** The family whose tokenizer is OpenAI's cl100k (GPT-3.5 and GPT-4). */
  public static final String CL100K = "gpt-3.5-turbo";

  /** The families JTokkit implements, by the name of JTokkit's {@code EncodingType}. */
  public static final Map<String, String> TIKTOKEN = Map.of(O200K, "O200K_BASE", CL100K, "CL100K_BASE");

  private Families() {}
}
