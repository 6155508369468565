package ai.boinc.transformers.tokenizers.processors;

import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizers.internal.pipeline.EncodingBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * JSON type {@code TemplateProcessing}: lays out the sequence(s) and special tokens after a
 * template, e.g. single {@code <s> $A}, pair {@code <s> $A <s>:1 $B:1}, each piece with its type
 * id. Without special tokens the sequences are still laid out with their template type ids.
 *
 * <p>Immutable and thread-safe.
 */
public final class TemplateProcessing implements PostProcessor {
  private final List<Piece> single;
  private final List<Piece> pair;
  private final Map<String, SpecialToken> specialTokens;

  /**
   * @throws IllegalArgumentException if a template names a special token missing from {@code
   *     specialTokens}
   */
  public TemplateProcessing(
      List<Piece> single, List<Piece> pair, Map<String, SpecialToken> specialTokens) {
    this.single = List.copyOf(single);
    this.pair = List.copyOf(pair);
    this.specialTokens = Map.copyOf(new LinkedHashMap<>(specialTokens));
    for (List<Piece> template : List.of(this.single, this.pair)) {
      for (Piece p : template) {
        if (!p.isSequence() && !this.specialTokens.containsKey(p.id())) {
          throw new IllegalArgumentException("missing special token '" + p.id() + "'");
        }
      }
    }
  }

  public List<Piece> single() {
    return single;
  }

  public List<Piece> pair() {
    return pair;
  }

  /** The special tokens the templates name, by id. */
  public Map<String, SpecialToken> specialTokens() {
    return specialTokens;
  }

  @Override
  public int addedTokens(boolean isPair) {
    int n = 0;
    for (Piece p : isPair ? pair : single) {
      if (!p.isSequence()) {
        n += specialTokens.get(p.id()).ids.length;
      }
    }
    return n;
  }

  @Override
  public Encoding process(List<Encoding> encodings, boolean addSpecialTokens) {
    if (encodings.isEmpty() || encodings.size() > 2) {
      throw new IllegalArgumentException("expected 1 or 2 encodings, got " + encodings.size());
    }
    List<Piece> template = encodings.size() == 2 ? pair : single;
    int total = 0;
    for (Piece p : template) {
      if (p.isSequence()) {
        total += encodings.get(p.sequence()).size();
      } else if (addSpecialTokens) {
        total += specialTokens.get(p.id()).ids.length;
      }
    }
    EncodingBuilder b = new EncodingBuilder(total);
    for (Piece p : template) {
      if (p.isSequence()) {
        b.appendSequence(encodings.get(p.sequence()), p.typeId(), p.sequence());
      } else if (addSpecialTokens) {
        SpecialToken t = specialTokens.get(p.id());
        for (int i = 0; i < t.ids.length; i++) {
          b.addSpecial(t.ids[i], t.tokens.get(i), p.typeId());
        }
      }
    }
    return b.build();
  }

  @Override
  public String toString() {
    return "TemplateProcessing{single=" + single + ", pair=" + pair + "}";
  }

  /** One piece of a template: sequence A or B, or a special token, with its type id. */
  public static final class Piece {
    private final String id;
    private final int sequence;
    private final int typeId;

    private Piece(String id, int sequence, int typeId) {
      this.id = id;
      this.sequence = sequence;
      this.typeId = typeId;
    }

    /** Sequence {@code A} (0) or {@code B} (1). */
    public static Piece sequence(int sequence, int typeId) {
      if (sequence != 0 && sequence != 1) {
        throw new IllegalArgumentException("sequence must be 0 (A) or 1 (B): " + sequence);
      }
      return new Piece(sequence == 0 ? "A" : "B", sequence, typeId);
    }

    public static Piece specialToken(String id, int typeId) {
      return new Piece(Objects.requireNonNull(id, "id"), -1, typeId);
    }

    public boolean isSequence() {
      return sequence >= 0;
    }

    /** 0 for A, 1 for B, -1 for a special token. */
    public int sequence() {
      return sequence;
    }

    /** {@code A}, {@code B} or the special token's id. */
    public String id() {
      return id;
    }

    public int typeId() {
      return typeId;
    }

    @Override
    public String toString() {
      return (isSequence() ? "$" + id : id) + ":" + typeId;
    }
  }

  /** A special token of a template: may stand for several ids/tokens. */
  public static final class SpecialToken {
    private final String id;
    private final int[] ids;
    private final List<String> tokens;

    /** @throws IllegalArgumentException if {@code ids} and {@code tokens} differ in length */
    public SpecialToken(String id, int[] ids, List<String> tokens) {
      this.id = Objects.requireNonNull(id, "id");
      this.ids = ids.clone();
      this.tokens = List.copyOf(tokens);
      if (this.ids.length != this.tokens.size()) {
        throw new IllegalArgumentException(
            "special token '" + id + "' has " + this.ids.length + " ids but "
                + this.tokens.size() + " tokens");
      }
    }

    public String id() {
      return id;
    }

    public int[] ids() {
      return ids.clone();
    }

    public List<String> tokens() {
      return tokens;
    }
  }
}
