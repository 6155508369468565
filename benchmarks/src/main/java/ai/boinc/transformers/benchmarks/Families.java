package ai.boinc.transformers.benchmarks;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

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
              "gpt2",
              "llama-2",
              "mistral",
              "bert-base-uncased",
              "t5-small"));

  /** The family whose tokenizer is OpenAI's o200k, the one JTokkit implements. */
  public static final String O200K = "gpt-4o";

  private Families() {}
}
