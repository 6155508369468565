package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import ai.boinc.transformers.templates.SpecialTokensMap;
import ai.boinc.transformers.tokenizers.BatchEncodeOptions;
import ai.boinc.transformers.tokenizers.BatchEncoding;
import ai.boinc.transformers.tokenizers.ChatOptions;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import ai.boinc.transformers.tokenizers.TokenizerConfig;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@link ModelTokenizer} (subclassed only by {@link WhisperModelTokenizer}): a pipeline without {@code tokenizer.json}'s truncation and padding,
 * with the config applied, plus the tokenizer class's behaviour. Immutable and thread-safe.
 */
class PretrainedModelTokenizer implements ModelTokenizer {
  private final String name;
  private final PipelineTokenizer pipeline;
  private final TokenizerConfig config;
  private final TokenizerClass tokenizerClass;
  private final ModelFacts facts;
  private final ChatTemplating chat;
  private final SpecialTokens special;
  private final ModelDecoder decoder;
  private final BatchEncoder batchEncoder;

  /** The model tokenizer of this class: a {@link WhisperModelTokenizer} for Whisper. */
  static PretrainedModelTokenizer create(
      String name,
      PipelineTokenizer pipeline,
      TokenizerConfig config,
      TokenizerClass tokenizerClass,
      ModelFacts facts,
      ChatTemplating chat,
      SpecialTokens special) {
    return tokenizerClass instanceof WhisperClass
        ? new WhisperModelTokenizer(name, pipeline, config, tokenizerClass, facts, chat, special)
        : new PretrainedModelTokenizer(name, pipeline, config, tokenizerClass, facts, chat, special);
  }

  PretrainedModelTokenizer(
      String name,
      PipelineTokenizer pipeline,
      TokenizerConfig config,
      TokenizerClass tokenizerClass,
      ModelFacts facts,
      ChatTemplating chat,
      SpecialTokens special) {
    this.name = name;
    this.pipeline = pipeline;
    this.config = config;
    this.tokenizerClass = tokenizerClass;
    this.facts = facts;
    this.chat = chat;
    this.special = special;
    this.decoder =
        new ModelDecoder(
            pipeline, facts.endOfWordSuffix, facts.unkToken,
            config.cleanUpTokenizationSpaces().orElse(true));
    OptionalInt padId = special.id(special.pad);
    this.batchEncoder =
        new BatchEncoder(
            name, pipeline, config.modelMaxLength().orElse(Long.MAX_VALUE),
            padId.isPresent() ? special.pad : null, padId.orElse(0), paddingSide(), truncationSide());
  }

  /** The pipeline underneath, for tests. */
  @Override
  public void clearCache() {
    pipeline.clearCache();
  }

