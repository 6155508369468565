package ai.boinc.transformers.tokenizers.pretokenizers;

import static ai.boinc.transformers.tokenizers.pretokenizers.BertPreTokenizerTest.pieces;
import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.pretokenizers.MetaspacePreTokenizer.PrependScheme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaspacePreTokenizerTest {
  @Test
  void replacesSpacesPrependsAndSplitsBeforeEachReplacement() {
    MetaspacePreTokenizer m = new MetaspacePreTokenizer('▁', PrependScheme.ALWAYS, true);
    assertThat(pieces(m, "Hey friend!")).containsExactly("▁Hey@0-3", "▁friend!@3-11");
    // A run of spaces: each extra space stands alone.
    assertThat(pieces(m, "Hey   friend!"))
        .containsExactly("▁Hey@0-3", "▁@3-4", "▁@4-5", "▁friend!@5-13");
  }

  @Test
  void neverPrependsWithNever() {
    MetaspacePreTokenizer m = new MetaspacePreTokenizer('▁', PrependScheme.NEVER, true);
    assertThat(pieces(m, "Hey  you")).containsExactly("Hey@0-3", "▁@3-4", "▁you@4-8");
  }

  @Test
  void withoutSplitThePieceStaysWhole() {
    MetaspacePreTokenizer m = new MetaspacePreTokenizer('▁', PrependScheme.ALWAYS, false);
    assertThat(pieces(m, "Hey  you")).containsExactly("▁Hey▁▁you@0-8");
  }

  @Test
  void firstPrependsOnlyToThePieceAtTheStartOfTheText() {
    MetaspacePreTokenizer m = new MetaspacePreTokenizer('▁', PrependScheme.FIRST, false);
    PreTokenizedString s = PreTokenizedString.of(NormalizedString.of("Hey <s>how"));
    // Cut as the added-token step would: "Hey ", "<s>", "how".
    s.splitEach(
        piece -> List.of(piece.slice(0, 4), piece.slice(4, 7), piece.slice(7, 10)));
    m.preTokenize(s);
    List<String> out = new ArrayList<>();
    for (PreTokenizedString.Split split : s.splits()) {
      out.add(split.normalized().normalized());
    }
    assertThat(out).containsExactly("▁Hey▁", "<s>", "how");
  }

  @Test
  void doesNotPrependTwice() {
    MetaspacePreTokenizer m = new MetaspacePreTokenizer('▁', PrependScheme.ALWAYS, true);
    assertThat(pieces(m, " x")).containsExactly("▁x@0-2");
  }
}
