package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.ArrayList;
import java.util.List;

/** Test helper: pre-tokenizes and lists the pieces as "text@[start,end]" (original offsets). */
final class Pieces {
  private Pieces() {}

  static List<String> of(PreTokenizer p, String text) {
    PreTokenizedString s = PreTokenizedString.of(text);
    p.preTokenize(s);
    List<String> out = new ArrayList<>();
    for (PreTokenizedString.Split split : s.splits()) {
      NormalizedString n = split.normalized();
      int[] o = n.toOriginal(0, n.length());
      out.add(n.normalized() + "@[" + o[0] + "," + o[1] + "]");
    }
    return out;
  }
}