  PipelineTokenizer pipeline() {
    return pipeline;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String tokenizerClass() {
    return tokenizerClass.name();
  }

  @Override
  public TokenizerConfig tokenizerConfig() {
    return config;
  }

  @Override
  public Optional<TokenizerConfig> config() {
    return Optional.of(config);
  }

  @Override
  public Optional<String> padToken() {
    return Optional.ofNullable(special.pad);
  }

  @Override
  public Optional<String> bosToken() {
    return Optional.ofNullable(special.bos);
  }

  @Override
  public Optional<String> eosToken() {
    return Optional.ofNullable(special.eos);
  }

  @Override
  public Optional<String> unkToken() {
    return Optional.ofNullable(special.unk);
  }

  @Override
  public Optional<String> sepToken() {
    return Optional.ofNullable(special.sep);
  }

  @Override
  public Optional<String> clsToken() {
    return Optional.ofNullable(special.cls);
  }

  @Override
  public Optional<String> maskToken() {
    return Optional.ofNullable(special.mask);
  }

  @Override
  public OptionalInt padTokenId() {
    return special.id(special.pad);
  }

  @Override
  public OptionalInt bosTokenId() {
    return special.id(special.bos);
  }

  @Override
  public OptionalInt eosTokenId() {
    return special.id(special.eos);
  }

  @Override
  public OptionalInt unkTokenId() {
    return special.id(special.unk);
  }

  @Override
  public OptionalInt sepTokenId() {
    return special.id(special.sep);
  }

  @Override
  public OptionalInt clsTokenId() {
    return special.id(special.cls);
  }

  @Override
  public OptionalInt maskTokenId() {
    return special.id(special.mask);
  }

  @Override
  public int[] allSpecialIds() {
    return special.allSpecialIds.clone();
  }

  @Override
  public List<String> allSpecialTokens() {
    return special.allSpecialTokens;
  }

  @Override
  public OptionalLong modelMaxLength() {
    OptionalLong max = config.modelMaxLength();
    return max.isPresent() && max.getAsLong() < Long.MAX_VALUE ? max : OptionalLong.empty();
  }

  @Override
  public Padding.Direction paddingSide() {
    return config.paddingSide()
        .map(side -> side.equals("left") ? Padding.Direction.LEFT : Padding.Direction.RIGHT)
        .orElse(tokenizerClass.defaultPaddingSide());
  }

  @Override
  public Truncation.Direction truncationSide() {
    return config.truncationSide()
        .map(side -> side.equals("left") ? Truncation.Direction.LEFT : Truncation.Direction.RIGHT)
        .orElse(Truncation.Direction.RIGHT);
  }

  @Override
  public boolean returnsTokenTypeIds() {
    return tokenizerClass.returnsTokenTypeIds();
  }

  @Override
  public Map<String, String> chatTemplates() {
    return chat.templates();
  }

  @Override
  public SpecialTokensMap specialTokensMap() {
    return chat.specialTokens();
  }

  @Override
  public String applyChatTemplate(List<? extends Map<String, ?>> messages, ChatOptions options) {
    return chat.render(messages, options);
  }

  @Override
  public String applyChatTemplate(String template, List<? extends Map<String, ?>> messages, ChatOptions options) {
    return chat.render(template, messages, options);
  }

  @Override
  public ModelTokenizer withPadToken(String token) {
    Objects.requireNonNull(token, "token");
    if (pipeline.tokenToId(token).isEmpty()) {
      throw new IllegalArgumentException(
          "pad token '" + token + "' is not in the vocabulary of " + name);
    }
    return create(name, pipeline, config, tokenizerClass, facts, chat.withPadToken(token), special.withPad(token));
  }

  @Override
  public int countTokens(String text, boolean addSpecialTokens) {
    return pipeline.countTokens(text, addSpecialTokens);
  }

  @Override
  public BatchEncoding batchEncode(List<String> texts, BatchEncodeOptions options) {
    return batchEncoder.encode(texts, null, options);
  }

  @Override
  public BatchEncoding batchEncode(
      List<String> texts, List<String> pairs, BatchEncodeOptions options) {
    Objects.requireNonNull(pairs, "pairs");
    return batchEncoder.encode(texts, pairs, options);
  }

  @Override
  public Encoding encode(String text, EncodeOptions options) {
    return pipeline.encode(text, options);
  }

  @Override
  public Encoding encode(String text, String pair, EncodeOptions options) {
    return pipeline.encode(text, pair, options);
  }

  @Override
  public List<Encoding> encodeBatch(List<String> texts, EncodeOptions options) {
    return pipeline.encodeBatch(texts, options);
  }

  @Override
  public List<Encoding> encodeBatch(List<String> texts, List<String> pairs, EncodeOptions options) {
    return pipeline.encodeBatch(texts, pairs, options);
  }

  /** The tokenizer class's decoding (see {@link ModelDecoder}). */
  @Override
  public String decode(int[] ids, DecodeOptions options) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(options, "options");
    return decoder.decode(ids, options);
  }

  @Override
  public OptionalInt tokenToId(String token) {
    return pipeline.tokenToId(token);
  }

  @Override
  public Optional<String> idToToken(int id) {
    return pipeline.idToToken(id);
  }

  @Override
  public int vocabSize() {
    return pipeline.vocabSize();
  }

  @Override
  public String toString() {
    return "ModelTokenizer{" + name + ", class=" + tokenizerClass.name() + "}";
  }
}
