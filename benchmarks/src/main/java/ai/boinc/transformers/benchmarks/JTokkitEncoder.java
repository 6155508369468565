package ai.boinc.transformers.benchmarks;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.List;

/**
 * JTokkit's built-in {@code O200K_BASE} encoding, the tokenizer of the gpt-4o family. It has no
 * special tokens to add (neither has gpt-4o's {@code tokenizer.json}) and no batch call. Text is
 * encoded with {@code encodeOrdinary}, its fastest path, which reads special-token strings in the
 * text as plain text; the corpus has none.
 */
final class JTokkitEncoder implements Encoder {
  private final Encoding encoding;

  private JTokkitEncoder(Encoding encoding) {
    this.encoding = encoding;
  }

  /** Builds the encoding from JTokkit's bundled ranks, in a new registry (nothing cached). */
  static JTokkitEncoder load() {
    return new JTokkitEncoder(
        Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE));
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
  public long encodeBatch(List<String> texts) {
    throw new UnsupportedOperationException("JTokkit has no batch call");
  }

  @Override
  public int[] ids(String text) {
    return encoding.encodeOrdinary(text).toArray();
  }

  @Override
  public void close() {}
}
