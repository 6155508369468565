package ai.boinc.transformers.cli;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.AutoTokenizer;
import ai.boinc.transformers.tokenizers.BatchEncodeOptions;
import ai.boinc.transformers.tokenizers.BatchEncodeOptions.PaddingStrategy;
import ai.boinc.transformers.tokenizers.BatchEncoding;
import ai.boinc.transformers.tokenizers.MissingPadTokenException;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import ai.boinc.transformers.tokenizers.Tokenizers;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.RepoType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Encodes one text or a JSONL file of inputs with a local tokenizer. */
@Command(
    name = "tokenize",
    mixinStandardHelpOptions = true,
    description = {
      "Encodes text with a local tokenizer.",
      "A folder or --repo gives the model's tokenizer (tokenizer.json with tokenizer_config.json"
          + " applied, as Transformers.js's AutoTokenizer): it pads and truncates only when asked"
          + " (--padding, --truncation, --max-length). --raw, or a tokenizer.json file, gives"
          + " tokenizer.json alone, as the Rust library, with its own truncation and padding.",
      "With --jsonl, each input line is an object {\"text\": ..., \"pair\": ... or null,"
          + " \"add_special_tokens\": true|false} and each output line holds text, pair,"
          + " add_special_tokens, ids, tokens, offsets, attention_mask, type_ids,"
          + " special_tokens_mask, decoded and decoded_skip_special, as the golden files do."
    })
