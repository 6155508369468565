package ai.boinc.transformers.tokenizers.decoders;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JSON type {@code CTC}: decodes the output of a CTC speech model: repeated tokens collapse into
 * one, the {@code pad_token} disappears, and with {@code cleanup} the usual tokenization spaces
 * are removed ({@code " ."} → {@code "."}, {@code " n't"} → {@code "n't"}, ...) and the {@code
 * word_delimiter_token} becomes a space. Empty results are dropped. Immutable and thread-safe.
 */
public final class CtcDecoder implements Decoder {
  private static final String[][] CLEANUP = {
    {" .", "."}, {" ?", "?"}, {" !", "!"}, {" ,", ","}, {" ' ", "'"}, {" n't", "n't"},
    {" 'm", "'m"}, {" do not", " don't"}, {" 's", "'s"}, {" 've", "'ve"}, {" 're", "'re"},
  };

  private final String padToken;
  private final String wordDelimiterToken;
  private final boolean cleanup;

  public CtcDecoder(String padToken, String wordDelimiterToken, boolean cleanup) {
    this.padToken = Objects.requireNonNull(padToken, "padToken");
    this.wordDelimiterToken = Objects.requireNonNull(wordDelimiterToken, "wordDelimiterToken");
    this.cleanup = cleanup;
  }

  @Override
  public List<String> decodeChain(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    String previous = null;
    for (String token : tokens) {
      if (token.equals(previous)) {
        continue;
      }
      previous = token;
      String s = token.replace(padToken, "");
      if (cleanup) {
        for (String[] r : CLEANUP) {
          s = s.replace(r[0], r[1]);
        }
        if (!wordDelimiterToken.isEmpty()) {
          s = s.replace(wordDelimiterToken, " ");
        }
      }
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "CTC(pad=" + padToken + ", delimiter=" + wordDelimiterToken + ", cleanup=" + cleanup + ")";
  }
}
