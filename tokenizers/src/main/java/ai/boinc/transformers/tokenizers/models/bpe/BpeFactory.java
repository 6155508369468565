package ai.boinc.transformers.tokenizers.models.bpe;

import ai.boinc.transformers.tokenizers.TokenizerLoadException;
import ai.boinc.transformers.tokenizers.internal.json.IntMembers;
import ai.boinc.transformers.tokenizers.internal.json.JsonValue;
import ai.boinc.transformers.tokenizers.internal.json.MergeList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a {@link Bpe} from its {@code tokenizer.json} object. Lives beside {@code Bpe} so that
 * merges it resolves by looking up their text in the vocabulary reach the builder's unchecked
 * entry ({@code mergeIdsLookedUpFromText}) without making that entry public. For the loader;
 * not a stable API (its parameter type is internal).
 */
public final class BpeFactory {
  private BpeFactory() {}

  /**
   * The model of a {@code tokenizer.json} whose type is {@code BPE}. Errors name the JSON path.
   *
   * @throws TokenizerLoadException if the object does not describe a valid BPE model
   */
  public static Bpe fromJson(JsonValue json) {
    JsonValue dropout = json.get("dropout");
    if (!dropout.isAbsent() && dropout.asDouble() != 0.0) {
      throw dropout.error(
          "BPE dropout " + dropout.node()
              + " is not supported (it makes encoding random); expected null or 0");
    }
    JsonValue vocabJson = json.get("vocab");
    if (!vocabJson.isObject()) {
      throw vocabJson.mismatch("an object mapping tokens to ids");
    }
    // A compact vocabulary cannot be invalid, so its map can wait (see below).
    boolean compactVocab = vocabJson.node() instanceof IntMembers;
    Map<String, Integer> vocab = compactVocab ? null : vocabMap(vocabJson);
    JsonValue mergesValue = json.get("merges");
    if (!mergesValue.isArray()) {
      throw mergesValue.mismatch("an array");
    }
    List<String[]> merges = null;
    int[] mergeSources = null;
    if (!(mergesValue.node() instanceof MergeList)) {
      int size = mergesValue.size();
      merges = new ArrayList<>(size);
      mergeSources = new int[size];
      for (int i = 0; i < size; i++) {
        JsonValue m = mergesValue.element(i);
        if (m.isString()) {
          String line = m.asString();
          if (line.startsWith("#version")) {
            // The reference skips the header line of merges.txt files.
            continue;
          }
          int space = line.indexOf(' ');
          if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
            throw m.mismatch("a merge \"left right\" (two tokens separated by one space)");
          }
          merges.add(new String[] {line.substring(0, space), line.substring(space + 1)});
        } else if (m.isArray()) {
          if (m.size() != 2) {
            throw m.mismatch("a merge [\"left\", \"right\"] of two tokens");
          }
          merges.add(new String[] {m.element(0).asString(), m.element(1).asString()});
        } else {
          throw m.mismatch("a merge \"left right\" or [\"left\", \"right\"]");
        }
        mergeSources[merges.size() - 1] = i;
      }
    }
    String prefix = json.optString("continuing_subword_prefix").orElse(null);
    Bpe.Builder b =
        Bpe.newBuilder()
            .unkToken(json.optString("unk_token").orElse(null))
            .continuingSubwordPrefix(prefix)
            .endOfWordSuffix(json.optString("end_of_word_suffix").orElse(null))
            .fuseUnk(json.bool("fuse_unk", false))
            .byteFallback(json.bool("byte_fallback", false))
            .ignoreMerges(json.bool("ignore_merges", false));
    if (merges != null) {
      if (compactVocab) {
        IntMembers members = (IntMembers) vocabJson.node();
        b.vocab(members.names(), members.values(), members.count());
      } else {
        b.vocab(vocab);
      }
      b.merges(merges);
    } else {
      MergeList list = (MergeList) mergesValue.node();
      TokenIndex index =
          compactVocab ? new TokenIndex((IntMembers) vocabJson.node()) : new TokenIndex(vocab);
      int n = list.count();
      int[] ids = new int[3 * n];
      // Merges resolve independently, in chunks taken in turn by this thread and, once it is free
      // (it may still be building the pre-tokenizer), a pool thread: neither waits on a big share
      // the other has not started. The first invalid merge of each chunk is kept, so the first
      // of all is reported whichever thread finds it.
      MergeResolver resolver = new MergeResolver(index, list, prefix, mergesValue, ids);
      ForkJoinTask<?> helper = n >= PARALLEL_MERGES ? resolver.fork() : null;
      resolver.resolveChunks();
      if (helper != null) {
        helper.join();
      }
      for (TokenizerLoadException error : resolver.errors) {
        if (error != null) {
          throw error;
        }
      }
      if (compactVocab) {
        IntMembers members = (IntMembers) vocabJson.node();
        b.vocab(members.names(), members.values(), members.count());
      } else {
        b.vocab(vocab);
      }
      b.mergeIdsLookedUpFromText(ids).tokenIndex(index);
    }
    try {
      return b.build();
    } catch (Bpe.InvalidMergeException e) {
      int source = mergeSources == null ? e.mergeIndex() : mergeSources[e.mergeIndex()];
      JsonValue m = mergesValue.element(source);
      throw m.error("invalid merge " + m.describe() + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw json.error("invalid BPE model: " + e.getMessage());
    }
  }

