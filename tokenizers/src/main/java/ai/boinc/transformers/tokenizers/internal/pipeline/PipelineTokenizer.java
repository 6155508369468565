package ai.boinc.transformers.tokenizers.internal.pipeline;

import ai.boinc.transformers.tokenizers.internal.text.Text;
import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import ai.boinc.transformers.tokenizers.AddedToken;
import ai.boinc.transformers.tokenizers.PretrainedTokenizer;
import ai.boinc.transformers.tokenizers.TokenizerConfig;
import ai.boinc.transformers.tokenizers.decoders.Decoder;
import ai.boinc.transformers.tokenizers.models.Model;
import ai.boinc.transformers.tokenizers.models.Unigram;
import ai.boinc.transformers.tokenizers.models.bpe.Bpe;
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString.Split;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import ai.boinc.transformers.tokenizers.processors.PostProcessor;
import ai.boinc.transformers.tokenizers.processors.TemplateProcessing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The reference's {@code TokenizerImpl}: added tokens, normalizer, pre-tokenizer, model,
 * post-processor and decoder run in that order. Every part is optional except the model.
 * Immutable and thread-safe when its parts are.
 *
 * <p>Input: an unpaired surrogate in a text is encoded as U+FFFD (the reference takes Rust
 * strings, which cannot hold one); the text keeps its length, so offsets still index the text
 * given. Any text encodes; a regular expression of the tokenizer that exceeds its step budget on
 * a text fails that text with {@link ai.boinc.transformers.tokenizers.RegexLimitExceededException}
 * (see {@link Regexes}). Batches run in parallel on the common {@link
 * java.util.concurrent.ForkJoinPool} and the calling thread (see {@link Batches}).
 */
public final class PipelineTokenizer implements PretrainedTokenizer {
  private final Normalizer normalizer;
  private final PreTokenizer preTokenizer;
  private final Model model;
  private final PostProcessor postProcessor;
  private final Decoder decoder;
  private final AddedVocabulary addedVocabulary;
  private final TokenizerConfig config;
  /** The {@code truncation} and {@code padding} of tokenizer.json; null for none. */
  private final Truncation truncation;
  private final Padding padding;
  /** The post-processor's single-text template if it is a {@link TemplateProcessing}, else null. */
  private final SingleTemplate singleTemplate;
  /** The fused encoder when the pipeline is exactly BERT's, else null. */
  private final BertFastPath bertFastPath;
  /** The fused pre-tokenizer and model for byte-level BPE pipelines, or null. */
  private final ByteLevelFastPath byteLevelFastPath;

  /**
   * @param normalizer null for none; likewise {@code preTokenizer}, {@code postProcessor},
   *     {@code decoder} and {@code config}
   */
  public PipelineTokenizer(
      Normalizer normalizer,
      PreTokenizer preTokenizer,
      Model model,
      PostProcessor postProcessor,
      Decoder decoder,
      List<AddedToken> addedTokens,
      TokenizerConfig config) {
    this.normalizer = normalizer;
    this.preTokenizer = preTokenizer;
    this.model = Objects.requireNonNull(model, "model");
    this.postProcessor = postProcessor;
    this.decoder = decoder;
    this.addedVocabulary = new AddedVocabulary(addedTokens, model, normalizer);
    this.config = config;
    this.truncation = null;
    this.padding = null;
    this.singleTemplate = SingleTemplate.of(postProcessor);
    this.bertFastPath = BertFastPath.of(normalizer, preTokenizer, model, this.addedVocabulary);
    this.byteLevelFastPath = ByteLevelFastPath.of(preTokenizer, model);
  }

  /** The same pipeline with {@code config} attached. */
  public PipelineTokenizer withConfig(TokenizerConfig config) {
    return new PipelineTokenizer(
        normalizer, preTokenizer, model, postProcessor, decoder, addedVocabulary, config,
        truncation, padding);
  }

  /**
   * The same pipeline with this truncation and padding applied on every encode unless the call
   * says otherwise (tokenizer.json's {@code truncation} and {@code padding}).
   */
  public PipelineTokenizer withTruncationAndPadding(
      Optional<Truncation> truncation, Optional<Padding> padding) {
    return new PipelineTokenizer(
        normalizer, preTokenizer, model, postProcessor, decoder, addedVocabulary, config,
        truncation.orElse(null), padding.orElse(null));
  }

