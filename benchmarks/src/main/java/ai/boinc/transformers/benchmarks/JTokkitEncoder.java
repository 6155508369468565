package ai.boinc.transformers.benchmarks;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * One of JTokkit's built-in encodings: {@code O200K_BASE} (gpt-4o) or {@code CL100K_BASE}
 * (gpt-3.5-turbo). It has no special tokens to add (neither have the families' {@code
 * tokenizer.json}), no batch call and no cache of earlier words. Text is
 * encoded with {@code encodeOrdinary}, its fastest path, which reads special-token strings in the
 * text as plain text; the corpus has none.
 */
final class JTokkitEncoder implements Encoder {
  private final Encoding encoding;

  private JTokkitEncoder(Encoding encoding) {
    this.encoding = encoding;
  }

  /**
   * Builds the encoding (an {@link EncodingType} name) from JTokkit's bundled ranks, in a new
   * registry (nothing cached).
   */
  static JTokkitEncoder load(String encodingType) {
    return new JTokkitEncoder(
        Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.valueOf(encodingType)));
  }

  @Override
  public String impl() {
    return "jtokkit";
  }

  @Override
  public int encode(String text) {
    return encoding.encodeOrdinary(text).size();
  }

  @Override
  public int count(String text) {
    return encoding.countTokensOrdinary(text);
  }

  @Override
  public long encodeBatch(List<String> texts) {
    throw new UnsupportedOperationException("JTokkit has no batch call");
  }

  @Override
  public int[] ids(String text) {
    return encoding.encodeOrdinary(text).toArray();
  }

  @Override
  public boolean clearCaches() {
    return true;
  }

  @Override
  public void close() {}
}
