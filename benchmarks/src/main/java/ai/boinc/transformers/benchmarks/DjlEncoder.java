package ai.boinc.transformers.benchmarks;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * DJL's binding of Hugging Face's Rust {@code tokenizers} (JNI), loaded with {@code
 * HuggingFaceTokenizer.newInstance(Path, options)}.
 *
 * <p>The options make it encode as the Rust library and our tokenizer do by default: special tokens
 * added, and no truncation or padding (DJL otherwise truncates to 512 tokens and pads). Before
 * DJL's first use {@link #offline()} sets {@code ai.djl.offline} and {@code OPT_OUT_TRACKING}: DJL
 * then takes the native library from its own jar (it has linux-x86_64, linux-aarch64, osx-aarch64
 * and win-x86_64 builds) and extracts it to {@code ~/.djl.ai/tokenizers}, never downloads one, and
 * skips its usage telemetry (which would query the EC2 metadata address 169.254.169.254).
 */
final class DjlEncoder implements Encoder {
  private final HuggingFaceTokenizer tokenizer;

  private DjlEncoder(HuggingFaceTokenizer tokenizer) {
    this.tokenizer = tokenizer;
  }

  static DjlEncoder load(String family) {
    offline();
    Map<String, String> options = new HashMap<>();
    options.put("addSpecialTokens", "true");
    options.put("truncation", "false");
    options.put("padding", "false");
    try {
      return new DjlEncoder(
          HuggingFaceTokenizer.newInstance(Shared.tokenizerJson(family), options));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Keeps DJL off the network; a value set with {@code -D} or in the environment wins. */
  static void offline() {
    if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    if (System.getProperty("OPT_OUT_TRACKING") == null
        && System.getenv("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
  }

  @Override
  public String impl() {
    return "djl";
  }

  @Override
  public int encode(String text) {
    return tokenizer.encode(text).getIds().length;
  }

  @Override
  public long encodeBatch(List<String> texts) {
    long tokens = 0;
    for (Encoding e : tokenizer.batchEncode(texts)) {
      tokens += e.getIds().length;
    }
    return tokens;
  }

  @Override
  public int[] ids(String text) {
    long[] ids = tokenizer.encode(text).getIds();
    int[] out = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      out[i] = Math.toIntExact(ids[i]);
    }
    return out;
  }

  /** DJL's binding has no call to empty the Rust model's cache. */
  @Override
  public boolean clearCaches() {
    return false;
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
