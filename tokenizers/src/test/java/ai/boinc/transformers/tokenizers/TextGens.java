package ai.boinc.transformers.tokenizers;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** What the fast-path properties share: their texts and the states a text can start in. */
public final class TextGens {
  private TextGens() {}

  /**
   * Texts joined from up to {@code maxPieces} pieces: the component's own tricky strings, arbitrary
   * UTF-16 (lone surrogates included), ASCII words, and single code points from every plane.
   */
  public static Gen<String> texts(List<String> tricky, int maxPieces) {
    Gen<String> piece =
        Generate.pick(tricky)
            .mix(strings().allPossible().ofLengthBetween(0, 4), 30)
            .mix(strings().basicLatinAlphabet().ofLengthBetween(1, 6), 30)
            .mix(
                integers()
                    .between(0, Character.MAX_CODE_POINT)
                    .map(cp -> new String(Character.toChars(cp))),
                50);
    return lists().of(piece).ofSizeBetween(0, maxPieces).map(parts -> String.join("", parts));
  }

  /**
   * The same text in one of three states, as {@code how} is 0, 1 or 2: fresh (implicit
   * alignments); a slice of a longer text (alignments point into the middle of the original); or
   * already rewritten by prepending {@code prefix} (explicit alignments).
   */
  public static NormalizedString start(String text, int how, String prefix) {
    switch (how) {
      case 0:
        return NormalizedString.of(text);
      case 1:
        return NormalizedString.of("x " + text + " y").slice(2, 2 + text.length());
      default:
        NormalizedString s = NormalizedString.of(text);
        s.prepend(prefix);
        return s;
    }
  }
}
