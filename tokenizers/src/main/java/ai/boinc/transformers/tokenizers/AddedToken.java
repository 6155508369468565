package ai.boinc.transformers.tokenizers;

import java.util.Objects;

/**
 * A token added on top of a model's vocabulary, as listed under {@code added_tokens} in {@code
 * tokenizer.json} (or given as a special token in {@code tokenizer_config.json}).
 *
 * <p>Such tokens are cut out of the text before the model sees it. {@code normalized} tokens are
 * looked for in the normalized text, the others in the raw text; {@code lstrip}/{@code rstrip}
 * make a match swallow the whitespace on its left/right; {@code singleWord} only matches when
 * the token is not glued to word characters; {@code special} tokens are dropped by {@code
 * decode(ids, skipSpecialTokens=true)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class AddedToken {
  private final String content;
  private final boolean singleWord;
  private final boolean lstrip;
  private final boolean rstrip;
  private final boolean normalized;
  private final boolean special;

  private AddedToken(Builder b) {
    this.content = b.content;
    this.singleWord = b.singleWord;
    this.lstrip = b.lstrip;
    this.rstrip = b.rstrip;
    this.normalized = b.normalized;
    this.special = b.special;
  }

  /**
   * A builder for a token with text {@code content}; like the reference's {@code
   * AddedToken::from(content, special)}, a special token defaults to {@code normalized=false}.
   */
  public static Builder newBuilder(String content, boolean special) {
    return new Builder(content, special);
  }

  /** The same as {@link #newBuilder(String, boolean)}, named like {@code Hub.builder()}. */
  public static Builder builder(String content, boolean special) {
    return newBuilder(content, special);
  }

  public String content() {
    return content;
  }

  public boolean singleWord() {
    return singleWord;
  }

  public boolean lstrip() {
    return lstrip;
  }

  public boolean rstrip() {
    return rstrip;
  }

  public boolean normalized() {
    return normalized;
  }

  public boolean special() {
    return special;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AddedToken)) {
      return false;
    }
    AddedToken t = (AddedToken) o;
    return content.equals(t.content)
        && singleWord == t.singleWord
        && lstrip == t.lstrip
        && rstrip == t.rstrip
        && normalized == t.normalized
        && special == t.special;
  }

  @Override
  public int hashCode() {
    return Objects.hash(content, singleWord, lstrip, rstrip, normalized, special);
  }

  @Override
  public String toString() {
    return "AddedToken{content='" + content + "', singleWord=" + singleWord + ", lstrip=" + lstrip
        + ", rstrip=" + rstrip + ", normalized=" + normalized + ", special=" + special + "}";
  }

  /** Builds an {@link AddedToken}. Not thread-safe. */
  public static final class Builder {
    private final String content;
    private boolean singleWord;
    private boolean lstrip;
    private boolean rstrip;
    private boolean normalized;
    private boolean special;

    private Builder(String content, boolean special) {
      this.content = Objects.requireNonNull(content, "content");
      this.special = special;
      this.normalized = !special;
    }

    public Builder singleWord(boolean singleWord) {
      this.singleWord = singleWord;
      return this;
    }

    public Builder lstrip(boolean lstrip) {
      this.lstrip = lstrip;
      return this;
    }

    public Builder rstrip(boolean rstrip) {
      this.rstrip = rstrip;
      return this;
    }

    public Builder normalized(boolean normalized) {
      this.normalized = normalized;
      return this;
    }

    public Builder special(boolean special) {
      this.special = special;
      return this;
    }

    public AddedToken build() {
      return new AddedToken(this);
    }
  }
}
