package ai.boinc.transformers.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The benchmarks compare like with like: on corpus documents our tokenizer and DJL (configured as
 * the benchmarks configure it) produce the same ids, special tokens included and nothing truncated.
 * Every family must load: a family our tokenizer cannot load fails here.
 */
class DjlParityTest {
  static final List<String> FAMILIES = Families.ALL;

  @ParameterizedTest
  @FieldSource("FAMILIES")
  void sameIdsAsDjl(String family) {
    Encoder project = Encoders.load("project", family);
    try (Encoder djl = Encoders.load("djl", family)) {
      for (String text : samples()) {
        assertThat(project.ids(text))
            .as("%s ids of %.60s", family, text)
            .containsExactly(djl.ids(text));
      }
    }
  }

  @Test
  void djlNeitherTruncatesNorPads() {
    String longest = samples().get(samples().size() - 1);
    String shortOne = Corpus.SHORT_TEXT;
    try (Encoder djl = Encoders.load("djl", "llama-2")) {
      assertThat(djl.ids(longest)).hasSizeGreaterThan(600);
      assertThat(djl.ids(shortOne).length).isEqualTo(djl.encode(shortOne)).isLessThan(40);
    }
  }

  /** The short text, the first four documents, and the longest of the first 200. */
  private static List<String> samples() {
    List<String> docs = Corpus.documents();
    List<String> out = new ArrayList<>();
    out.add(Corpus.SHORT_TEXT);
    out.addAll(docs.subList(0, 4));
    out.add(
        docs.subList(0, 200).stream().max(Comparator.comparingInt(String::length)).orElseThrow());
    return out;
  }
}
