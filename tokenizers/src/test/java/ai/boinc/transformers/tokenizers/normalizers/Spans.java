package ai.boinc.transformers.tokenizers.normalizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import java.util.ArrayList;
import java.util.List;

/** Test helper: the original span of every normalized character, as "[start,end]" strings. */
final class Spans {
  private Spans() {}

  static List<String> of(NormalizedString s) {
    List<String> out = new ArrayList<>();
    String n = s.normalized();
    for (int i = 0; i < n.length(); ) {
      int e = i + Character.charCount(n.codePointAt(i));
      int[] o = s.toOriginal(i, e);
      out.add("[" + o[0] + "," + o[1] + "]");
      i = e;
    }
    return out;
  }

  static NormalizedString normalize(Normalizer n, String text) {
    NormalizedString s = NormalizedString.of(text);
    n.normalize(s);
    return s;
  }
}
