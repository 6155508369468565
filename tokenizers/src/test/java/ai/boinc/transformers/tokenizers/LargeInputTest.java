package ai.boinc.transformers.tokenizers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import ai.boinc.transformers.tokenizers.models.bpe.Bpe;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 10 MB text encodes in memory linear in its length, whatever -Xmx is: llama-2 has no
 * pre-tokenizer, so the whole text is one piece for BPE (the worst case for its working arrays),
 * and the work allocated on the calling thread is bounded per input character. The per-piece BPE
 * cache stays within its capacity however many distinct pieces pass.
 */
class LargeInputTest {
  private static final int TEN_MB = 10_000_000;
  /** Bytes allocated per input char; measured about 205 (int arrays per symbol, normalized copies, the result). */
  private static final long MAX_BYTES_PER_CHAR = 600;

  private static String corpusText(int length) throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder b = new StringBuilder(length + 10_000);
    List<String> lines = Files.readAllLines(Fixtures.root().resolve("corpus/public.txt"), StandardCharsets.UTF_8);
    while (b.length() < length) {
      for (String line : lines) {
        String text = json.readTree(line).textValue();
        if (Llama2PropertiesTest.roundTrips(text)) {
          b.append(text).append('\n');
        }
      }
    }
    b.setLength(length);
    if (Character.isHighSurrogate(b.charAt(length - 1))) {
      b.setCharAt(length - 1, 'x');
    }
    return b.toString();
  }

  @Test
  void tenMegabytesEncodeInLinearMemoryAndRoundTrip() throws IOException {
    PretrainedTokenizer llama =
        Tokenizers.fromFile(Fixtures.tokenizerDir("llama-2").resolve("tokenizer.json"));
    String text = corpusText(TEN_MB);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    Encoding e = llama.encode(text, EncodeOptions.addSpecialTokens(false));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    System.out.println("10 MB: " + e.size() + " tokens, " + allocated / TEN_MB + " bytes allocated per char");
    assertThat(allocated).as("bytes allocated to encode 10 MB").isLessThan(MAX_BYTES_PER_CHAR * TEN_MB);
    assertThat(e.size()).isGreaterThan(TEN_MB / 10);
    assertThat(e.endOffset(e.size() - 1)).isEqualTo(text.length());
    assertThat(llama.decode(e.ids(), DecodeOptions.skipSpecialTokens())).isEqualTo(text);
  }

  @Test
  void bpeCacheStaysBounded() {
    PipelineTokenizer llama =
        (PipelineTokenizer) Tokenizers.fromFile(Fixtures.tokenizerDir("llama-2").resolve("tokenizer.json"));
    // Special tokens cut the text into ~100,000 pieces, each tokenized (and cached) on its own.
    StringBuilder b = new StringBuilder();
    for (int i = 0; b.length() < TEN_MB / 10; i++) {
      b.append("word").append(i).append("</s>");
    }
    llama.encode(b.toString(), EncodeOptions.addSpecialTokens(false));
    assertThat(((Bpe) llama.model()).cacheSize()).isBetween(1, 10_000);
  }
}
