package ai.boinc.transformers.tokenizers.internal.pipeline;

import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.internal.regex.WordScanner;
import ai.boinc.transformers.tokenizers.internal.text.Utf8;
import ai.boinc.transformers.tokenizers.models.Model;
import ai.boinc.transformers.tokenizers.models.bpe.Bpe;
import ai.boinc.transformers.tokenizers.pretokenizers.ByteLevelPreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString.Split;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.SequencePreTokenizer;
import ai.boinc.transformers.tokenizers.pretokenizers.SplitDelimiterBehavior;
import ai.boinc.transformers.tokenizers.pretokenizers.SplitPreTokenizer;
import java.util.List;

/**
 * The pre-tokenizer and model of byte-level BPE tokenizers (GPT-2, Llama 3, Qwen, the tiktoken
 * vocabularies) in one pass over each piece of text: a hand-written scanner finds each word, its
 * UTF-8 bytes go straight to {@link Bpe#tokenizeBytes}, and tokens land in one set of columns with
 * offsets into the original text. The general path makes a {@link NormalizedString} slice, a
 * ByteLevel rewrite and a split per word for the same result. Applies when the pre-tokenizer is
 * {@code Split} (a pattern with a scanner, its matches kept one per piece) followed by {@code
 * ByteLevel} without its own regex, or {@code ByteLevel} with GPT-2's regex, neither adding a
 * prefix space, and the model a byte-level BPE. Thread-safe.
 */
final class ByteLevelFastPath {
  private final WordScanner scanner;
  private final Bpe bpe;

  private ByteLevelFastPath(WordScanner scanner, Bpe bpe) {
    this.scanner = scanner;
    this.bpe = bpe;
  }

  /** The fast path for this pre-tokenizer and model, or null if they have another shape. */
  static ByteLevelFastPath of(PreTokenizer preTokenizer, Model model) {
    if (!(model instanceof Bpe)) {
      return null;
    }
    WordScanner scanner = scannerOf(preTokenizer);
    return scanner == null ? null : new ByteLevelFastPath(scanner, (Bpe) model);
  }

  private static WordScanner scannerOf(PreTokenizer preTokenizer) {
    if (preTokenizer instanceof ByteLevelPreTokenizer) {
      ByteLevelPreTokenizer b = (ByteLevelPreTokenizer) preTokenizer;
      return !b.addPrefixSpace() && b.useRegex()
          ? WordScanner.forPattern(ByteLevelPreTokenizer.GPT2_PATTERN)
          : null;
    }
    if (!(preTokenizer instanceof SequencePreTokenizer)) {
      return null;
    }
    List<PreTokenizer> parts = ((SequencePreTokenizer) preTokenizer).preTokenizers();
    if (parts.size() != 2
        || !(parts.get(0) instanceof SplitPreTokenizer)
        || !(parts.get(1) instanceof ByteLevelPreTokenizer)) {
      return null;
    }
    SplitPreTokenizer split = (SplitPreTokenizer) parts.get(0);
    ByteLevelPreTokenizer byteLevel = (ByteLevelPreTokenizer) parts.get(1);
    // A scanner's matches tile the text, so these behaviors keep each match as one piece.
    boolean oneMatchAPiece =
        split.behavior() == SplitDelimiterBehavior.ISOLATED
            || (split.behavior() == SplitDelimiterBehavior.REMOVED && split.invert());
    if (!split.isRegex() || !oneMatchAPiece || byteLevel.addPrefixSpace() || byteLevel.useRegex()) {
      return null;
    }
    return WordScanner.forPattern(split.pattern());
  }

  /**
   * Whether the model's vocabulary is byte-level and its byte tables are built: they are built
   * on a pool thread after first use, the general path serving until then.
   */
  boolean applies() {
    return bpe.isByteLevelReady();
  }

  /** {@link #applies}, waiting for the tables to be built; for tests. */
  boolean appliesAfterBuilding() {
    return bpe.isByteLevel() && bpe.isByteLevelReady();
  }

