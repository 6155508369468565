package ai.boinc.transformers.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Before ours is timed against JTokkit, the two must give the same ids on every document of the
 * bench corpus (3,666 documents, 8.47 MB) — for cl100k this also checks that the npm package's
 * {@code tokenizer.json} is OpenAI's cl100k — and on the same text after the caches are emptied.
 */
class JTokkitParityTest {
  static final Set<String> FAMILIES = Families.TIKTOKEN.keySet();

  @ParameterizedTest
  @FieldSource("FAMILIES")
  void sameIdsAsJTokkitOnTheWholeCorpus(String family) {
    try (Encoder project = Encoders.load("project", family);
        Encoder jtokkit = Encoders.load("jtokkit", family)) {
      List<Integer> differing = new ArrayList<>();
      List<String> docs = Corpus.documents();
      for (int i = 0; i < docs.size(); i++) {
        if (!Arrays.equals(project.ids(docs.get(i)), jtokkit.ids(docs.get(i)))) {
          differing.add(i);
        }
      }
      assertThat(differing).as("%s: documents whose ids differ", family).isEmpty();
      String first = docs.get(0);
      int[] warm = project.ids(first);
      assertThat(project.clearCaches()).isTrue();
      assertThat(project.ids(first)).containsExactly(warm);
    }
  }
}