final class TokenizeCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @picocli.CommandLine.ParentCommand BaCommand root;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(
        names = "--tokenizer",
        paramLabel = "PATH",
        description = "A folder with tokenizer.json (and tokenizer_config.json), or a tokenizer.json file.")
    Path tokenizerPath;

    @Option(names = "--repo", paramLabel = "REPO", description = "Load the tokenizer of this hub repository instead.")
    String repo;
  }

  @Option(names = "--revision", paramLabel = "REV", description = "With --repo: branch, tag or commit (default: main).")
  String revision = "main";

  @picocli.CommandLine.Mixin HubOptions hubOptions;

  @Option(names = "--json", description = "With --text: print one JSON line (the golden files' fields) instead of a table.")
  boolean json;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--jsonl", paramLabel = "FILE", description = "A JSONL file of inputs.")
    Path jsonl;

    @Option(names = "--text", paramLabel = "TEXT", description = "One text to encode.")
    String text;
  }

  @Option(names = "--pair", paramLabel = "TEXT", description = "With --text: a second text.")
  String pair;

  @Option(names = "--no-special-tokens", description = "With --text: do not add special tokens.")
  boolean noSpecialTokens;

  @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  @Option(names = "--raw", description = "Use tokenizer.json alone (the Rust library's behaviour), not the model's tokenizer.")
  boolean raw;

  @Option(
      names = "--padding",
      paramLabel = "longest|max_length",
      description = "Pad to the longest row (with --jsonl: of the whole file) or to the maximum length.")
  String padding;

  @Option(names = "--max-length", paramLabel = "N", description = "Maximum length (default: the model's model_max_length).")
  Integer maxLength;

  @Option(names = "--truncation", description = "Cut rows to the maximum length.")
  boolean truncation;

  @Option(names = "--pad-to-multiple-of", paramLabel = "N", description = "Round padded lengths up to a multiple of N.")
  Integer padToMultipleOf;

  @Option(
      names = "--pad-token",
      paramLabel = "TOKEN",
      description = "Pad with this token (for models whose config names none, e.g. their EOS token).")
  String padToken;

  @Override
  public Integer call() throws IOException {
    Tokenizer tokenizer = load();
    Encoder encoder = encoder(tokenizer);
    PrintWriter out = output == null
        ? spec.commandLine().getOut()
        : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
    try {
      if (input.text != null && json) {
        out.println(line(tokenizer, input.text, pair, !noSpecialTokens, encoder.one(input.text, pair, !noSpecialTokens)));
      } else if (input.text != null) {
        table(encoder.one(input.text, pair, !noSpecialTokens), input.text, pair, out);
      } else {
        encodeJsonl(tokenizer, encoder, input.jsonl, out);
      }
    } catch (MissingPadTokenException e) {
      throw new BadInputException(e.getMessage() + " (ba tokenize: --pad-token TOKEN)");
    } finally {
      out.flush();
      if (output != null) {
        out.close();
      }
    }
    return ExitCodes.OK;
  }

  private Tokenizer load() throws IOException {
    if (source.repo != null) {
      Hub hub = hubOptions.hub(root.environment);
      if (raw) {
        return Tokenizers.fromFile(hub.download(RepoType.MODEL, source.repo, "tokenizer.json", revision));
      }
      return AutoTokenizer.fromPretrained(source.repo, revision, hub);
    }
    Path path = source.tokenizerPath;
    if (Files.isDirectory(path)) {
      if (!Files.isRegularFile(path.resolve("tokenizer.json"))) {
        // A missing file, like a missing path: exit code 4 for both, not "malformed input".
        throw new NoSuchFileException(path.resolve("tokenizer.json") + " (the folder has no tokenizer.json)");
      }
      return raw ? Tokenizers.fromFile(path.resolve("tokenizer.json")) : Tokenizers.fromDirectory(path);
    }
    if (Files.isRegularFile(path)) {
      return Tokenizers.fromFile(path);
    }
    throw new NoSuchFileException(path + " (expected a tokenizer folder or a tokenizer.json file)");
  }

  /** How one input becomes its encoding: the raw tokenizer's encode, or the model tokenizer's call. */
  private Encoder encoder(Tokenizer tokenizer) {
    boolean callOptions = padding != null || maxLength != null || truncation || padToMultipleOf != null;
    if (!(tokenizer instanceof ModelTokenizer)) {
      if (callOptions || padToken != null) {
        throw new BadInputException(
            "--padding, --max-length, --truncation, --pad-to-multiple-of and --pad-token need the"
                + " model's tokenizer: give a tokenizer folder or --repo, without --raw");
      }
      return new Encoder(null, null) {
        @Override
        Encoding one(String text, String pair, boolean addSpecialTokens) {
          return tokenizer.encode(text, pair, EncodeOptions.addSpecialTokens(addSpecialTokens));
        }
      };
    }
    ModelTokenizer model = (ModelTokenizer) tokenizer;
    if (padToken != null) {
      model = model.withPadToken(padToken);
    }
    return new Encoder(model, options());
  }

  private BatchEncodeOptions options() {
    BatchEncodeOptions.Builder b = BatchEncodeOptions.newBuilder();
    if (padding != null) {
      switch (padding.toLowerCase(Locale.ROOT)) {
        case "longest":
          b.padding(PaddingStrategy.LONGEST);
          break;
        case "max_length":
          b.padding(PaddingStrategy.MAX_LENGTH);
          break;
        default:
          throw new BadInputException("--padding must be longest or max_length, not '" + padding + "'");
      }
    }
    if (truncation) {
      b.truncation(true);
    }
    if (maxLength != null) {
      if (maxLength <= 0) {
        throw new BadInputException("--max-length must be a positive number, not " + maxLength);
      }
      b.maxLength(maxLength);
    }
    if (padToMultipleOf != null) {
      if (padToMultipleOf <= 0) {
        throw new BadInputException("--pad-to-multiple-of must be a positive number, not " + padToMultipleOf);
      }
      b.padToMultipleOf(padToMultipleOf);
    }
    return b.build();
  }

  /**
   * Encodes inputs one at a time with the model tokenizer's call options. {@code longest}
   * padding of a whole file is done in two passes: the rows are encoded (and truncated) first,
   * then padded to the longest of them by encoding again with {@code max_length} padding.
   */
  private static class Encoder {
    private final ModelTokenizer model;
    private final BatchEncodeOptions options;

    Encoder(ModelTokenizer model, BatchEncodeOptions options) {
      this.model = model;
      this.options = options;
    }

    Encoding one(String text, String pair, boolean addSpecialTokens) {
      return encode(text, pair, options.toBuilder().addSpecialTokens(addSpecialTokens).build());
    }

    private Encoding encode(String text, String pair, BatchEncodeOptions with) {
      List<String> pairs = Collections.singletonList(pair);
      BatchEncoding batch = model.batchEncode(List.of(text), pairs, with);
      return batch.encoding(0);
    }

    /** Whether the rows of a file must be encoded twice ({@code longest} padding across the file). */
    boolean padsAcrossRows() {
      return options != null && options.padding() == PaddingStrategy.LONGEST;
    }

    /** The options of the second pass: padding to {@code longest}, as one batch would. */
    Encoder paddedTo(int longest) {
      BatchEncodeOptions.Builder b =
          options.toBuilder().padding(PaddingStrategy.MAX_LENGTH).maxLength(longest);
      // A row is cut only as the first pass cut it: to no more than the longest row.
      b.truncation(options.truncates());
      return new Encoder(model, b.build());
    }
  }

  private static void encodeJsonl(Tokenizer tokenizer, Encoder encoder, Path file, PrintWriter out)
      throws IOException {
    List<JsonlInput> inputs = readJsonl(file);
    Encoder rows = encoder;
    if (encoder.padsAcrossRows()) {
      int longest = 0;
      for (JsonlInput in : inputs) {
        longest = Math.max(longest, encoder.one(in.text, in.pair, in.addSpecialTokens).size());
      }
      if (longest > 0) {
        rows = encoder.paddedTo(longest);
      }
    }
    for (JsonlInput in : inputs) {
      Encoding encoding = rows.one(in.text, in.pair, in.addSpecialTokens);
      out.println(line(tokenizer, in.text, in.pair, in.addSpecialTokens, encoding));
    }
  }

  /** One line of a JSONL input file. */
  private static final class JsonlInput {
    final String text;
    final String pair;
    final boolean addSpecialTokens;

    JsonlInput(String text, String pair, boolean addSpecialTokens) {
      this.text = text;
      this.pair = pair;
      this.addSpecialTokens = addSpecialTokens;
    }
  }

  private static List<JsonlInput> readJsonl(Path file) throws IOException {
    List<JsonlInput> inputs = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
          throw new BadInputException(file + " line " + number + " is not valid JSON: " + e.getOriginalMessage());
        }
        String text = requireText(node, "text", file, number, false);
        String pair = requireText(node, "pair", file, number, true);
        JsonNode special = node.get("add_special_tokens");
        if (special != null && !special.isBoolean() && !special.isNull()) {
          throw new BadInputException(file + " line " + number + ": \"add_special_tokens\" must be true or false");
        }
        inputs.add(new JsonlInput(text, pair, special == null || special.isNull() || special.booleanValue()));
      }
    }
    return inputs;
  }

  private static String requireText(JsonNode node, String field, Path file, int number, boolean nullable) {
    if (!node.isObject()) {
      throw new BadInputException(file + " line " + number + " must be a JSON object with a \"text\" field");
    }
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      if (nullable) {
        return null;
      }
      throw new BadInputException(file + " line " + number + " has no \"" + field + "\" string");
    }
    if (!value.isTextual()) {
      throw new BadInputException(file + " line " + number + ": \"" + field + "\" must be a string");
    }
    return value.textValue();
  }

  private static void table(Encoding encoding, String text, String pair, PrintWriter out) {
    Table table = new Table("#", "ID", "TOKEN", "OFFSETS", "SOURCE");
    for (int i = 0; i < encoding.size(); i++) {
      int sequence = encoding.sequenceIds()[i];
      String source = sequence == 1 ? pair : text;
      int start = encoding.startOffset(i);
      int end = encoding.endOffset(i);
      String span = sequence == Encoding.NONE || source == null ? "" : source.substring(start, end);
      table.row(Integer.toString(i), Integer.toString(encoding.id(i)), visible(encoding.token(i)),
          "[" + start + ", " + end + ")", visible(span));
    }
    table.print(out);
    out.println(encoding.size() + " tokens");
  }

  /** A token or span with controls and invisible characters escaped, so the table stays aligned. */
  private static String visible(String value) {
    String quoted = new JsonText().string(value).toString();
    return quoted.substring(1, quoted.length() - 1);
  }

  static String line(
      Tokenizer tokenizer, String text, String pair, boolean addSpecialTokens, Encoding encoding) {
    int[] ids = encoding.ids();
    JsonText json = new JsonText().raw("{");
    json.key("text").string(text);
    json.key("pair").string(pair);
    json.key("add_special_tokens").raw(Boolean.toString(addSpecialTokens));
    json.key("ids").ints(ids);
    json.key("tokens").raw("[");
    for (int i = 0; i < encoding.size(); i++) {
      if (i > 0) {
        json.raw(",");
      }
      json.string(encoding.token(i));
    }
    json.raw("]");
    json.key("offsets").raw("[");
    for (int i = 0; i < encoding.size(); i++) {
      json.raw(i > 0 ? ",[" : "[").raw(Integer.toString(encoding.startOffset(i))).raw(",")
          .raw(Integer.toString(encoding.endOffset(i))).raw("]");
    }
    json.raw("]");
    json.key("attention_mask").ints(encoding.attentionMask());
    json.key("type_ids").ints(encoding.typeIds());
    json.key("special_tokens_mask").ints(encoding.specialTokensMask());
    json.key("decoded").string(tokenizer.decode(ids, DecodeOptions.defaults()));
    json.key("decoded_skip_special").string(tokenizer.decode(ids, DecodeOptions.skipSpecialTokens()));
    return json.raw("}").toString();
  }
}
