package ai.boinc.transformers.tokenizers.internal.pretrained;

import ai.boinc.transformers.tokenizers.AddedToken;
import ai.boinc.transformers.tokenizers.TokenizerConfig;
import ai.boinc.transformers.tokenizers.internal.pipeline.AddedVocabulary;
import ai.boinc.transformers.tokenizers.internal.pipeline.PipelineTokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The special tokens of a model tokenizer by role, and their ids, as Transformers.js resolves
 * them: the config's token content, looked up in the vocabulary (added tokens first).
 */
final class SpecialTokens {
  final String pad;
  final String bos;
  final String eos;
  final String unk;
  final String sep;
  final String cls;
  final String mask;
  private final PipelineTokenizer pipeline;
  private final TokenizerConfig config;
  final int[] allSpecialIds;
  final List<String> allSpecialTokens;

  private SpecialTokens(PipelineTokenizer pipeline, TokenizerConfig config, String pad) {
    this.pipeline = pipeline;
    this.config = config;
    this.pad = pad;
    this.bos = content(config, TokenizerConfig::bosToken);
    this.eos = content(config, TokenizerConfig::eosToken);
    this.unk = content(config, TokenizerConfig::unkToken);
    this.sep = content(config, TokenizerConfig::sepToken);
    this.cls = content(config, TokenizerConfig::clsToken);
    this.mask = content(config, TokenizerConfig::maskToken);
    AddedVocabulary added = pipeline.addedVocabulary();
    TreeMap<Integer, String> special = new TreeMap<>();
    for (String content : added.contents()) {
      OptionalInt id = added.addedId(content);
      if (added.isSpecial(content) && id.isPresent()) {
        special.put(id.getAsInt(), content);
      }
    }
    this.allSpecialIds = special.keySet().stream().mapToInt(Integer::intValue).toArray();
    this.allSpecialTokens = Collections.unmodifiableList(new ArrayList<>(special.values()));
  }

  static SpecialTokens of(PipelineTokenizer pipeline, TokenizerConfig config) {
    return new SpecialTokens(pipeline, config, content(config, TokenizerConfig::padToken));
  }

  /** The same tokens with another pad token. */
  SpecialTokens withPad(String padToken) {
    return new SpecialTokens(pipeline, config, padToken);
  }

  private static String content(TokenizerConfig config, Function<TokenizerConfig, Optional<AddedToken>> role) {
    return role.apply(config).map(AddedToken::content).orElse(null);
  }

  OptionalInt id(String token) {
    return token == null ? OptionalInt.empty() : pipeline.tokenToId(token);
  }
}
