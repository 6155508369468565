package ai.boinc.transformers.tokenizers.internal.text;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * SentencePiece's {@code precompiled_charsmap}: a little-endian {@code u32} byte size of a
 * double-array trie (darts-clone units), the trie, then a pool of NUL-terminated UTF-8 strings.
 * The trie maps UTF-8 byte sequences to offsets into the pool. Lookups follow the reference's
 * {@code spm_precompiled} crate: the <em>first</em> (shortest) key that is a prefix of the input
 * wins. The whole trie is walked once when the blob is read, so a blob that is cut short or points
 * outside itself is rejected up front instead of failing on some later input. Immutable and
 * thread-safe.
 */
public final class SpmCharsmap {
  private final int[] units;
  private final Map<Integer, String> replacements;

  private SpmCharsmap(int[] units, Map<Integer, String> replacements) {
    this.units = units;
    this.replacements = replacements;
  }

  /**
   * @throws IllegalArgumentException if the blob is malformed (what is wrong is in the message)
   */
  public static SpmCharsmap parse(byte[] blob) {
    if (blob.length < 4) {
      throw new IllegalArgumentException(
          "the charsmap has " + blob.length + " bytes, fewer than its 4-byte header");
    }
    ByteBuffer in = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
    long trieBytes = in.getInt() & 0xFFFFFFFFL;
    long unitCount = trieBytes / 4;
    if (unitCount > (blob.length - 4) / 4) {
      throw new IllegalArgumentException(
          "the header announces a trie of " + trieBytes + " bytes but only " + (blob.length - 4)
              + " follow");
    }
    if (unitCount == 0) {
      throw new IllegalArgumentException("the trie is empty (it needs at least its root unit)");
    }
    int[] units = new int[(int) unitCount];
    for (int i = 0; i < units.length; i++) {
      units[i] = in.getInt();
    }
    byte[] pool = new byte[blob.length - 4 - 4 * units.length];
    in.get(pool);
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(pool));
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("the string pool after the trie is not valid UTF-8");
    }
    return new SpmCharsmap(units, readAll(units, pool));
  }

  /** Walks every path of the trie; collects the replacement string of every key. */
  private static Map<Integer, String> readAll(int[] units, byte[] pool) {
    Map<Integer, String> out = new HashMap<>();
    BitSet seen = new BitSet(units.length);
    Deque<Integer> pending = new ArrayDeque<>();
    long root = offset(units[0]);
    if (root >= units.length) {
      throw new IllegalArgumentException("the trie's root points outside the trie");
    }
    pending.push((int) root);
    while (!pending.isEmpty()) {
      int node = pending.pop();
      if (seen.get(node)) {
        continue;
      }
      seen.set(node);
      for (int c = 1; c < 256; c++) {
        int child = node ^ c;
        if (child >= units.length || label(units[child]) != c) {
          continue;
        }
        long next = child ^ offset(units[child]);
        if (next >= units.length) {
          throw new IllegalArgumentException("trie unit " + child + " points outside the trie");
        }
        if (hasLeaf(units[child])) {
          int value = units[(int) next] & 0x7FFFFFFF;
          out.computeIfAbsent(value, v -> string(pool, v));
        }
        pending.push((int) next);
      }
    }
    return Map.copyOf(out);
  }

  private static String string(byte[] pool, int start) {
    if (start > pool.length) {
      throw new IllegalArgumentException(
          "a trie value points at byte " + start + " of a " + pool.length + "-byte string pool");
    }
    if (start < pool.length && (pool[start] & 0xC0) == 0x80) {
      throw new IllegalArgumentException(
          "a trie value points into the middle of a character (byte " + start + ")");
    }
    int end = start;
    while (end < pool.length && pool[end] != 0) {
      end++;
    }
    return new String(pool, start, end - start, StandardCharsets.UTF_8);
  }

  private static long offset(int unit) {
    long u = unit & 0xFFFFFFFFL;
    return (u >>> 10) << ((u & (1L << 9)) >>> 6);
  }

  private static long label(int unit) {
    return unit & ((1L << 31) | 0xFF);
  }

  private static boolean hasLeaf(int unit) {
    return ((unit >>> 8) & 1) == 1;
  }

  /**
   * The replacement for the shortest key that is a prefix of the UTF-8 encoding of {@code
   * text[start, end)}, or {@code null} when no key is. A NUL character ends the search.
   */
  public String firstMatch(CharSequence text, int start, int end) {
    long node = offset(units[0]);
    for (int i = start; i < end; ) {
      int cp = Character.codePointAt(text, i);
      i += Character.charCount(cp);
      int bytes;
      int b0;
      if (cp < 0x80) {
        bytes = 1;
        b0 = cp;
      } else if (cp < 0x800) {
        bytes = 2;
        b0 = 0xC0 | (cp >>> 6);
      } else if (cp < 0x10000) {
        bytes = 3;
        b0 = 0xE0 | (cp >>> 12);
      } else {
        bytes = 4;
        b0 = 0xF0 | (cp >>> 18);
      }
      for (int k = 0; k < bytes; k++) {
        int c = k == 0 ? b0 : 0x80 | ((cp >>> (6 * (bytes - 1 - k))) & 0x3F);
        if (c == 0) {
          return null;
        }
        long child = node ^ c;
        if (child >= units.length || label(units[(int) child]) != c) {
          return null;
        }
        int unit = units[(int) child];
        node = child ^ offset(unit);
        if (node >= units.length) {
          return null;
        }
        if (hasLeaf(unit)) {
          return replacements.get(units[(int) node] & 0x7FFFFFFF);
        }
      }
    }
    return null;
  }
}
