package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.RepoType;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads the tokenizer of a model on the hub, as Transformers.js's {@code AutoTokenizer} does:
 * {@code tokenizer.json}, plus {@code tokenizer_config.json}, {@code special_tokens_map.json} and
 * {@code chat_template.jinja} when the repository has them, behaving as the model's tokenizer
 * class (see {@link ModelTokenizer}).
 *
 * <pre>{@code
 * // BA_ACCESS_TOKEN=ba_... in the environment
 * ModelTokenizer tokenizer = AutoTokenizer.fromPretrained("meta-llama/Llama-2-7b-ba");
 * int[] ids = tokenizer.encode("Hello world!").ids();   // [1, 15043, 3186, 29991]
 * OptionalInt eos = tokenizer.eosTokenId();              // 2
 *
 * ModelTokenizer chat = AutoTokenizer.fromPretrained("Qwen/Qwen3-0.6B");
 * String prompt = chat.applyChatTemplate(List.of(Map.of("role", "user", "content", "Hi!")),
 *     ChatOptions.withGenerationPrompt());             // its chat_template.jinja or tokenizer_config.json's
 * }</pre>
 *
 * <p>Files are cached by the {@link Hub}; a second call for the same revision reads the cache.
 */
public final class AutoTokenizer {
  static final String TOKENIZER_JSON = Tokenizers.MODEL_FILES.get(0);

  private AutoTokenizer() {}

  /** Loads the tokenizer of model {@code repoId} at {@code main}, with a hub from the environment. */
  public static ModelTokenizer fromPretrained(String repoId) {
    return fromPretrained(repoId, Hub.create());
  }

  /** Loads the tokenizer of model {@code repoId} at {@code main} through {@code hub}. */
  public static ModelTokenizer fromPretrained(String repoId, Hub hub) {
    return fromPretrained(repoId, Hub.DEFAULT_REVISION, hub);
  }

  /**
   * Loads the tokenizer of model {@code repoId} at {@code revision} through {@code hub}.
   *
   * @throws ai.boinc.transformers.hub.HubException if a file cannot be downloaded
   * @throws TokenizerLoadException if the files are not a valid tokenizer
   */
  public static ModelTokenizer fromPretrained(String repoId, String revision, Hub hub) {
    Objects.requireNonNull(repoId, "repoId");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(hub, "hub");
    Path tokenizerJson = hub.download(RepoType.MODEL, repoId, TOKENIZER_JSON, revision);
    // The snapshot folder is named after the commit: pin the other files to it, so all come from
    // one commit even if the branch moves meanwhile.
    String commit = tokenizerJson.getParent().getFileName().toString();
    for (String optional : Tokenizers.MODEL_FILES.subList(1, Tokenizers.MODEL_FILES.size())) {
      hub.downloadIfExists(RepoType.MODEL, repoId, optional, commit);
    }
    return Tokenizers.fromDirectory(tokenizerJson.getParent(), repoId);
  }
}
