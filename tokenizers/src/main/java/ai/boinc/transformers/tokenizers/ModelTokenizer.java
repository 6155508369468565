package ai.boinc.transformers.tokenizers;

import ai.boinc.transformers.templates.SpecialTokensMap;
import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A model's tokenizer, as Transformers.js's {@code AutoTokenizer.from_pretrained} builds it: the
 * folder's {@code tokenizer.json} with its {@code tokenizer_config.json} and {@code
 * special_tokens_map.json} applied, behaving as the model's tokenizer class ({@code
 * tokenizer_class}). {@link Tokenizers#fromDirectory} and {@link AutoTokenizer#fromPretrained}
 * return one; {@link Tokenizers#fromFile} returns the raw layer ({@code tokenizer.json} only, the
 * Rust library's behaviour) instead.
 *
 * <p>What differs from the raw layer:
 *
 * <ul>
 *   <li>{@code tokenizer.json}'s own {@code truncation} and {@code padding} are not applied: rows
 *       are truncated and padded only when a call asks ({@link #batchEncode}), with the config's
 *       {@code pad_token}, {@code padding_side}, {@code truncation_side} and {@code
 *       model_max_length}. Padding a tokenizer without a pad token fails with {@link
 *       MissingPadTokenException} (Transformers.js pads with the EOS token instead; Python
 *       refuses, as here).
 *   <li>Decoding is the tokenizer class's: spaces are cleaned up ({@code should ' ve} becomes
 *       {@code should've}) unless the config's {@code clean_up_tokenization_spaces} is false; an
 *       end-of-word suffix ({@code </w>} of CLIP) becomes a space; unknown ids decode as the
 *       unknown token.
 *   <li>The config's special tokens are added to the vocabulary, and {@code add_bos_token}/{@code
 *       add_eos_token} rebuild the post-processor of Llama-like tokenizers as Python
 *       transformers does (Transformers.js takes {@code tokenizer.json}'s post-processor as it
 *       is; for the configs seen in practice both agree).
 * </ul>
 *
 * <pre>{@code
 * ModelTokenizer tokenizer = AutoTokenizer.fromPretrained("sentence-transformers/all-MiniLM-L6-v2");
 * int n = tokenizer.countTokens("How long is this?");          // without building an Encoding
 * BatchEncoding batch = tokenizer.batchEncode(List.of("a", "b c"),
 *     BatchEncodeOptions.newBuilder().padding(PaddingStrategy.LONGEST).build());
 * long[] ids = batch.flatInputIds();                            // with batch.shape()
 * }</pre>
 *
 * <p>{@link #encode(String, ai.boinc.transformers.tokenizer.EncodeOptions)} and {@code
 * encodeBatch} with {@code EncodeOptions} stay the raw layer's calls: a {@code Padding} or {@code
 * Truncation} given there is applied as given (its pad id included); {@link #batchEncode} is the
 * model's call, with the config's pad token and limits.
 *
 * <p>Chat templates: {@link #applyChatTemplate(List, ChatOptions)} renders a conversation into the
 * model's prompt with the repository's template, as Python transformers does (see there). Immutable
 * and thread-safe.
 */
public interface ModelTokenizer extends PretrainedTokenizer {
  /** The model this tokenizer belongs to, for messages: the repository id or folder name. */
  String name();

  /**
   * The tokenizer class whose behaviour applies, without the {@code Fast} suffix, e.g. {@code
   * LlamaTokenizer}; {@code PreTrainedTokenizer} when the config names none or an unknown one.
   */
  String tokenizerClass();

  /** The parsed {@code tokenizer_config.json} and {@code special_tokens_map.json}. */
  TokenizerConfig tokenizerConfig();

  /** The pad token: the config's {@code pad_token}; empty if it names none. */
  Optional<String> padToken();

  Optional<String> bosToken();

  Optional<String> eosToken();

  Optional<String> unkToken();

  Optional<String> sepToken();

  Optional<String> clsToken();

  Optional<String> maskToken();

  /** The id of {@link #padToken()}; empty without a pad token or if it is not in the vocabulary. */
  OptionalInt padTokenId();

  OptionalInt bosTokenId();

  OptionalInt eosTokenId();

  OptionalInt unkTokenId();

  OptionalInt sepTokenId();

  OptionalInt clsTokenId();

  OptionalInt maskTokenId();

  /** The ids of the added tokens marked special, in id order (Transformers.js's {@code all_special_ids}). */
  int[] allSpecialIds();

  /** The contents of the added tokens marked special, in id order. */
  List<String> allSpecialTokens();

  /** {@code model_max_length}; empty when the config gives none or a placeholder such as 1e30. */
  OptionalLong modelMaxLength();

  /** {@code padding_side}, else the tokenizer class's default (left for Llama, else right). */
  Padding.Direction paddingSide();

  /**
   * {@code truncation_side}, else right. Transformers.js always cuts the right end; the config's
   * side is honoured here as Python does.
   */
  Truncation.Direction truncationSide();

  /**
   * Whether the tokenizer class returns {@code token_type_ids} by default (BERT-like classes), as
   * Transformers.js's {@code return_token_type_ids}. {@link BatchEncoding#tokenTypeIds()} is
   * available either way.
   */
  boolean returnsTokenTypeIds();

  /**
   * The chat templates of the repository by name: {@code chat_template.jinja} as {@code "default"}
   * when the repository has that file (it replaces the config's, as in Python transformers), else
   * {@code tokenizer_config.json}'s {@code chat_template} (a single one named {@code "default"}).
   * Empty when the model has none.
   */
  Map<String, String> chatTemplates();

  /**
   * The special tokens a chat template sees as variables (Python's {@code special_tokens_map}):
   * {@code bos_token}, {@code eos_token}, ... of {@code tokenizer_config.json} and {@code
   * special_tokens_map.json}, {@code pad_token} as set by {@link #withPadToken}.
   */
  SpecialTokensMap specialTokensMap();

  /**
   * Renders a conversation into the model's prompt with its chat template, as Python transformers'
   * {@code tokenizer.apply_chat_template(messages, tokenize=False, ...)} does (Transformers.js's
   * {@code apply_chat_template} with {@code tokenize: false}).
   *
   * <pre>{@code
   * List<Map<String, Object>> messages = List.of(
   *     Map.of("role", "system", "content", "You are terse."),
   *     Map.of("role", "user", "content", "Hello!"));
   * String prompt = tokenizer.applyChatTemplate(messages, ChatOptions.withGenerationPrompt());
   * int[] ids = tokenizer.applyChatTemplateIds(messages, ChatOptions.withGenerationPrompt());
   * }</pre>
   *
   * <p>The template: the one {@link ChatOptions#templateName()} names, else of named templates
   * {@code tool_use} when tools are given and the model has one, else {@code default} (see {@link
   * #chatTemplates()}). It is compiled once per tokenizer and runs in the templates module's
   * sandbox, within {@link ChatOptions#limits()}.
   *
   * <p>Messages are maps with {@code role} and usually {@code content} (a string, or a list of
   * parts such as {@code {"type": "text", "text": ...}}), plus {@code tool_calls} or a tool result's
   * fields as the template expects them; values are JSON-like Java values (see {@link
   * ai.boinc.transformers.templates.ChatRequest}). Use {@code LinkedHashMap} where a template prints
   * a whole map: it prints the keys in iteration order.
   *
   * <p>Where Transformers.js and Python transformers render differently, this renders as Python
   * does, because Python defines the models' prompts and its renderings are this project's goldens:
   * Python's {@code repr} when a value is printed ({@code None}, {@code True}, {@code {'a': 1}}
   * where Transformers.js prints JSON), {@code continueFinalMessage} (which Transformers.js lacks),
   * Python's string methods and whitespace stripping, and errors where Python raises them.
   *
   * @throws MissingChatTemplateException if the model has no chat template: pass one with {@link
   *     #applyChatTemplate(String, List, ChatOptions)}
   * @throws ai.boinc.transformers.templates.RaiseExceptionError if the template refused the
   *     conversation ({@code raise_exception("...")}); its message is exactly the template's
   * @throws ai.boinc.transformers.templates.TemplateException for any other failure of the template
   *     (syntax, a Python error, a sandbox bound) or of the request ({@link
   *     ai.boinc.transformers.templates.ChatTemplateUsageException}: an empty conversation, {@code
   *     addGenerationPrompt} with {@code continueFinalMessage}, an unknown template name)
   */
  String applyChatTemplate(List<? extends Map<String, ?>> messages, ChatOptions options);

  /** {@link #applyChatTemplate(List, ChatOptions)} with {@link ChatOptions#defaults()}. */
  default String applyChatTemplate(List<? extends Map<String, ?>> messages) {
    return applyChatTemplate(messages, ChatOptions.defaults());
  }

  /**
   * Renders a conversation with the template text given (Python's {@code
   * apply_chat_template(chat_template=...)} with a template): for a model without one, or to try
   * another. The tokenizer's special tokens are its variables as usual.
   *
   * @throws IllegalArgumentException if {@code options} name a template ({@code templateName})
   * @throws ai.boinc.transformers.templates.TemplateException as {@link #applyChatTemplate(List,
   *     ChatOptions)}; {@link ai.boinc.transformers.templates.TemplateSyntaxException} if the text is
   *     not a valid template
   */
  String applyChatTemplate(String template, List<? extends Map<String, ?>> messages, ChatOptions options);

  /**
   * The token ids of {@link #applyChatTemplate(List, ChatOptions)}'s prompt, encoded without adding
   * special tokens, as Python's {@code apply_chat_template(tokenize=True)} does (the template writes
   * them); special-token text in the prompt becomes their ids.
   */
  default int[] applyChatTemplateIds(List<? extends Map<String, ?>> messages, ChatOptions options) {
    return encode(applyChatTemplate(messages, options), EncodeOptions.addSpecialTokens(false)).ids();
  }

  /** The token ids of {@link #applyChatTemplate(String, List, ChatOptions)}'s prompt, as {@link #applyChatTemplateIds(List, ChatOptions)}. */
  default int[] applyChatTemplateIds(String template, List<? extends Map<String, ?>> messages, ChatOptions options) {
    return encode(applyChatTemplate(template, messages, options), EncodeOptions.addSpecialTokens(false)).ids();
  }

  /**
   * The same tokenizer padding with {@code token} (e.g. {@code eosToken().get()}).
   *
   * @throws IllegalArgumentException if {@code token} is not in the vocabulary
   */
  ModelTokenizer withPadToken(String token);

  /** The number of ids {@code encode(text)} gives, special tokens included, without building an Encoding. */
  default int countTokens(String text) {
    return countTokens(text, true);
  }

  /** The number of ids {@code encode(text)} gives, with or without the special tokens. */
  int countTokens(String text, boolean addSpecialTokens);

  /** Encodes the texts without padding or truncation. */
  default BatchEncoding batchEncode(List<String> texts) {
    return batchEncode(texts, BatchEncodeOptions.defaults());
  }

  /**
   * Encodes the texts as Transformers.js's {@code tokenizer(texts, options)} does: each text is
   * encoded, then, if asked, cut to the maximum length and padded (see {@link
   * BatchEncodeOptions}).
   *
   * <p>Truncation follows Transformers.js: the row (special tokens included) is cut to the
   * maximum length, so a cut BERT row ends without {@code [SEP]} (Python keeps the special
   * tokens and cuts the text). With {@code stride} or {@code returnOverflowingTokens}, which
   * Transformers.js lacks, Python's rule applies instead: the text is cut before the special
   * tokens are added, and every window gets them.
   *
   * @throws MissingPadTokenException if padding is asked and the tokenizer has no pad token
   * @throws IllegalArgumentException if {@code MAX_LENGTH} padding or truncation needs a maximum
   *     length and neither the options nor the config give one
   */
  BatchEncoding batchEncode(List<String> texts, BatchEncodeOptions options);

  /**
   * Encodes each text with its pair, as {@link #batchEncode(List, BatchEncodeOptions)}.
   *
   * @param pairs as many as {@code texts}; a null entry means no pair for that text
   */
  BatchEncoding batchEncode(List<String> texts, List<String> pairs, BatchEncodeOptions options);

  /** Decodes ids as given to or returned by a model ({@code long}s), keeping special tokens. */
  default String decode(long[] ids) {
    return decode(ids, DecodeOptions.defaults());
  }

  /** @throws IllegalArgumentException if an id does not fit in an {@code int} */
  default String decode(long[] ids, DecodeOptions options) {
    int[] narrow = new int[ids.length];
    for (int i = 0; i < ids.length; i++) {
      if (ids[i] < Integer.MIN_VALUE || ids[i] > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("id " + ids[i] + " at index " + i + " is not a token id");
      }
      narrow[i] = (int) ids[i];
    }
    return decode(narrow, options);
  }

  /** Decodes each row, keeping special tokens. */
  default List<String> batchDecode(long[][] ids) {
    return batchDecode(ids, DecodeOptions.defaults());
  }

  /** Decodes each row (e.g. {@link BatchEncoding#inputIds()} or a model's output). */
  default List<String> batchDecode(long[][] ids, DecodeOptions options) {
    List<String> out = new ArrayList<>(ids.length);
    for (long[] row : ids) {
      out.add(decode(row, options));
    }
    return out;
  }
}
