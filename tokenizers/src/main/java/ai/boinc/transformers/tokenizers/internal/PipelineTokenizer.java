package ai.boinc.transformers.tokenizers.internal;

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
import ai.boinc.transformers.tokenizers.normalizers.Normalizer;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizedString.Split;
import ai.boinc.transformers.tokenizers.pretokenizers.PreTokenizer;
import ai.boinc.transformers.tokenizers.processors.PostProcessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The reference's {@code TokenizerImpl}: added tokens, normalizer, pre-tokenizer, model,
 * post-processor and decoder run in that order. Every part is optional except the model.
 * Immutable and thread-safe when its parts are.
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
  }

  @Override
  public Optional<TokenizerConfig> config() {
    return Optional.ofNullable(config);
  }

  public Model model() {
    return model;
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
   * Encodes each text; with padding (the options' or the tokenizer's), all are padded to the
   * longest of the batch, as the reference's {@code encode_batch} does.
   */
  @Override
  public List<Encoding> encodeBatch(List<String> texts, EncodeOptions options) {
    Objects.requireNonNull(texts, "texts");
    List<Encoding> out = new ArrayList<>(texts.size());
    for (String text : texts) {
      out.add(encode(text, options));
    }
    return padBatch(out, options);
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
    List<Split> splits = pieces.splits();
    int n = 0;
    for (Split s : splits) {
      n += s.tokenCount();
    }
    int[] ids = new int[n];
    String[] tokens = new String[n];
    int[] offsets = new int[2 * n];
    int[] words = new int[n];
    int k = 0;
    for (int w = 0; w < splits.size(); w++) {
      Split s = splits.get(w);
      for (int t = 0; t < s.tokenCount(); t++) {
        int[] o = s.normalized().toOriginal(s.start(t), s.end(t));
        ids[k] = s.id(t);
        tokens[k] = s.value(t);
        offsets[2 * k] = o[0];
        offsets[2 * k + 1] = o[1];
        words[k] = w;
        k++;
      }
    }
    int[] typeIds = new int[n];
    Arrays.fill(typeIds, typeId);
    // Without a post-processor a lone sequence is sequence 0 (the reference's default).
    return Encoding.builder()
        .ids(ids)
        .tokens(tokens)
        .offsets(offsets)
        .wordIds(words)
        .typeIds(typeIds)
        .sequenceIds(new int[n])
        .build();
  }

  /** The reference's default post-processing: the pair follows as sequence 1. */
  private static Encoding concatenate(List<Encoding> encodings) {
    if (encodings.size() == 1) {
      return encodings.get(0);
    }
    Encoding a = encodings.get(0);
    Encoding b = encodings.get(1);
    int na = a.size();
    int n = na + b.size();
    int[] sequences = new int[n];
    Arrays.fill(sequences, na, n, 1);
    String[] tokens = new String[n];
    for (int i = 0; i < n; i++) {
      tokens[i] = i < na ? a.token(i) : b.token(i - na);
    }
    return Encoding.builder()
        .ids(concat(a.ids(), b.ids()))
        .tokens(tokens)
        .typeIds(concat(a.typeIds(), b.typeIds()))
        .attentionMask(concat(a.attentionMask(), b.attentionMask()))
        .specialTokensMask(concat(a.specialTokensMask(), b.specialTokensMask()))
        .wordIds(concat(a.wordIds(), b.wordIds()))
        .sequenceIds(sequences)
        .offsets(concat(flatOffsets(a), flatOffsets(b)))
        .build();
  }

  private static int[] flatOffsets(Encoding e) {
    int[] out = new int[2 * e.size()];
    for (int i = 0; i < e.size(); i++) {
      out[2 * i] = e.startOffset(i);
      out[2 * i + 1] = e.endOffset(i);
    }
    return out;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /**
   * As the reference's {@code Tokenizer::decode}: ids become tokens (added tokens first, unknown
   * ids are dropped), special tokens are dropped on request, and the decoder joins the rest (with
   * no decoder, tokens are joined with spaces).
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
    return decoder == null ? String.join(" ", tokens) : decoder.decode(tokens);
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
