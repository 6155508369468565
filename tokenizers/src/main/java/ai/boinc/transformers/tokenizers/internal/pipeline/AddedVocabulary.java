package ai.boinc.transformers.tokenizers.internal.pipeline;

import ai.boinc.transformers.tokenizers.internal.text.Text;
import ai.boinc.transformers.tokenizers.AddedToken;
import ai.boinc.transformers.tokenizers.NormalizedString;
import ai.boinc.transformers.tokenizers.models.Model;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString.Split;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The tokens added on top of the model (the reference's {@code added_vocabulary.rs}): assigns
 * their ids and cuts them out of the text before the model runs — special and {@code
 * normalized:false} tokens on the raw text, the others on the normalized text — longest match
 * first. Immutable and thread-safe.
 */
public final class AddedVocabulary {
  private final Map<String, Integer> contentToId = new LinkedHashMap<>();
  private final Map<Integer, AddedToken> idToToken = new HashMap<>();
  private final Set<String> specialContents = new HashSet<>();
  /** What {@link #idToToken} gives: the content, normalized for {@code normalized} tokens. */
  private final Map<Integer, String> idToText = new HashMap<>();
  private final Trie rawTrie;
  private final Trie normalizedTrie;
  private final int extraVocab;

  /** The batches this vocabulary was built from, for {@link #plus}. */
  private final List<List<AddedToken>> batches;

  /**
   * @param tokens in {@code tokenizer.json} order; ids are assigned as the reference does: the
   *     model's id if the model knows the token, else the next free id after the vocabulary
   */
  public AddedVocabulary(List<AddedToken> tokens, Model model, Normalizer normalizer) {
    this(model, normalizer, List.of(List.copyOf(tokens)));
  }

  /**
   * The vocabulary after one reference {@code add_tokens} call per batch, in order. This differs
   * from one call with all tokens: within a call, special tokens are registered before any token
   * of the call is placed.
   */
  public static AddedVocabulary ofBatches(
      List<List<AddedToken>> batches, Model model, Normalizer normalizer) {
    return new AddedVocabulary(model, normalizer, batches);
  }

  private AddedVocabulary(Model model, Normalizer normalizer, List<List<AddedToken>> batches) {
    this.batches = List.copyOf(batches);
    List<AddedToken> specials = new ArrayList<>();
    List<AddedToken> classics = new ArrayList<>();
    // How often each token is a value of idToToken: the reference skips exact duplicates.
    Map<AddedToken, Integer> present = new HashMap<>();
    int maxAdded = -1;
    for (List<AddedToken> batch : this.batches) {
      for (AddedToken token : batch) {
        String content = token.content();
        if (token.special() && !content.isEmpty() && specialContents.add(content)) {
          specials.add(token);
        }
      }
      for (AddedToken token : batch) {
        String content = token.content();
        if (content.isEmpty() || present.getOrDefault(token, 0) > 0) {
          continue;
        }
        OptionalInt known = tokenToId(content, model);
        int id = known.isPresent() ? known.getAsInt() : nextId(model, maxAdded);
        contentToId.put(content, id);
        maxAdded = Math.max(maxAdded, id);
        AddedToken replaced = idToToken.put(id, token);
        // Counted without Integer::sum: a method reference costs a lambda bootstrap on every
        // cold load.
        if (replaced != null) {
          present.put(replaced, present.getOrDefault(replaced, 0) - 1);
        }
        present.put(token, present.getOrDefault(token, 0) + 1);
        if (!specialContents.contains(content)) {
          classics.add(token);
        }
      }
    }
    List<String> raw = new ArrayList<>();
    List<Integer> rawIds = new ArrayList<>();
    List<String> norm = new ArrayList<>();
    List<Integer> normIds = new ArrayList<>();
    List<AddedToken> all = new ArrayList<>(specials);
    all.addAll(classics);
    for (AddedToken t : all) {
      int id = tokenToId(t.content(), model).getAsInt();
      if (t.normalized()) {
        norm.add(normalizer == null ? t.content() : normalizer.normalize(t.content()));
        normIds.add(id);
      } else {
        raw.add(t.content());
        rawIds.add(id);
      }
    }
    for (Map.Entry<Integer, AddedToken> e : idToToken.entrySet()) {
      AddedToken t = e.getValue();
      // The reference gives the normalized form back for normalized tokens (seen in 0.23.2).
      idToText.put(
          e.getKey(),
          t.normalized() && normalizer != null ? normalizer.normalize(t.content()) : t.content());
    }
    rawTrie = new Trie(raw, rawIds);
    normalizedTrie = new Trie(norm, normIds);
    int extra = 0;
    for (String content : contentToId.keySet()) {
      if (model.tokenToId(content).isEmpty()) {
        extra++;
      }
    }
    extraVocab = extra;
  }

  /** The {@code add_tokens} calls this vocabulary was built from. */
  public List<List<AddedToken>> batches() {
    return batches;
  }

  /** Contents of all added tokens. */
  public Set<String> contents() {
    return java.util.Collections.unmodifiableSet(contentToId.keySet());
  }

  /** This vocabulary with one more reference {@code add_tokens} call of {@code batch}. */
  public AddedVocabulary plus(List<AddedToken> batch, Model model, Normalizer normalizer) {
    List<List<AddedToken>> all = new ArrayList<>(batches);
    all.add(List.copyOf(batch));
    return new AddedVocabulary(model, normalizer, all);
  }

  private int nextId(Model model, int maxAdded) {
    int vocab = model.vocabSize();
    if (contentToId.isEmpty()) {
      return vocab;
    }
    return maxAdded >= vocab || vocab == 0 ? maxAdded + 1 : vocab;
  }

  /** Id of {@code content}: the added token's, else the model's. */
  public OptionalInt tokenToId(String content, Model model) {
    Integer id = contentToId.get(content);
    return id != null ? OptionalInt.of(id) : model.tokenToId(content);
  }

  /** The added token with this id, if any. */
  public Optional<AddedToken> token(int id) {
    return Optional.ofNullable(idToToken.get(id));
  }

  /**
   * The token text of an added id, as the reference's {@code id_to_token} gives it: normalized
   * tokens come back normalized (Llama's {@code normalized:true} {@code </s>} as {@code ▁</s>}).
   */
  public Optional<String> idToToken(int id) {
    return Optional.ofNullable(idToText.get(id));
  }

  public OptionalInt addedId(String content) {
    Integer id = contentToId.get(content);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /**
   * Whether {@code content} is the content of a special token; decode asks this of token texts,
   * so a normalized special token that comes back changed is not skipped (as in the reference).
   */
  public boolean isSpecial(String content) {
    return specialContents.contains(content);
  }

  /** Number of added tokens the model's vocabulary does not already hold. */
  public int extraVocabSize() {
    return extraVocab;
  }

  /** Whether every added token is matched on the raw text (none after normalization). */
  public boolean matchesRawTextOnly() {
    return normalizedTrie.isEmpty();
  }

  /** Cuts added tokens out of {@code text} and normalizes the rest. */
  public PreTokenizedString extractAndNormalize(String text, Normalizer normalizer) {
    if (text.isEmpty() || rawTrie.occursIn(text)) {
      return extractAndNormalizeGeneral(text, normalizer);
    }
    // No raw added token in the text: the general path's first split keeps the text as one
    // piece; normalize that piece in place (dropping it if it becomes empty) without new lists.
    PreTokenizedString pieces = PreTokenizedString.of(text);
    if (normalizer != null) {
      pieces.rewriteEach(normalizer::normalize);
    }
    if (!normalizedTrie.isEmpty()) {
      pieces.split((index, piece) -> splitOn(piece, normalizedTrie));
    }
    return pieces;
  }

  /** {@link #extractAndNormalize} without its shortcut, for the test that they agree. */
  PreTokenizedString extractAndNormalizeGeneral(String text, Normalizer normalizer) {
    PreTokenizedString pieces = PreTokenizedString.of(text);
    pieces.split((index, piece) -> splitOn(piece, rawTrie));
    pieces.split(
        (index, piece) -> {
          if (normalizer != null) {
            normalizer.normalize(piece);
          }
          return splitOn(piece, normalizedTrie);
        });
    return pieces;
  }

  private List<Split> splitOn(NormalizedString piece, Trie trie) {
    String sentence = piece.normalized();
    List<Split> out = new ArrayList<>();
    if (trie.isEmpty() || sentence.isEmpty()) {
      out.add(Split.of(piece));
      return out;
    }
    int startOffset = 0;
    int n = sentence.length();
    int i = 0;
    while (i < n) {
      long match = trie.longestAt(sentence, i);
      if (match < 0) {
        i++;
        continue;
      }
      int end = (int) (match >>> 32);
      int id = (int) match;
      int start = i;
      i = end;
      AddedToken token = idToToken.get(id);
      if (token.singleWord()) {
        boolean startSpace = start == 0 || !Text.isWordChar(sentence.codePointBefore(start));
        boolean stopSpace = end == n || !Text.isWordChar(sentence.codePointAt(end));
        if (!startSpace || !stopSpace) {
          continue;
        }
      }
      if (token.lstrip()) {
        int s = start;
        while (s > 0 && Text.isWhiteSpace(sentence.codePointBefore(s))) {
          s -= Character.charCount(sentence.codePointBefore(s));
        }
        start = Math.max(s, startOffset);
      }
      if (token.rstrip()) {
        while (end < n && Text.isWhiteSpace(sentence.codePointAt(end))) {
          end += Character.charCount(sentence.codePointAt(end));
        }
      }
      if (startOffset < start) {
        out.add(Split.of(piece.slice(startOffset, start)));
      }
      NormalizedString slice = piece.slice(start, end);
      out.add(Split.ofToken(slice, id, slice.normalized()));
      startOffset = end;
      i = end;
    }
    if (startOffset != n) {
      out.add(Split.of(piece.slice(startOffset, n)));
    }
    return out;
  }

  /** Leftmost-longest matcher over UTF-16 units; the first pattern wins among equal ones. */
  private static final class Trie {
    private final Map<Long, Integer> children = new HashMap<>();
    private final List<Integer> terminal = new ArrayList<>();
    /** Whether some pattern starts with each UTF-16 unit: most text never enters the trie. */
    private final boolean[] firstChars = new boolean[Character.MAX_VALUE + 1];
    /**
     * Whether some pattern has each unit second, and whether a one-unit pattern starts with it:
     * in code and markup, most {@code <} start no {@code <|...|>} token.
     */
    private final boolean[] secondChars = new boolean[Character.MAX_VALUE + 1];
    private final boolean[] singleChars = new boolean[Character.MAX_VALUE + 1];
    private boolean empty = true;
    /** The unit every pattern starts with, if they all start with one (often {@code <}), else -1. */
    private int onlyFirstChar = -1;

    Trie(List<String> patterns, List<Integer> ids) {
      terminal.add(-1);
      for (int p = 0; p < patterns.size(); p++) {
        String s = patterns.get(p);
        if (s.isEmpty()) {
          continue;
        }
        onlyFirstChar = empty || onlyFirstChar == s.charAt(0) ? s.charAt(0) : -2;
        firstChars[s.charAt(0)] = true;
        if (s.length() == 1) {
          singleChars[s.charAt(0)] = true;
        } else {
          secondChars[s.charAt(1)] = true;
        }
        empty = false;
        int node = 0;
        for (int i = 0; i < s.length(); i++) {
          long key = ((long) node << 16) | s.charAt(i);
          Integer child = children.get(key);
          if (child == null) {
            child = terminal.size();
            terminal.add(-1);
            children.put(key, child);
          }
          node = child;
        }
        if (terminal.get(node) < 0) {
          terminal.set(node, ids.get(p));
        }
      }
    }

    boolean isEmpty() {
      return empty;
    }

    /** Whether some pattern occurs in {@code text} (a match {@link #longestAt} would find). */
    boolean occursIn(String text) {
      if (empty) {
        return false;
      }
      if (onlyFirstChar >= 0) {
        // String.indexOf is a vectorized intrinsic: far faster than a look-up per unit.
        for (int i = text.indexOf(onlyFirstChar); i >= 0; i = text.indexOf(onlyFirstChar, i + 1)) {
          if (longestAt(text, i) >= 0) {
            return true;
          }
        }
        return false;
      }
      for (int i = 0; i < text.length(); i++) {
        if (mayStartAt(text, i) && longestAt(text, i) >= 0) {
          return true;
        }
      }
      return false;
    }

    /** False where no pattern can start, judged by its first two units without the trie. */
    private boolean mayStartAt(String text, int i) {
      char c = text.charAt(i);
      return firstChars[c]
          && (singleChars[c] || (i + 1 < text.length() && secondChars[text.charAt(i + 1)]));
    }

    /** {@code end << 32 | id} of the longest pattern starting at {@code start}, or -1. */
    long longestAt(String text, int start) {
      if (!mayStartAt(text, start)) {
        return -1;
      }
      int node = 0;
      long best = -1;
      for (int i = start; i < text.length(); i++) {
        Integer child = children.get(((long) node << 16) | text.charAt(i));
        if (child == null) {
          break;
        }
        node = child;
        int id = terminal.get(node);
        if (id >= 0) {
          best = ((long) (i + 1) << 32) | (id & 0xFFFFFFFFL);
        }
      }
      return best;
    }
  }
}