  /** A vocabulary object's tokens and ids. */
  private static Map<String, Integer> vocabMap(JsonValue vocabJson) {
    if (vocabJson.node() instanceof IntMembers) {
      IntMembers members = (IntMembers) vocabJson.node();
      int n = members.count();
      Map<String, Integer> vocab = new HashMap<>(n * 2);
      for (int i = 0; i < n; i++) {
        vocab.put(members.name(i), members.value(i));
      }
      return vocab;
    }
    Map<String, Integer> vocab = new HashMap<>(vocabJson.size() * 2);
    for (Map.Entry<String, JsonValue> e : vocabJson.members()) {
      vocab.put(e.getKey(), e.getValue().asNonNegativeInt());
    }
    return vocab;
  }

  /**
   * Resolves the merges chunk by chunk on every thread that calls {@link #resolveChunks}; as a
   * task, on a pool thread (a class, not a lambda: a lambda costs a class spun at run time in a
   * fresh JVM).
   */
  private static final class MergeResolver extends RecursiveAction {
    private static final long serialVersionUID = 1L;
    private static final int CHUNK = 4096;
    private final transient TokenIndex index;
    private final transient MergeList list;
    private final String prefix;
    private final transient JsonValue mergesValue;
    private final int[] ids;
    /** The first invalid merge of each chunk. */
    final TokenizerLoadException[] errors;
    private final AtomicInteger nextChunk = new AtomicInteger();

    MergeResolver(TokenIndex index, MergeList list, String prefix, JsonValue mergesValue, int[] ids) {
      this.index = index;
      this.list = list;
      this.prefix = prefix;
      this.mergesValue = mergesValue;
      this.ids = ids;
      this.errors = new TokenizerLoadException[(list.count() + CHUNK - 1) / CHUNK];
    }

    void resolveChunks() {
      int n = list.count();
      for (int c = nextChunk.getAndIncrement(); c < errors.length; c = nextChunk.getAndIncrement()) {
        int from = c * CHUNK;
        resolveMerges(index, list, prefix, mergesValue, ids, from, Math.min(n, from + CHUNK), errors, c);
      }
    }

    @Override
    protected void compute() {
      resolveChunks();
    }
  }

  /** Merge lists at least this long are resolved on two threads. */
  private static final int PARALLEL_MERGES = 20_000;

  /**
   * Merges {@code [from, to)} as (left, right, merged) id triples into {@code ids}, looked up
   * straight from the merges' text; the merged token is left + right without the
   * continuing-subword prefix's length, as {@link Bpe} has it. The first invalid merge goes to
   * {@code errors[slot]}.
   */
  private static void resolveMerges(
      TokenIndex index, MergeList merges, String prefix, JsonValue mergesValue, int[] ids,
      int from, int to, TokenizerLoadException[] errors, int slot) {
    int prefixLength = prefix == null ? 0 : prefix.length();
    char[] text = merges.chars();
    // Merges mostly make new tokens in vocabulary order, so the entry after the last new token
    // made is checked first: a look at consecutive text instead of a probe of the whole index.
    // Only where no token repeats (else a look-up may find a later entry of the same text).
    boolean guessing = index.size() == index.entries();
    int next = -1;
    for (int i = from; i < to; i++) {
      int ls = merges.leftStart(i);
      int le = merges.leftEnd(i);
      int rs = merges.rightStart(i);
      int re = merges.rightEnd(i);
      int leftHash = TokenIndex.hash(0, text, ls, le);
      int left = index.find(leftHash, text, ls, le, le, le);
      int right = left < 0 ? -1 : index.find(TokenIndex.hash(0, text, rs, re), text, rs, re, re, re);
      if (left < 0 || right < 0) {
        errors[slot] =
            invalidMerge(
                mergesValue, i,
                "token '" + (left < 0 ? merges.left(i) : merges.right(i)) + "' is not in the vocabulary");
        return;
      }
      int cut = rs + Math.min(prefixLength, re - rs);
      int entry;
      if (next >= 0 && next < index.entries() && index.entryHolds(next, text, ls, le, cut, re)) {
        entry = next;
      } else {
        entry = index.entry(TokenIndex.hash(leftHash, text, cut, re), text, ls, le, cut, re);
      }
      if (guessing && entry >= 0 && entry >= next) {
        next = entry + 1;
      }
      int merged = entry < 0 ? -1 : index.id(entry);
      if (merged < 0) {
        errors[slot] =
            invalidMerge(
                mergesValue, i,
                "merged token '" + merges.left(i) + new String(text, cut, re - cut)
                    + "' is not in the vocabulary");
        return;
      }
      ids[3 * i] = left;
      ids[3 * i + 1] = right;
      ids[3 * i + 2] = merged;
    }
  }

  private static TokenizerLoadException invalidMerge(JsonValue mergesValue, int i, String problem) {
    JsonValue m = mergesValue.element(i);
    return m.error("invalid merge " + m.describe() + ": merge " + i + ": " + problem);
  }
}
