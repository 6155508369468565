package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import ai.boinc.transformers.tokenizers.BatchEncodeOptions;
import ai.boinc.transformers.tokenizers.BatchEncodeOptions.PaddingStrategy;
import ai.boinc.transformers.tokenizers.BatchEncoding;
import ai.boinc.transformers.tokenizers.MissingPadTokenException;
import ai.boinc.transformers.tokenizers.internal.pipeline.EncodingSlices;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import ai.boinc.transformers.tokenizers.internal.pipeline.PostProcessing;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Transformers.js's {@code PreTrainedTokenizer._call}: encode each text, then settle one maximum
 * length and cut and pad the rows to it.
 *
 * <ol>
 *   <li>The maximum length is the call's, else {@code model_max_length}; with {@code LONGEST}
 *       padding and truncation not said, the call's is ignored (Transformers.js warns so).
 *   <li>{@code LONGEST}: the longest row, but not beyond that maximum; never beyond {@code
 *       model_max_length}.
 *   <li>A longer row is cut to it when truncating (special tokens are cut too: the row is cut,
 *       not the text), a shorter one padded to it (rounded up to {@code padToMultipleOf}) with
 *       the pad token, attention mask 0 and type id 0, on the padding side.
 * </ol>
 *
 * <p>With a stride or overflowing tokens the pipeline's own truncation (Python's rule) makes the
 * windows; each becomes a row.
 */
final class BatchEncoder {
  private final String model;
  private final PipelineTokenizer pipeline;
  /** {@code model_max_length}, {@link Long#MAX_VALUE} for none. */
  private final long modelMaxLength;
  /** The pad token, or null for none. */
  private final String padToken;
  private final int padId;
  private final Padding.Direction paddingSide;
  private final Truncation.Direction truncationSide;

  BatchEncoder(
      String model,
      PipelineTokenizer pipeline,
      long modelMaxLength,
      String padToken,
      int padId,
      Padding.Direction paddingSide,
      Truncation.Direction truncationSide) {
    this.model = model;
    this.pipeline = pipeline;
    this.modelMaxLength = modelMaxLength;
    this.padToken = padToken;
    this.padId = padId;
    this.paddingSide = paddingSide;
    this.truncationSide = truncationSide;
  }

  /** @param pairs null for no pairs; a null or empty entry means no pair (as Transformers.js) */
  BatchEncoding encode(List<String> texts, List<String> pairs, BatchEncodeOptions options) {
    Objects.requireNonNull(texts, "texts");
    Objects.requireNonNull(options, "options");
    if (pairs != null && pairs.size() != texts.size()) {
      throw new IllegalArgumentException(
          texts.size() + " texts but " + pairs.size() + " pairs; expected as many pairs as texts");
    }
    if (options.padding() != PaddingStrategy.NONE && padToken == null) {
      throw new MissingPadTokenException(
          "cannot pad: the tokenizer of " + model + " has no pad token (its tokenizer_config.json"
              + " sets no pad_token); choose one with tokenizer.withPadToken(...), e.g. its EOS"
              + " token as Transformers.js does, or encode without padding",
          model);
    }
    boolean windows = options.returnOverflowingTokens() || options.stride() > 0;
    long limit = limit(options);
    EncodeOptions.Builder encodeOptions =
        EncodeOptions.newBuilder().addSpecialTokens(options.addSpecialTokens()).noPadding().noTruncation();
    if (windows) {
      if (limit == Long.MAX_VALUE) {
        throw new IllegalArgumentException(
            "overflowing windows need a maximum length: give maxLength (" + model
                + " has no model_max_length)");
      }
      encodeOptions.truncation(
          Truncation.newBuilder()
              .maxLength((int) limit)
              .stride(options.stride())
              .direction(truncationSide)
              .build());
    }
    List<Encoding> encoded = encodeAll(texts, pairs, encodeOptions.build());
    List<Encoding> rows = new ArrayList<>();
    List<Integer> samples = new ArrayList<>();
    for (int i = 0; i < encoded.size(); i++) {
      Encoding e = encoded.get(i);
      rows.add(windows ? EncodingSlices.withoutOverflowing(e) : e);
      samples.add(i);
      if (windows && options.returnOverflowingTokens()) {
        for (Encoding o : e.overflowing()) {
          rows.add(o);
          samples.add(i);
        }
      }
    }
    if (options.padding() == PaddingStrategy.LONGEST) {
      int longest = 0;
      for (Encoding e : rows) {
        longest = Math.max(longest, e.size());
      }
      limit = Math.min(longest, limit);
    } else if (options.padding() == PaddingStrategy.MAX_LENGTH && limit == Long.MAX_VALUE) {
      throw new IllegalArgumentException(
          "MAX_LENGTH padding needs a maximum length: give maxLength (" + model
              + " has no model_max_length)");
    }
    if (options.truncates() && !windows && limit < Integer.MAX_VALUE) {
      for (int r = 0; r < rows.size(); r++) {
        rows.set(r, cut(rows.get(r), (int) limit));
      }
    }
    if (options.padding() != PaddingStrategy.NONE) {
      rows = PostProcessing.padBatch(rows, padding(target(limit, options.padToMultipleOf())));
    }
    int[] sampleOfRow = new int[samples.size()];
    for (int i = 0; i < sampleOfRow.length; i++) {
      sampleOfRow[i] = samples.get(i);
    }
    return new BatchEncoding(rows, sampleOfRow);
  }

  /** The maximum length before {@code LONGEST} padding narrows it; MAX_VALUE for none. */
  private long limit(BatchEncodeOptions options) {
    long limit = modelMaxLength;
    if (options.maxLength().isPresent()
        && (options.truncationSaid() || options.padding() != PaddingStrategy.LONGEST)) {
      limit = options.maxLength().getAsInt();
    }
    return Math.min(limit, modelMaxLength);
  }

  private List<Encoding> encodeAll(List<String> texts, List<String> pairs, EncodeOptions options) {
    if (pairs == null) {
      return pipeline.encodeBatch(texts, options);
    }
    List<String> realPairs = new ArrayList<>(pairs.size());
    for (String pair : pairs) {
      // Transformers.js passes `text_pair || null`: an empty pair is no pair.
      realPairs.add(pair == null || pair.isEmpty() ? null : pair);
    }
    return pipeline.encodeBatch(texts, realPairs, options);
  }

  /** The row cut to {@code length} tokens on the truncation side. */
  private Encoding cut(Encoding row, int length) {
    if (row.size() <= length) {
      return row;
    }
    return truncationSide == Truncation.Direction.LEFT
        ? EncodingSlices.slice(row, row.size() - length, row.size(), List.of())
        : EncodingSlices.slice(row, 0, length, List.of());
  }

  private static int target(long limit, int multiple) {
    long length = limit;
    if (multiple > 0 && length % multiple != 0) {
      length += multiple - length % multiple;
    }
    if (length > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("cannot pad to " + length + " tokens");
    }
    return (int) length;
  }

  private Padding padding(int length) {
    return Padding.newBuilder()
        .fixedLength(length)
        .padId(padId)
        .padToken(padToken)
        .direction(paddingSide)
        .build();
  }
}