  /** The truncation every encode applies unless its options say otherwise. */
  @Override
  public Optional<Truncation> truncation() {
    return Optional.ofNullable(truncation);
  }

  /** The padding every encode applies unless its options say otherwise. */
  @Override
  public Optional<Padding> padding() {
    return Optional.ofNullable(padding);
  }

  private PipelineTokenizer(
      Normalizer normalizer,
      PreTokenizer preTokenizer,
      Model model,
      PostProcessor postProcessor,
      Decoder decoder,
      AddedVocabulary addedVocabulary,
      TokenizerConfig config,
      Truncation truncation,
      Padding padding) {
    this.normalizer = normalizer;
    this.preTokenizer = preTokenizer;
    this.model = model;
    this.postProcessor = postProcessor;
    this.decoder = decoder;
    this.addedVocabulary = addedVocabulary;
    this.config = config;
    this.truncation = truncation;
    this.padding = padding;
    this.singleTemplate = SingleTemplate.of(postProcessor);
    this.bertFastPath = BertFastPath.of(normalizer, preTokenizer, model, this.addedVocabulary);
    this.byteLevelFastPath = ByteLevelFastPath.of(preTokenizer, model);
  }

  @Override
  public Optional<TokenizerConfig> config() {
    return Optional.ofNullable(config);
  }

  public Model model() {
    return model;
  }

  @Override
  public void clearCache() {
    if (model instanceof Bpe) {
      ((Bpe) model).clearCache();
    } else if (model instanceof Unigram) {
      ((Unigram) model).clearCache();
    }
  }

  /** The normalizer, or null for none; for tests. */
  Normalizer normalizer() {
    return normalizer;
  }

  /** The post-processor, or null for none. */
  public PostProcessor postProcessor() {
    return postProcessor;
  }

  public AddedVocabulary addedVocabulary() {
    return addedVocabulary;
  }

  /**
   * The same pipeline after more reference {@code add_tokens} calls, one per batch (as
   * Transformers adds the tokens of {@code tokenizer_config.json}).
   */
  public PipelineTokenizer withAddedTokens(List<List<AddedToken>> batches) {
    AddedVocabulary added = addedVocabulary;
    for (List<AddedToken> batch : batches) {
      added = added.plus(batch, model, normalizer);
    }
    return new PipelineTokenizer(
        normalizer, preTokenizer, model, postProcessor, decoder, added, config, truncation, padding);
  }

  /** The same pipeline with another post-processor (null for none). */
  public PipelineTokenizer withPostProcessor(PostProcessor postProcessor) {
    return new PipelineTokenizer(
        normalizer, preTokenizer, model, postProcessor, decoder, addedVocabulary, config,
        truncation, padding);
  }

  /**
   * Encodes the texts in parallel (see {@link Batches}); equal to mapping {@link #encode}, except
   * that with padding (the options' or the tokenizer's) all are padded to the longest of the
   * batch, as the reference's {@code encode_batch} does.
   */
  @Override
  public List<Encoding> encodeBatch(List<String> texts, EncodeOptions options) {
    Objects.requireNonNull(options, "options");
    return padBatch(
        Batches.map(texts, PipelineTokenizer::length, text -> encode(text, options)), options);
  }

