package ai.boinc.transformers.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The benchmark corpus ({@code testdata/bench-corpus/corpus.txt.gz}): 3,666 shuffled documents of 1–4
 * KiB separated by U+001E, 8.47 MB of UTF-8 in all.
 */
public final class Corpus {
  /**
   * The text of the short-call latency benchmark: 60 characters (UTF-16 units) of ordinary prose
   * with one non-ASCII letter and digits, the size of a chat message or a search query.
   */
  public static final String SHORT_TEXT =
      "Order #4711 shipped on Tuesday; the café said it is on time.";

  private static final char SEPARATOR = '\u001E';

  private static List<String> documents;

  private Corpus() {}

  /** Every document of the corpus, in file order. Read once per JVM. */
  public static synchronized List<String> documents() {
    if (documents == null) {
      String text;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(Shared.corpus()), 1 << 16)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + Shared.corpus(), e);
      }
      documents =
          Collections.unmodifiableList(Arrays.asList(text.split(String.valueOf(SEPARATOR), -1)));
    }
    return documents;
  }

  /**
   * The first whole documents whose UTF-8 size adds up to at most {@code maxBytes} (at least one
   * document). Documents are shuffled, so any prefix has the corpus's mix of languages and code.
   */
  public static List<String> prefix(long maxBytes) {
    List<String> out = new ArrayList<>();
    long total = 0;
    for (String doc : documents()) {
      long size = utf8Bytes(doc);
      if (!out.isEmpty() && total + size > maxBytes) {
        break;
      }
      out.add(doc);
      total += size;
    }
    return Collections.unmodifiableList(out);
  }

  /** UTF-8 size of {@code texts} in bytes. */
  public static long utf8Bytes(List<String> texts) {
    long total = 0;
    for (String text : texts) {
      total += utf8Bytes(text);
    }
    return total;
  }

  /** UTF-8 size of {@code text} in bytes. */
  public static long utf8Bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
