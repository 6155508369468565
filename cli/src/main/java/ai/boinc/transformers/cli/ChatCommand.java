package ai.boinc.transformers.cli;

import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.templates.ChatRequest;
import ai.boinc.transformers.templates.ChatTemplate;
import ai.boinc.transformers.templates.ChatTemplateUsageException;
import ai.boinc.transformers.templates.RaiseExceptionError;
import ai.boinc.transformers.templates.SpecialTokensMap;
import ai.boinc.transformers.templates.TemplateException;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.AutoTokenizer;
import ai.boinc.transformers.tokenizers.ChatOptions;
import ai.boinc.transformers.tokenizers.MissingChatTemplateException;
import ai.boinc.transformers.tokenizers.ModelTokenizer;
import ai.boinc.transformers.tokenizers.Tokenizers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Renders chat templates as Python transformers' {@code apply_chat_template} does. */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {
      "Renders a conversation with a model's chat template, as Python transformers' apply_chat_template does.",
      "With --tokenizer DIR (or --repo) and --messages FILE.json, prints the prompt of"
          + " ModelTokenizer.applyChatTemplate; the template comes from chat_template.jinja, else"
          + " tokenizer_config.json (\"chat_template\"), unless --template gives one.",
      "With --jsonl, each input line is an object {\"template\", \"special_tokens\", \"messages\", \"tools\","
          + " \"documents\", \"add_generation_prompt\", \"continue_final_message\", \"kwargs\", \"now\","
          + " \"tokenizer\"} and each output line {\"rendered\": ..., \"ids\": [...]} (ids with a tokenizer folder)"
          + " or {\"error\": {\"kind\": \"raise_exception\"|\"template\"|\"usage\", \"message\": ...}}."
    })
