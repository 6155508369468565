package ai.boinc.transformers.cli;

import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Encoding;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.Tokenizers;
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

  @Override
  public Integer call() throws IOException {
    Tokenizer tokenizer = source.repo != null
        ? ai.boinc.transformers.tokenizers.AutoTokenizer.fromPretrained(source.repo, revision, hubOptions.hub(root.environment))
        : load(source.tokenizerPath);
    PrintWriter out = output == null
        ? spec.commandLine().getOut()
        : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
    try {
      if (input.text != null && json) {
        out.println(line(tokenizer, input.text, pair, !noSpecialTokens));
      } else if (input.text != null) {
        table(tokenizer.encode(input.text, pair, EncodeOptions.addSpecialTokens(!noSpecialTokens)), input.text, pair, out);
      } else {
        encodeJsonl(tokenizer, input.jsonl, out);
      }
    } finally {
      out.flush();
      if (output != null) {
        out.close();
      }
    }
    return ExitCodes.OK;
  }

  private static Tokenizer load(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      if (!Files.isRegularFile(path.resolve("tokenizer.json"))) {
        // A missing file, like a missing path: exit code 4 for both, not "malformed input".
        throw new NoSuchFileException(path.resolve("tokenizer.json") + " (the folder has no tokenizer.json)");
      }
      return Tokenizers.fromDirectory(path);
    }
    if (Files.isRegularFile(path)) {
      return Tokenizers.fromFile(path);
    }
    throw new NoSuchFileException(path + " (expected a tokenizer folder or a tokenizer.json file)");
  }

  private static void encodeJsonl(Tokenizer tokenizer, Path file, PrintWriter out) throws IOException {
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
        boolean addSpecial = special == null || special.isNull() || special.booleanValue();
        out.println(line(tokenizer, text, pair, addSpecial));
      }
    }
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

  static String line(Tokenizer tokenizer, String text, String pair, boolean addSpecialTokens) {
    Encoding encoding = tokenizer.encode(text, pair, EncodeOptions.addSpecialTokens(addSpecialTokens));
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
