package ai.boinc.transformers.tokenizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a model folder's {@code tokenizer_config.json} (and {@code special_tokens_map.json}) say
 * about its tokenizer: the special tokens by role, the added tokens by id, whether BOS/EOS are
 * added, the maximum input length, the padding and truncation sides, decode clean-up, the
 * tokenizer class and the chat templates.
 *
 * <p>{@link Tokenizers#fromDirectory} applies it (see {@link ModelTokenizer}); this object is
 * the record of what was read. Immutable and thread-safe.
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
  private final AddedToken sepToken;
  private final AddedToken clsToken;
  private final AddedToken maskToken;
  private final List<AddedToken> additionalSpecialTokens;
  private final SortedMap<Integer, AddedToken> addedTokensDecoder;
  private final String paddingSide;
  private final String truncationSide;
  private final Boolean legacy;
  private final Boolean addPrefixSpace;
  private final Boolean doLowerCase;
  private final Boolean tokenizeChineseChars;
  private final SortedMap<String, String> chatTemplates;

  private TokenizerConfig(Builder b) {
    this.legacy = b.legacy;
    this.addPrefixSpace = b.addPrefixSpace;
    this.doLowerCase = b.doLowerCase;
    this.tokenizeChineseChars = b.tokenizeChineseChars;
    this.chatTemplates = Collections.unmodifiableSortedMap(new TreeMap<>(b.chatTemplates));
    this.sepToken = b.sepToken;
    this.clsToken = b.clsToken;
    this.maskToken = b.maskToken;
    this.additionalSpecialTokens = Collections.unmodifiableList(new ArrayList<>(b.additionalSpecialTokens));
    this.addedTokensDecoder = Collections.unmodifiableSortedMap(new TreeMap<>(b.addedTokensDecoder));
    this.paddingSide = b.paddingSide;
    this.truncationSide = b.truncationSide;
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

  /** The same as {@link #newBuilder()}, named like {@code Hub.builder()}. */
  public static Builder builder() {
    return newBuilder();
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

  public Optional<AddedToken> sepToken() {
    return Optional.ofNullable(sepToken);
  }

  public Optional<AddedToken> clsToken() {
    return Optional.ofNullable(clsToken);
  }

  public Optional<AddedToken> maskToken() {
    return Optional.ofNullable(maskToken);
  }

  /** {@code additional_special_tokens}, in file order. */
  public List<AddedToken> additionalSpecialTokens() {
    return additionalSpecialTokens;
  }

  /** {@code added_tokens_decoder}: added tokens by the id the file gives them, in id order. */
  public SortedMap<Integer, AddedToken> addedTokensDecoder() {
    return addedTokensDecoder;
  }

  /** {@code padding_side}: {@code "left"} or {@code "right"}. */
  public Optional<String> paddingSide() {
    return Optional.ofNullable(paddingSide);
  }

  /** {@code truncation_side}: {@code "left"} or {@code "right"}. */
  public Optional<String> truncationSide() {
    return Optional.ofNullable(truncationSide);
  }

  /** {@code tokenizer_class}, e.g. {@code LlamaTokenizer}. */
  public Optional<String> tokenizerClass() {
    return Optional.ofNullable(tokenizerClass);
  }

  /**
   * {@code legacy} (Llama/T5 SentencePiece handling of text after special tokens). Recorded only:
   * with a {@code tokenizer.json} neither Transformers.js nor Python's fast tokenizers change
   * encoding by it.
   */
  public Optional<Boolean> legacy() {
    return Optional.ofNullable(legacy);
  }

  /**
   * {@code add_prefix_space}. Recorded only: Transformers.js takes the prefix space from {@code
   * tokenizer.json}'s pre-tokenizer alone (Python's GPT-2/RoBERTa fast tokenizers rebuild the
   * pre-tokenizer when the two disagree).
   */
  public Optional<Boolean> addPrefixSpace() {
    return Optional.ofNullable(addPrefixSpace);
  }

  /**
   * {@code do_lower_case}. Recorded only: Transformers.js lowercases as {@code tokenizer.json}'s
   * normalizer says (Python's BERT fast tokenizers rebuild the normalizer when the two disagree).
   */
  public Optional<Boolean> doLowerCase() {
    return Optional.ofNullable(doLowerCase);
  }

  /** {@code tokenize_chinese_chars}; recorded only, as {@link #doLowerCase()}. */
  public Optional<Boolean> tokenizeChineseChars() {
    return Optional.ofNullable(tokenizeChineseChars);
  }

  /**
   * The chat templates by name: a single {@code chat_template} string is named {@code
   * "default"}; a list of {@code {name, template}} objects keeps its names. Empty if none.
   */
  public SortedMap<String, String> chatTemplates() {
    return chatTemplates;
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
    private AddedToken sepToken;
    private AddedToken clsToken;
    private AddedToken maskToken;
    private List<AddedToken> additionalSpecialTokens = List.of();
    private Map<Integer, AddedToken> addedTokensDecoder = Map.of();
    private String paddingSide;
    private String truncationSide;
    private Boolean legacy;
    private Boolean addPrefixSpace;
    private Boolean doLowerCase;
    private Boolean tokenizeChineseChars;
    private Map<String, String> chatTemplates = Map.of();

    private Builder() {}

    public Builder legacy(boolean legacy) {
      this.legacy = legacy;
      return this;
    }

    public Builder addPrefixSpace(boolean addPrefixSpace) {
      this.addPrefixSpace = addPrefixSpace;
      return this;
    }

    public Builder doLowerCase(boolean doLowerCase) {
      this.doLowerCase = doLowerCase;
      return this;
    }

    public Builder tokenizeChineseChars(boolean tokenizeChineseChars) {
      this.tokenizeChineseChars = tokenizeChineseChars;
      return this;
    }

    /** Chat templates by name ({@code "default"} for a single one). */
    public Builder chatTemplates(Map<String, String> templates) {
      this.chatTemplates = Map.copyOf(templates);
      return this;
    }

    public Builder sepToken(AddedToken token) {
      this.sepToken = Objects.requireNonNull(token, "sepToken");
      return this;
    }

    public Builder clsToken(AddedToken token) {
      this.clsToken = Objects.requireNonNull(token, "clsToken");
      return this;
    }

    public Builder maskToken(AddedToken token) {
      this.maskToken = Objects.requireNonNull(token, "maskToken");
      return this;
    }

    public Builder additionalSpecialTokens(List<AddedToken> tokens) {
      this.additionalSpecialTokens = List.copyOf(tokens);
      return this;
    }

    public Builder addedTokensDecoder(Map<Integer, AddedToken> tokens) {
      this.addedTokensDecoder = Map.copyOf(tokens);
      return this;
    }

    /** @throws IllegalArgumentException unless {@code "left"} or {@code "right"} */
    public Builder paddingSide(String side) {
      this.paddingSide = side(side, "paddingSide");
      return this;
    }

    /** @throws IllegalArgumentException unless {@code "left"} or {@code "right"} */
    public Builder truncationSide(String side) {
      this.truncationSide = side(side, "truncationSide");
      return this;
    }

    private static String side(String side, String name) {
      Objects.requireNonNull(side, name);
      if (!side.equals("left") && !side.equals("right")) {
        throw new IllegalArgumentException(name + " must be \"left\" or \"right\", not \"" + side + "\"");
      }
      return side;
    }

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