  /**
   * The tokens of {@code pieces} (added tokens found and the rest normalized), word {@code w}
   * being the {@code w}-th piece the general path would make.
   */
  WordTokens tokenize(PreTokenizedString pieces) {
    Scratch s = Scratch.ofThisThread();
    List<Split> splits = pieces.splits();
    int units = 0;
    for (int p = 0; p < splits.size(); p++) {
      units += splits.get(p).normalized().length();
    }
    // About four bytes a token in the byte-level vocabularies, so rarely a second array.
    WordTokens out = new WordTokens(units / 3 + 8);
    int word = 0;
    for (int p = 0; p < splits.size(); p++) {
      Split split = splits.get(p);
      NormalizedString piece = split.normalized();
      if (split.isTokenized()) {
        for (int k = 0; k < split.tokenCount(); k++) {
          int start = split.start(k);
          int end = split.end(k);
          out.add(
              split.id(k),
              split.value(k),
              piece.toOriginalStart(start, end),
              piece.toOriginalEnd(start, end),
              word);
        }
        word++;
        continue;
      }
      String text = piece.normalized();
      for (int i = 0, n = text.length(); i < n; word++) {
        int end = scanner.end(text, i);
        encodeWord(text, i, end, piece, word, s, out);
        i = end;
      }
    }
    Scratch.shrink(s);
    return out;
  }

  /** The number of tokens {@link #tokenize} makes of {@code pieces}, without their columns. */
  int count(PreTokenizedString pieces) {
    Scratch s = Scratch.ofThisThread();
    List<Split> splits = pieces.splits();
    int count = 0;
    for (int p = 0; p < splits.size(); p++) {
      Split split = splits.get(p);
      if (split.isTokenized()) {
        count += split.tokenCount();
        continue;
      }
      String text = split.normalized().normalized();
      for (int i = 0, n = text.length(); i < n; ) {
        int end = scanner.end(text, i);
        int bytes = utf8(text, i, end, s);
        count += bpe.tokenizeBytes(s.bytes, 0, bytes, s.triples, 0) / 3;
        i = end;
      }
    }
    Scratch.shrink(s);
    return count;
  }

  /**
   * Writes the UTF-8 bytes of {@code text[from, to)} to {@code s.bytes} and, for each, the unit
   * of {@code text} its character starts at to {@code s.unit}; returns how many.
   */
  private static int utf8(String text, int from, int to, Scratch s) {
    s.ensure(to - from);
    int[] bytes = s.bytes;
    int[] unit = s.unit;
    int n = 0;
    for (int i = from; i < to; ) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes[n] = c;
        unit[n++] = i++;
        continue;
      }
      int cp = text.codePointAt(i);
      int end = Utf8.encode(cp, bytes, n);
      while (n < end) {
        // Every byte of a character stands for the unit where it starts, as in the ByteLevel
        // rewrite, so offsets map through the same alignments.
        unit[n++] = i;
      }
      i += Character.charCount(cp);
    }
    return n;
  }

  private void encodeWord(
      String text, int from, int to, NormalizedString piece, int word, Scratch s, WordTokens out) {
    int n = utf8(text, from, to, s);
    int[] unit = s.unit;
    int[] triples = s.triples;
    int count = bpe.tokenizeBytes(s.bytes, 0, n, triples, 0);
    boolean aligned = piece.isAligned();
    for (int k = 0; k < count; k += 3) {
      int id = triples[k];
      int first = unit[triples[k + 1]];
      int last = unit[triples[k + 2] - 1];
      if (aligned) {
        // The units are those of the original: a token starts at a character's first unit and
        // ends after the last character it has bytes of.
        int shift = piece.originalStart();
        int end = shift + last + charLength(piece.original(), last);
        out.add(id, bpe.tokenOrNull(id), shift + first, end, word);
      } else {
        out.add(
            id,
            bpe.tokenOrNull(id),
            piece.toOriginalStart(first, last + 1),
            piece.toOriginalEnd(first, last + 1),
            word);
      }
    }
  }

  /** Number of units of the character starting at unit {@code i}. */
  private static int charLength(String text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))
        ? 2
        : 1;
  }

  /** Per-thread buffers for one word's bytes and tokens. */
  private static final class Scratch {
    private static final int MAX_KEPT = 1 << 14;
    private static final ThreadLocal<Scratch> OF_THREAD = ThreadLocal.withInitial(Scratch::new);

    int[] bytes = new int[256];
    int[] unit = new int[256];
    int[] triples = new int[3 * 256];

    static Scratch ofThisThread() {
      return OF_THREAD.get();
    }

    /** Lets a huge word's buffers go. */
    static void shrink(Scratch s) {
      if (s.bytes.length > MAX_KEPT) {
        OF_THREAD.remove();
      }
    }

    /** Room for a word of {@code units} UTF-16 units (at most 3 bytes each). */
    void ensure(int units) {
      int need = 3 * units;
      if (bytes.length < need) {
        bytes = new int[need];
        unit = new int[need];
        triples = new int[3 * need];
      }
    }
  }
}
