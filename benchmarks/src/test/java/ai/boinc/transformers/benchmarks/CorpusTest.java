package ai.boinc.transformers.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusTest {
  @Test
  void corpusHasItsDocuments() {
    List<String> docs = Corpus.documents();
    assertThat(docs).hasSize(3666);
    assertThat(Corpus.utf8Bytes(docs) + docs.size() - 1).isEqualTo(8_472_434);
  }

  @Test
  void prefixIsWholeDocumentsUpToTheSize() {
    List<String> prefix = Corpus.prefix(1_000_000);
    long bytes = Corpus.utf8Bytes(prefix);
    assertThat(bytes).isLessThanOrEqualTo(1_000_000).isGreaterThan(990_000);
    assertThat(prefix).isEqualTo(Corpus.documents().subList(0, prefix.size()));
    assertThat(Corpus.prefix(1)).hasSize(1);
  }

  @Test
  void shortTextIsSixtyCharacters() {
    assertThat(Corpus.SHORT_TEXT).hasSize(60);
  }
}
