package ai.boinc.transformers.spark;

import ai.boinc.transformers.testkit.TestData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The test texts: testdata/corpus/public.txt and documents of testdata/bench-corpus. */
final class Corpora {
  private Corpora() {}

  /** Every document of the public corpus (one JSON string per line). */
  static List<String> publicCorpus() {
    ObjectMapper json = new ObjectMapper();
    List<String> out = new ArrayList<>();
    try {
      for (String line :
          Files.readAllLines(TestData.root().resolve("corpus/public.txt"), StandardCharsets.UTF_8)) {
        if (!line.isBlank()) {
          out.add(json.readTree(line).textValue());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Every {@code step}-th document of the benchmark corpus (documents separated by U+001E). */
  static List<String> benchSample(int step) {
    List<String> out = new ArrayList<>();
    String[] docs = benchDocuments();
    for (int i = 0; i < docs.length; i += step) {
      out.add(docs[i]);
    }
    return out;
  }

  static String[] benchDocuments() {
    try (InputStream in = new GZIPInputStream(
        Files.newInputStream(TestData.root().resolve("bench-corpus/corpus.txt.gz")))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\u001E", -1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
