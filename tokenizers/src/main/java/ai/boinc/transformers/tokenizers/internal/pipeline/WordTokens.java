package ai.boinc.transformers.tokenizers.internal.pipeline;

import ai.boinc.transformers.tokenizers.models.TokenSink;
import java.util.Arrays;

/**
 * The tokens of one text, word by word, in growable columns: id, text, offsets into the original
 * text and word index. A fused encoder fills it through {@link #token}, and gives the offsets of a
 * word's tokens either as they are (the word's normalized units sit at the indices of the
 * characters they came from) or, for a word held in the buffer here, as indices of buffered units,
 * each of which carries its span in the original text. Not thread-safe: one instance belongs to
 * one encode call.
 */
public final class WordTokens implements TokenSink {
  private int[] ids;
  private String[] values;
  private int[] offsets;
  private int[] words;
  private int n;
  private int wordIndex;

  /** Whether the current word is in the buffer: its units and their original spans. */
  private boolean buffering;
  private char[] word = new char[32];
  private int[] spanStart = new int[32];
  private int[] spanEnd = new int[32];
  private int wordLength;

  WordTokens(int capacity) {
    ids = new int[capacity];
    values = new String[capacity];
    offsets = new int[2 * capacity];
    words = new int[capacity];
  }

  boolean buffering() {
    return buffering;
  }

  /**
   * Starts buffering the current word with {@code units[from, to)}, each from the original
   * character at its own index.
   */
  void startBuffer(char[] units, int from, int to) {
    buffering = true;
    wordLength = 0;
    for (int i = from; i < to; i++) {
      addUnit(units[i], i, i + 1);
    }
  }

  /** Adds one normalized unit to the buffered word, from original span {@code [start, end)}. */
  void addUnit(char c, int start, int end) {
    buffering = true;
    if (wordLength == word.length) {
      int capacity = 2 * wordLength;
      word = Arrays.copyOf(word, capacity);
      spanStart = Arrays.copyOf(spanStart, capacity);
      spanEnd = Arrays.copyOf(spanEnd, capacity);
    }
    word[wordLength] = c;
    spanStart[wordLength] = start;
    spanEnd[wordLength] = end;
    wordLength++;
  }

  /** The buffered word's units, valid up to {@link #wordLength()}. */
  char[] word() {
    return word;
  }

  int wordLength() {
    return wordLength;
  }

  /** Ends the current word, whose tokens have been added. */
  void endWord() {
    buffering = false;
    wordLength = 0;
    wordIndex++;
  }

  /** A token of the current word. */
  @Override
  public void token(int id, String value, int start, int end) {
    if (n == ids.length) {
      grow();
    }
    ids[n] = id;
    values[n] = value;
    if (buffering) {
      offsets[2 * n] = spanStart[start];
      offsets[2 * n + 1] = spanEnd[end - 1];
    } else {
      offsets[2 * n] = start;
      offsets[2 * n + 1] = end;
    }
    words[n] = wordIndex;
    n++;
  }

  /**
   * A token of word {@code word} with offsets into the original text, for an encoder that numbers
   * the words itself (not through {@link #endWord}).
   */
  void add(int id, String value, int start, int end, int word) {
    if (n == ids.length) {
      grow();
    }
    ids[n] = id;
    values[n] = value;
    offsets[2 * n] = start;
    offsets[2 * n + 1] = end;
    words[n++] = word;
  }

  /** Number of tokens. */
  public int size() {
    return n;
  }

  private void grow() {
    int capacity = Math.max(8, 2 * n);
    ids = Arrays.copyOf(ids, capacity);
    values = Arrays.copyOf(values, capacity);
    offsets = Arrays.copyOf(offsets, 2 * capacity);
    words = Arrays.copyOf(words, capacity);
  }

  /** Copies tokens {@code [0, size())} into the given columns from index {@code at} on. */
  void copyTo(int[] ids, String[] values, int[] offsets, int[] words, int at) {
    System.arraycopy(this.ids, 0, ids, at, n);
    System.arraycopy(this.values, 0, values, at, n);
    System.arraycopy(this.offsets, 0, offsets, 2 * at, 2 * n);
    System.arraycopy(this.words, 0, words, at, n);
  }
}