  /** Encodes each text with its pair in parallel; a null pair means none. */
  @Override
  public List<Encoding> encodeBatch(List<String> texts, List<String> pairs, EncodeOptions options) {
    Objects.requireNonNull(options, "options");
    if (texts.size() != pairs.size()) {
      throw new IllegalArgumentException(
          texts.size() + " texts but " + pairs.size() + " pairs; expected as many pairs as texts");
    }
    List<Integer> indices = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      indices.add(i);
    }
    List<String> a = new ArrayList<>(texts);
    List<String> b = new ArrayList<>(pairs);
    return padBatch(
        Batches.map(
            indices,
            i -> length(a.get(i)) + length(b.get(i)),
            i -> encode(a.get(i), b.get(i), options)),
        options);
  }

  /** Decodes in parallel; equal to mapping {@link #decode(int[], DecodeOptions)}. */
  @Override
  public List<String> decodeBatch(List<int[]> ids, DecodeOptions options) {
    Objects.requireNonNull(options, "options");
    return Batches.map(ids, one -> one == null ? 0 : one.length, one -> decode(one, options));
  }

  /** The cost estimate for scheduling a batch: encoding time grows with the text's length. */
  private static long length(String text) {
    // Null is encode's to reject, in its usual order.
    return text == null ? 0 : text.length();
  }

  @Override
  public Encoding encode(String text, EncodeOptions options) {
    return encode(text, null, options);
  }

  @Override
  public Encoding encode(String text, String pair, EncodeOptions options) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(options, "options");
    Optional<Truncation> truncation = options.truncationOr(truncation());
    Optional<Padding> padding = options.paddingOr(padding());
    boolean add = options.addSpecialTokens();
    if (pair == null && singleTemplate != null && truncation.isEmpty() && padding.isEmpty()) {
      WordTokens fast = fastTokens(text);
      if (fast != null) {
        return singleTemplate.encode(fast, add);
      }
      return singleTemplate.encode(tokenizeSequence(text, 0, truncation), add);
    }
    Encoding first = encodeSequence(text, 0, truncation);
    Encoding second = pair == null ? null : encodeSequence(pair, 1, truncation);
    if (truncation.isEmpty() && padding.isEmpty()) {
      return process(first, second, add);
    }
    int added = add && postProcessor != null ? postProcessor.addedTokens(pair != null) : 0;
    return PostProcessing.apply(
        first, second, (a, b) -> process(a, b, add), added, truncation, padding);
  }

  /**
   * The number of ids {@link #encode(String, EncodeOptions)} gives for one text without
   * truncation or padding, counted without building the encoding.
   */
  @Override
  public int countTokens(String text, boolean addSpecialTokens) {
    Objects.requireNonNull(text, "text");
    int n;
    if (bertFastPath == null && byteLevelFastPath != null && byteLevelFastPath.applies()) {
      String clean = Text.replaceLoneSurrogates(text);
      n = byteLevelFastPath.count(addedVocabulary.extractAndNormalize(clean, normalizer));
    } else {
      WordTokens fast = fastTokens(text);
      n = fast != null
          ? fast.size()
          : tokenCount(tokenizeSequence(text, 0, Optional.empty()).splits());
    }
    return addSpecialTokens && postProcessor != null ? n + postProcessor.addedTokens(false) : n;
  }

  /**
   * {@link #encode(String, EncodeOptions)} of one text without truncation or padding, always
   * through the post-processor's {@code process}: for the test that the shortcut of a template
   * post-processor agrees.
   */
  Encoding encodeGeneralForTest(String text, boolean addSpecialTokens) {
    return process(encodeSequence(text, 0, Optional.empty()), null, addSpecialTokens);
  }

  /**
   * {@link #encodeGeneralForTest} without the fused encoders: for the test that a fused encoder
   * equals the general path.
   */
  Encoding encodeWithoutFastPathForTest(String text, String pair, boolean addSpecialTokens) {
    Encoding second = pair == null ? null : encodeSequenceGeneral(pair, 1, Optional.empty());
    return process(encodeSequenceGeneral(text, 0, Optional.empty()), second, addSpecialTokens);
  }

  /**
   * Whether a fused encoder serves this pipeline (waiting for the byte-level one's tables to be
   * built); for tests.
   */
  boolean hasFastPath() {
    return bertFastPath != null
        || (byteLevelFastPath != null && byteLevelFastPath.appliesAfterBuilding());
  }

  /** The batch step of {@link #encodeBatch}: pads encodings of one batch to one length. */
  public List<Encoding> padBatch(List<Encoding> encodings, EncodeOptions options) {
    Optional<Padding> padding = options.paddingOr(padding());
    return padding.isPresent() ? PostProcessing.padBatch(encodings, padding.get()) : encodings;
  }

  private Encoding process(Encoding first, Encoding second, boolean addSpecialTokens) {
    List<Encoding> encodings = new ArrayList<>(2);
    encodings.add(first);
    if (second != null) {
      encodings.add(second);
    }
    if (postProcessor != null) {
      return postProcessor.process(encodings, addSpecialTokens);
    }
    return concatenate(encodings);
  }

  /** One sequence through added tokens, normalizer, pre-tokenizer and model. */
  private Encoding encodeSequence(String text, int typeId, Optional<Truncation> truncation) {
    WordTokens fast = truncation.isEmpty() ? fastTokens(text) : null;
    if (fast != null) {
      return new EncodingBuilder(fast.size()).appendWordTokens(fast, typeId, 0).build();
    }
    return encodeSequenceGeneral(text, typeId, truncation);
  }

  /** {@link #encodeSequence} without the fused path. */
  private Encoding encodeSequenceGeneral(String text, int typeId, Optional<Truncation> truncation) {
    List<Split> splits = tokenizeSequence(text, typeId, truncation).splits();
    // Without a post-processor a lone sequence is sequence 0 (the reference's default).
    return new EncodingBuilder(tokenCount(splits)).appendSplits(splits, typeId, 0).build();
  }

  private static int tokenCount(List<Split> splits) {
    int n = 0;
    for (int i = 0; i < splits.size(); i++) {
      n += splits.get(i).tokenCount();
    }
    return n;
  }

  /**
   * The fused encoder's tokens of one text, or null where the general path has to run.
   * Truncation, which may stop the general path early, is the caller's to rule out.
   */
  private WordTokens fastTokens(String text) {
    if (bertFastPath != null) {
      return bertFastPath.tokenize(text);
    }
    if (byteLevelFastPath == null || !byteLevelFastPath.applies()) {
      return null;
    }
    String clean = Text.replaceLoneSurrogates(text);
    return byteLevelFastPath.tokenize(addedVocabulary.extractAndNormalize(clean, normalizer));
  }

  /** Added tokens, normalizer, pre-tokenizer and model on one sequence. */
  private PreTokenizedString tokenizeSequence(
      String text, int typeId, Optional<Truncation> truncation) {
    String clean = Text.replaceLoneSurrogates(text);
    PreTokenizedString pieces = addedVocabulary.extractAndNormalize(clean, normalizer);
    if (preTokenizer != null) {
      preTokenizer.preTokenize(pieces);
    }
    if (truncation.isPresent()
        && (typeId == 1 || truncation.get().strategy() != Truncation.Strategy.ONLY_SECOND)) {
      // As the reference 0.23.2, stop tokenizing once max_length tokens are reached: in the
      // second sequence always, in the first unless only the second may be truncated.
      pieces.tokenize(
          model,
          truncation.get().maxLength(),
          truncation.get().direction() == Truncation.Direction.LEFT);
    } else {
      pieces.tokenize(model);
    }
    return pieces;
  }

  /**
   * A {@link TemplateProcessing}'s single template (one {@code $A} and special tokens) resolved
   * once, so that the tokens of one text go straight into the final encoding's arrays, which is
   * what {@link TemplateProcessing#process} makes of a single encoding, without building and
   * copying that encoding first.
   */
  private static final class SingleTemplate {
    private final int[] ids;
    private final String[] tokens;
    private final int[] typeIds;
    /** How many of the special tokens come before the sequence. */
    private final int before;
    private final int sequenceTypeId;

    private SingleTemplate(
        int[] ids, String[] tokens, int[] typeIds, int before, int sequenceTypeId) {
      this.ids = ids;
      this.tokens = tokens;
      this.typeIds = typeIds;
      this.before = before;
      this.sequenceTypeId = sequenceTypeId;
    }

    /** Null unless {@code p} is a template whose single template has exactly one {@code $A}. */
    static SingleTemplate of(PostProcessor p) {
      if (!(p instanceof TemplateProcessing)) {
        return null;
      }
      TemplateProcessing t = (TemplateProcessing) p;
      List<Integer> ids = new ArrayList<>();
      List<String> tokens = new ArrayList<>();
      List<Integer> typeIds = new ArrayList<>();
      int before = -1;
      int sequenceTypeId = 0;
      for (TemplateProcessing.Piece piece : t.single()) {
        if (piece.isSequence()) {
          if (piece.sequence() != 0 || before >= 0) {
            return null;
          }
          before = ids.size();
          sequenceTypeId = piece.typeId();
          continue;
        }
        TemplateProcessing.SpecialToken special = t.specialTokens().get(piece.id());
        for (int id : special.ids()) {
          ids.add(id);
          typeIds.add(piece.typeId());
        }
        tokens.addAll(special.tokens());
      }
      if (before < 0) {
        return null;
      }
      int[] idArray = new int[ids.size()];
      int[] typeArray = new int[ids.size()];
      for (int i = 0; i < idArray.length; i++) {
        idArray[i] = ids.get(i);
        typeArray[i] = typeIds.get(i);
      }
      return new SingleTemplate(
          idArray, tokens.toArray(new String[0]), typeArray, before, sequenceTypeId);
    }

    Encoding encode(WordTokens fast, boolean addSpecialTokens) {
      return encode(fast.size(), addSpecialTokens, b -> b.appendWordTokens(fast, sequenceTypeId, 0));
    }

    Encoding encode(PreTokenizedString pieces, boolean addSpecialTokens) {
      List<Split> splits = pieces.splits();
      return encode(
          tokenCount(splits), addSpecialTokens, b -> b.appendSplits(splits, sequenceTypeId, 0));
    }

    /** The template around the {@code n} tokens {@code sequence} appends. */
    private Encoding encode(int n, boolean addSpecialTokens, Consumer<EncodingBuilder> sequence) {
      int specials = addSpecialTokens ? ids.length : 0;
      int lead = addSpecialTokens ? before : 0;
      EncodingBuilder b = new EncodingBuilder(n + specials);
      for (int i = 0; i < lead; i++) {
        b.addSpecial(ids[i], tokens[i], typeIds[i]);
      }
      sequence.accept(b);
      for (int i = lead; i < specials; i++) {
        b.addSpecial(ids[i], tokens[i], typeIds[i]);
      }
      return b.build();
    }
  }

  /** The reference's default post-processing: the pair follows as sequence 1. */
  private static Encoding concatenate(List<Encoding> encodings) {
    if (encodings.size() == 1) {
      return encodings.get(0);
    }
    Encoding a = encodings.get(0);
    Encoding b = encodings.get(1);
    return new EncodingBuilder(a.size() + b.size())
        .appendInSequence(a, 0)
        .appendInSequence(b, 1)
        .build();
  }

  /**
   * As the reference's {@code Tokenizer::decode}: ids become tokens (added tokens first, unknown
   * ids are dropped), special tokens are dropped on request, and the decoder joins the rest (with
   * no decoder, tokens are joined with spaces). Then, if the options (or else the {@code
   * tokenizer_config.json} this tokenizer was loaded with) ask for it, Transformers' {@code
   * clean_up_tokenization} runs on the text.
   */
  @Override
  public String decode(int[] ids, DecodeOptions options) {
    Objects.requireNonNull(ids, "ids");
    boolean skip = options.skipsSpecialTokens();
    List<String> tokens = new ArrayList<>(ids.length);
    for (int id : ids) {
      Optional<String> token = idToToken(id);
      if (token.isEmpty() || (skip && addedVocabulary.isSpecial(token.get()))) {
        continue;
      }
      tokens.add(token.get());
    }
    String text = decoder == null ? String.join(" ", tokens) : decoder.decode(tokens);
    boolean cleanUp =
        options
            .cleanUpTokenizationSpaces()
            .orElse(config != null && config.cleanUpTokenizationSpaces().orElse(false));
    return cleanUp ? Text.cleanUpTokenizationSpaces(text) : text;
  }

  @Override
  public OptionalInt tokenToId(String token) {
    return addedVocabulary.tokenToId(token, model);
  }

  @Override
  public Optional<String> idToToken(int id) {
    Optional<String> added = addedVocabulary.idToToken(id);
    return added.isPresent() ? added : model.idToToken(id);
  }

  /** Model vocabulary plus the added tokens it does not hold. */
  @Override
  public int vocabSize() {
    return model.vocabSize() + addedVocabulary.extraVocabSize();
  }

  @Override
  public String toString() {
    return "PipelineTokenizer{normalizer=" + normalizer + ", preTokenizer=" + preTokenizer
        + ", model=" + model + ", postProcessor=" + postProcessor + ", decoder=" + decoder + "}";
  }
}
