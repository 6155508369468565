package ai.boinc.transformers.tokenizers.pretokenizers;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.text.UnicodeTables;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON type {@code UnicodeScripts}: cuts every piece where the writing script changes, as
 * SentencePiece does. Scripts are those of Unicode 9.0 (see {@link UnicodeTables#script}), with
 * Hiragana, Katakana and the prolonged sound mark U+30FC counted as Han, so Japanese stays
 * together; Common (digits, punctuation, most symbols) and Inherited (combining marks) are
 * scripts of their own.
 *
 * <p>The space U+0020 and every code point Unicode 9.0 had not assigned (newer emoji, for one)
 * have no script: they never start a new piece and stay with the piece before them. As in the
 * reference, such characters at the very start of a piece are dropped, and a piece made only of
 * them disappears. Immutable and thread-safe.
 *
 * <pre>{@code
 * new UnicodeScriptsPreTokenizer()  // "Apples are りんご 林檎" -> "Apples are ", "りんご 林檎"
 * }</pre>
 */
public final class UnicodeScriptsPreTokenizer implements PreTokenizer {
  private static final int ANY = 0;

  @Override
  public void preTokenize(PreTokenizedString text) {
    text.splitEach(UnicodeScriptsPreTokenizer::split);
  }

  private static List<NormalizedString> split(NormalizedString piece) {
    String s = piece.normalized();
    List<NormalizedString> out = new ArrayList<>();
    int start = -1; // start of the current piece; -1 before the first character with a script
    int last = ANY;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int script = UnicodeTables.script(cp);
      if (script != ANY) {
        if (script != last) {
          if (start >= 0) {
            out.add(piece.slice(start, i));
          }
          start = i;
        }
        last = script;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      out.add(piece.slice(start, s.length()));
    }
    return out;
  }

  @Override
  public String toString() {
    return "UnicodeScripts";
  }
}