final class ChatCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @picocli.CommandLine.ParentCommand BaCommand root;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--jsonl", paramLabel = "FILE", description = "A JSONL file of cases, one result line each.")
    Path jsonl;

    @Option(names = "--tokenizer", paramLabel = "DIR",
        description = "A folder with tokenizer_config.json (or chat_template.jinja) and tokenizer.json.")
    Path tokenizerDir;

    @Option(names = "--repo", paramLabel = "REPO", description = "Take the template and tokenizer of this hub repository.")
    String repo;
  }

  @Option(names = "--revision", paramLabel = "REV", description = "With --repo: branch, tag or commit (default: main).")
  String revision = Hub.DEFAULT_REVISION;

  @picocli.CommandLine.Mixin HubOptions hubOptions;

  @Option(names = "--messages", paramLabel = "FILE",
      description = "A JSON file: a list of messages, or an object {\"messages\", \"tools\", \"documents\"}.")
  Path messages;

  @Option(names = "--add-generation-prompt", description = "End with the header of a new assistant message.")
  boolean addGenerationPrompt;

  @Option(names = "--continue-final-message", description = "Leave the final message open for the model to continue.")
  boolean continueFinalMessage;

  @Option(names = "--template", paramLabel = "FILE",
      description = "With --tokenizer or --repo: render with this template file instead of the model's.")
  Path templateFile;

  @Option(names = "--template-name", paramLabel = "NAME",
      description = "With --tokenizer or --repo: the model's named template to use (e.g. tool_use, rag).")
  String templateName;

  @Option(names = "--ids", description = "Print the token ids of the prompt (JSON) instead of the prompt.")
  boolean ids;

  @Option(names = "--output", paramLabel = "FILE", description = "Write here instead of standard output.")
  Path output;

  private final Map<Path, Tokenizer> tokenizers = new HashMap<>();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = output == null
        ? spec.commandLine().getOut()
        : new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8));
    try {
      if (source.jsonl != null) {
        renderJsonl(source.jsonl, out);
      } else {
        renderOne(out);
      }
    } finally {
      out.flush();
      if (output != null) {
        out.close();
      }
    }
    return ExitCodes.OK;
  }

  // ---- the everyday form ----

  private void renderOne(PrintWriter out) throws IOException {
    if (messages == null) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(),
          "give --messages FILE.json with --tokenizer or --repo");
    }
    ModelTokenizer tokenizer;
    if (source.repo != null) {
      tokenizer = AutoTokenizer.fromPretrained(source.repo, revision, hubOptions.hub(root.environment));
    } else {
      Path dir = source.tokenizerDir;
      if (!Files.isDirectory(dir)) {
        throw new NoSuchFileException(dir + " (expected a model folder with tokenizer.json)");
      }
      tokenizer = Tokenizers.fromDirectory(dir);
    }
    Object conversation = readJson(messages);
    Map<String, Object> conv = conversation instanceof List
        ? Map.of("messages", conversation) : asObject(conversation, messages + " must hold a list of messages or an"
            + " object with \"messages\"");
    ChatOptions options = ChatOptions.newBuilder()
        .tools(conv.get("tools") == null ? null : list(conv.get("tools"), "tools"))
        .documents(conv.get("documents") == null ? null : list(conv.get("documents"), "documents"))
        .addGenerationPrompt(addGenerationPrompt)
        .continueFinalMessage(continueFinalMessage)
        .templateName(templateName)
        .build();
    List<Map<String, Object>> chat = list(conv.get("messages"), "messages");
    String template = templateFile == null ? null : Files.readString(templateFile, StandardCharsets.UTF_8);
    if (ids) {
      int[] encoded = render(() -> template == null ? tokenizer.applyChatTemplateIds(chat, options)
          : tokenizer.applyChatTemplateIds(template, chat, options));
      out.println(new JsonText().ints(encoded));
    } else {
      // Exactly the prompt, so that it can be piped byte for byte.
      out.print(render(() -> template == null ? tokenizer.applyChatTemplate(chat, options)
          : tokenizer.applyChatTemplate(template, chat, options)));
    }
  }

  private interface Rendering<T> {
    T get();
  }

  /** A template failure in the everyday form is bad input: its message says what the template refused. */
  private <T> T render(Rendering<T> rendering) {
    try {
      return rendering.get();
    } catch (RaiseExceptionError e) {
      throw new BadInputException("the chat template refused the conversation: " + e.getMessage());
    } catch (MissingChatTemplateException e) {
      throw new BadInputException("Model '" + e.model() + "' has no chat template: no chat_template.jinja and no"
          + " \"chat_template\" in tokenizer_config.json. Give one with --template FILE.jinja.");
    } catch (TemplateException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  // ---- the JSONL form ----

  private void renderJsonl(Path file, PrintWriter out) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        Object parsed;
        try {
          parsed = JSON.readValue(line, Object.class);
        } catch (JsonProcessingException e) {
          throw new BadInputException(file + " line " + number + " is not valid JSON: " + e.getOriginalMessage());
        }
        String where = file + " line " + number;
        out.println(renderCase(asObject(parsed, where + " must be a JSON object"), where));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private String renderCase(Map<String, Object> c, String where) throws IOException {
    Object template = c.get("template");
    if (!(template instanceof String)) {
      throw new BadInputException(where + ": \"template\" must be a string");
    }
    Object specialTokens = c.get("special_tokens");
    Object kwargs = c.get("kwargs");
    Object tokenizer = c.get("tokenizer");
    if (tokenizer != null && !(tokenizer instanceof String)) {
      throw new BadInputException(where + ": \"tokenizer\" must be a folder path or null");
    }
    ChatRequest.Builder b = ChatRequest.builder()
        .addGenerationPrompt(flag(c, "add_generation_prompt", where))
        .continueFinalMessage(flag(c, "continue_final_message", where))
        .specialTokens(specialTokens == null ? SpecialTokensMap.empty()
            : SpecialTokensMap.fromTokenizerConfig(asObject(specialTokens, where + ": \"special_tokens\" must be an object")))
        .clock(clock(c.get("now"), where));
    if (kwargs != null) {
      b.extraVariables(asObject(kwargs, where + ": \"kwargs\" must be an object"));
    }
    JsonText json = new JsonText().raw("{");
    try {
      b.messages(list(c.get("messages"), where + ": \"messages\""));
      b.tools(c.get("tools") == null ? null : list(c.get("tools"), where + ": \"tools\""));
      b.documents(c.get("documents") == null ? null : list(c.get("documents"), where + ": \"documents\""));
      String rendered = ChatTemplate.compileCached((String) template).render(b.build());
      json.key("rendered").string(rendered);
      if (tokenizer != null) {
        int[] encoded = rawTokenizer(Path.of((String) tokenizer))
            .encode(rendered, null, EncodeOptions.addSpecialTokens(false)).ids();
        json.key("ids").ints(encoded);
      }
    } catch (TemplateException e) {
      String kind = e instanceof RaiseExceptionError ? "raise_exception"
          : e instanceof ChatTemplateUsageException ? "usage" : "template";
      json.key("error").raw("{").key("kind").string(kind).key("message").string(e.getMessage()).raw("}");
    }
    return json.raw("}").toString();
  }

  private static boolean flag(Map<String, Object> c, String name, String where) {
    Object v = c.get(name);
    if (v == null) {
      return false;
    }
    if (!(v instanceof Boolean)) {
      throw new BadInputException(where + ": \"" + name + "\" must be true or false");
    }
    return (Boolean) v;
  }

  private static Clock clock(Object now, String where) {
    if (now == null) {
      return Clock.systemDefaultZone();
    }
    try {
      return Clock.fixed(LocalDateTime.parse(now.toString()).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new BadInputException(where + ": \"now\" must be a local date-time like 2025-03-05T09:07:02");
    }
  }

  /** The tokenizer of a folder's tokenizer.json alone, as the goldens' ids were made. */
  private Tokenizer rawTokenizer(Path folder) throws NoSuchFileException {
    Path file = Files.isDirectory(folder) ? folder.resolve("tokenizer.json") : folder;
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file + " (expected a tokenizer folder with tokenizer.json)");
    }
    return tokenizers.computeIfAbsent(file.toAbsolutePath().normalize(), Tokenizers::fromFile);
  }

  private static Object readJson(Path file) throws IOException {
    try {
      return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Object.class);
    } catch (JsonProcessingException e) {
      throw new BadInputException(file + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value, String message) {
    if (!(value instanceof Map)) {
      throw new BadInputException(message);
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value, String what) {
    if (!(value instanceof List)) {
      throw new BadInputException(what + " must be a JSON list");
    }
    for (Object o : (List<?>) value) {
      if (!(o instanceof Map)) {
        // Templates check this themselves in transformers; here a non-object is a usage error.
        throw new ChatTemplateUsageException(what + " must hold JSON objects, found " + (o == null ? "null" : o));
      }
    }
    return (List<Map<String, Object>>) value;
  }
}
