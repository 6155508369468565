package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizers.TokenizerConfig;
import ai.boinc.transformers.tokenizers.WhisperTokenizer;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The model tokenizer of {@code WhisperTokenizer}. Immutable and thread-safe. */
final class WhisperModelTokenizer extends PretrainedModelTokenizer implements WhisperTokenizer {
  private static final double TIME_PRECISION = 0.02;
  private static final Pattern LANGUAGE_TOKEN = Pattern.compile("<\\|([a-z]{2,3})\\|>");

  WhisperModelTokenizer(
      String name,
      PipelineTokenizer pipeline,
      TokenizerConfig config,
      TokenizerClass tokenizerClass,
      ModelFacts facts,
      ChatTemplating chat,
      SpecialTokens special) {
    super(name, pipeline, config, tokenizerClass, facts, chat, special);
  }

  @Override
  public WhisperTokenizer withPadToken(String token) {
    return (WhisperTokenizer) super.withPadToken(token);
  }

  @Override
  public int[] prefixTokenIds(Optional<String> language, Optional<String> task, boolean predictTimestamps) {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(task, "task");
    List<Integer> ids = new ArrayList<>();
    ids.add(required("<|startoftranscript|>", "no <|startoftranscript|> token"));
    if (language.isPresent()) {
      String given = language.get().toLowerCase(Locale.ROOT);
      Matcher token = LANGUAGE_TOKEN.matcher(given);
      String code = token.matches() ? token.group(1) : given;
      ids.add(required("<|" + code + "|>",
          "no language token for '" + language.get() + "'; give a language code such as \"en\" or its token \"<|en|>\""));
    }
    if (task.isPresent()) {
      if (!task.get().equals("transcribe") && !task.get().equals("translate")) {
        throw new IllegalArgumentException("task must be \"transcribe\" or \"translate\", not \"" + task.get() + "\"");
      }
      ids.add(required("<|" + task.get() + "|>", "no <|" + task.get() + "|> token"));
    }
    if (!predictTimestamps) {
      ids.add(required("<|notimestamps|>", "no <|notimestamps|> token"));
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  private int required(String token, String problem) {
    OptionalInt id = tokenToId(token);
    if (id.isEmpty()) {
      throw new IllegalArgumentException(name() + ": " + problem);
    }
    return id.getAsInt();
  }

  @Override
  public String decodeWithTimestamps(int[] ids, DecodeOptions options) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(options, "options");
    int[] special = allSpecialIds();
    int timestampBegin = special.length == 0 ? Integer.MAX_VALUE : special[special.length - 1] + 1;
    StringBuilder out = new StringBuilder();
    int start = 0;
    for (int i = 0; i <= ids.length; i++) {
      if (i < ids.length && ids[i] < timestampBegin) {
        continue;
      }
      if (i > start) {
        out.append(decode(Arrays.copyOfRange(ids, start, i), options));
      }
      if (i < ids.length) {
        out.append(String.format(Locale.ROOT, "<|%.2f|>", (ids[i] - timestampBegin) * TIME_PRECISION));
      }
      start = i + 1;
    }
    return out.toString();
  }
}
