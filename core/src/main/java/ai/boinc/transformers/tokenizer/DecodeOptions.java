package ai.boinc.transformers.tokenizer;

import java.util.Objects;
import java.util.Optional;

/**
 * Options of one {@link Tokenizer#decode(int[], DecodeOptions)} call. Immutable.
 *
 * <pre>{@code
 * DecodeOptions options =
 *     DecodeOptions.newBuilder().skipSpecialTokens(true).cleanUpTokenizationSpaces(true).build();
 * }</pre>
 */
public final class DecodeOptions {
  private static final DecodeOptions DEFAULTS = new DecodeOptions(false, null);
  private static final DecodeOptions SKIP_SPECIAL = new DecodeOptions(true, null);

  private final boolean skipSpecialTokens;
  /** Null: the tokenizer's own default. */
  private final Boolean cleanUpTokenizationSpaces;

  private DecodeOptions(boolean skipSpecialTokens, Boolean cleanUpTokenizationSpaces) {
    this.skipSpecialTokens = skipSpecialTokens;
    this.cleanUpTokenizationSpaces = cleanUpTokenizationSpaces;
  }

  /**
   * Special tokens are kept, as the reference library's {@code decode(ids, false)}; spaces are
   * cleaned up as the tokenizer's default says.
   */
  public static DecodeOptions defaults() {
    return DEFAULTS;
  }

  /** Drops special tokens ({@code <s>}, {@code [CLS]}, ...) from the text. */
  public static DecodeOptions skipSpecialTokens() {
    return SKIP_SPECIAL;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** The same as {@link #newBuilder()}, named like {@code Hub.builder()}. */
  public static Builder builder() {
    return newBuilder();
  }

  public Builder toBuilder() {
    Builder b = newBuilder().skipSpecialTokens(skipSpecialTokens);
    b.cleanUpTokenizationSpaces = cleanUpTokenizationSpaces;
    return b;
  }

  public boolean skipsSpecialTokens() {
    return skipSpecialTokens;
  }

  /**
   * Whether to apply Transformers' {@code clean_up_tokenization} to the decoded text (remove the
   * space before {@code . ? ! ,} and English contractions such as {@code n't}, {@code 's}); empty
   * when the tokenizer's own default applies (a {@code tokenizer_config.json}'s {@code
   * clean_up_tokenization_spaces}, else false).
   */
  public Optional<Boolean> cleanUpTokenizationSpaces() {
    return Optional.ofNullable(cleanUpTokenizationSpaces);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DecodeOptions)) {
      return false;
    }
    DecodeOptions that = (DecodeOptions) o;
    return skipSpecialTokens == that.skipSpecialTokens
        && Objects.equals(cleanUpTokenizationSpaces, that.cleanUpTokenizationSpaces);
  }

  @Override
  public int hashCode() {
    return Objects.hash(skipSpecialTokens, cleanUpTokenizationSpaces);
  }

  @Override
  public String toString() {
    return "DecodeOptions{skipSpecialTokens=" + skipSpecialTokens
        + (cleanUpTokenizationSpaces == null
            ? ""
            : ", cleanUpTokenizationSpaces=" + cleanUpTokenizationSpaces)
        + "}";
  }

  /** Builds {@link DecodeOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean skipSpecialTokens;
    private Boolean cleanUpTokenizationSpaces;

    private Builder() {}

    public Builder skipSpecialTokens(boolean skipSpecialTokens) {
      this.skipSpecialTokens = skipSpecialTokens;
      return this;
    }

    /** Overrides the tokenizer's default for clean-up of tokenization spaces. */
    public Builder cleanUpTokenizationSpaces(boolean cleanUp) {
      this.cleanUpTokenizationSpaces = cleanUp;
      return this;
    }

    public DecodeOptions build() {
      return new DecodeOptions(skipSpecialTokens, cleanUpTokenizationSpaces);
    }
  }
}
