package ai.boinc.transformers.benchmarks;

import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * JTokkit's encoding of a tiktoken family ({@link Families#TIKTOKEN}: o200k for gpt-4o, cl100k for
 * gpt-3.5-turbo), loaded once per fork. The benchmarks measure it in methods of their own (named
 * {@code jtokkit}), so that the family × implementation grid of {@link Subject} has no combinations
 * to skip.
 *
 * <p>In {@link EncodeThroughput} the setup also prints, once, whether JTokkit's ids equal DJL's and
 * ours on the first documents of the corpus: a sanity check that the peers tokenize the same way,
 * not a test ({@code JTokkitParityTest} compares every document).
 */
@State(Scope.Benchmark)
public class Tiktoken {
  static final int SANITY_DOCUMENTS = 50;

  @Param({"gpt-4o", "gpt-3.5-turbo"})
  public String family;

  /** The loaded tokenizer. */
  public Encoder encoder;

  @Setup(Level.Trial)
  public void load(BenchmarkParams params) {
    encoder = Encoders.load("jtokkit", family);
    if (params.getBenchmark().equals(EncodeThroughput.class.getName() + ".jtokkit")) {
      System.out.println(sanityCheck(family, encoder));
    }
  }

  /** Compares {@code jtokkit}'s ids with DJL's and ours on the first corpus documents. */
  static String sanityCheck(String family, Encoder jtokkit) {
    List<String> docs = Corpus.documents().subList(0, SANITY_DOCUMENTS);
    StringBuilder out =
        new StringBuilder(
            "sanity check, " + family + " ids on " + docs.size() + " corpus documents:");
    for (String impl : new String[] {"djl", "project"}) {
      try (Encoder other = Encoders.load(impl, family)) {
        int same = 0;
        for (String doc : docs) {
          if (Arrays.equals(jtokkit.ids(doc), other.ids(doc))) {
            same++;
          }
        }
        out.append(String.format(" jtokkit = %s on %d/%d;", impl, same, docs.size()));
      } catch (NotSupportedYet e) {
        out.append(" project: not yet supported;");
      }
    }
    return out.toString();
  }
}
