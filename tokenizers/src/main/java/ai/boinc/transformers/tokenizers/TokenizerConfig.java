package ai.boinc.transformers.tokenizers;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a model folder's {@code tokenizer_config.json} says about its tokenizer: the special
 * tokens by role, whether BOS/EOS are added, the maximum input length and decode clean-up.
 *
 * <p>Kept next to the tokenizer for callers; it does not change how {@code tokenizer.json}
 * encodes. Immutable and thread-safe.
 */
public final class TokenizerConfig {
  private final AddedToken bosToken;
  private final AddedToken eosToken;
  private final AddedToken unkToken;
  private final AddedToken padToken;
  private final Boolean addBosToken;
  private final Boolean addEosToken;
  private final Long modelMaxLength;
  private final Boolean cleanUpTokenizationSpaces;
  private final String tokenizerClass;

  private TokenizerConfig(Builder b) {
    this.bosToken = b.bosToken;
    this.eosToken = b.eosToken;
    this.unkToken = b.unkToken;
    this.padToken = b.padToken;
    this.addBosToken = b.addBosToken;
    this.addEosToken = b.addEosToken;
    this.modelMaxLength = b.modelMaxLength;
    this.cleanUpTokenizationSpaces = b.cleanUpTokenizationSpaces;
    this.tokenizerClass = b.tokenizerClass;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Optional<AddedToken> bosToken() {
    return Optional.ofNullable(bosToken);
  }

  public Optional<AddedToken> eosToken() {
    return Optional.ofNullable(eosToken);
  }

  public Optional<AddedToken> unkToken() {
    return Optional.ofNullable(unkToken);
  }

  public Optional<AddedToken> padToken() {
    return Optional.ofNullable(padToken);
  }

  public Optional<Boolean> addBosToken() {
    return Optional.ofNullable(addBosToken);
  }

  public Optional<Boolean> addEosToken() {
    return Optional.ofNullable(addEosToken);
  }

  /**
   * {@code model_max_length}; files often hold a huge placeholder such as {@code 1e30}, which is
   * capped at {@link Long#MAX_VALUE}.
   */
  public OptionalLong modelMaxLength() {
    return modelMaxLength == null ? OptionalLong.empty() : OptionalLong.of(modelMaxLength);
  }

  public Optional<Boolean> cleanUpTokenizationSpaces() {
    return Optional.ofNullable(cleanUpTokenizationSpaces);
  }

  /** {@code tokenizer_class}, e.g. {@code LlamaTokenizer}. */
  public Optional<String> tokenizerClass() {
    return Optional.ofNullable(tokenizerClass);
  }

  @Override
  public String toString() {
    return "TokenizerConfig{bos=" + content(bosToken) + ", eos=" + content(eosToken) + ", unk="
        + content(unkToken) + ", pad=" + content(padToken) + ", addBos=" + addBosToken
        + ", addEos=" + addEosToken + ", modelMaxLength=" + modelMaxLength + "}";
  }

  private static String content(AddedToken t) {
    return t == null ? null : t.content();
  }

  /** Builds a {@link TokenizerConfig}; every field is optional. Not thread-safe. */
  public static final class Builder {
    private AddedToken bosToken;
    private AddedToken eosToken;
    private AddedToken unkToken;
    private AddedToken padToken;
    private Boolean addBosToken;
    private Boolean addEosToken;
    private Long modelMaxLength;
    private Boolean cleanUpTokenizationSpaces;
    private String tokenizerClass;

    private Builder() {}

    public Builder bosToken(AddedToken token) {
      this.bosToken = Objects.requireNonNull(token, "bosToken");
      return this;
    }

    public Builder eosToken(AddedToken token) {
      this.eosToken = Objects.requireNonNull(token, "eosToken");
      return this;
    }

    public Builder unkToken(AddedToken token) {
      this.unkToken = Objects.requireNonNull(token, "unkToken");
      return this;
    }

    public Builder padToken(AddedToken token) {
      this.padToken = Objects.requireNonNull(token, "padToken");
      return this;
    }

    public Builder addBosToken(boolean add) {
      this.addBosToken = add;
      return this;
    }

    public Builder addEosToken(boolean add) {
      this.addEosToken = add;
      return this;
    }

    /** @throws IllegalArgumentException if negative */
    public Builder modelMaxLength(long length) {
      if (length < 0) {
        throw new IllegalArgumentException("modelMaxLength < 0: " + length);
      }
      this.modelMaxLength = length;
      return this;
    }

    public Builder cleanUpTokenizationSpaces(boolean cleanUp) {
      this.cleanUpTokenizationSpaces = cleanUp;
      return this;
    }

    public Builder tokenizerClass(String tokenizerClass) {
      this.tokenizerClass = Objects.requireNonNull(tokenizerClass, "tokenizerClass");
      return this;
    }

    public TokenizerConfig build() {
      return new TokenizerConfig(this);
    }
  }
}
