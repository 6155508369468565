package ai.boinc.transformers.benchmarks;

import ai.boinc.transformers.templates.ChatRequest;
import ai.boinc.transformers.templates.ChatTemplate;
import ai.boinc.transformers.templates.SpecialTokensMap;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Chat-template renderings per second: one operation renders every fixture conversation that the
 * reference renders with {@code template} ({@code add_generation_prompt} true, the golden's
 * options), with our engine ({@code ours}: {@link ChatTemplate}, compiled once) and with Jinjava
 * ({@code jinjava}: parsed once, configured as transformers configures Jinja2 — trim_blocks,
 * lstrip_blocks, tojson, raise_exception, strftime_now, the generation tag).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class ChatTemplateRender {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock GOLDEN_CLOCK =
      Clock.fixed(LocalDateTime.parse("2025-03-05T09:07:02").toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  /** One template and the cases it renders, prepared for both engines. */
  @State(Scope.Benchmark)
  public static class Cases {
    @Param({"qwen3", "llama-3.1-8b-instruct", "command-r-v01-tool-use-json", "command-r-rag"})
    public String template;

    ChatTemplate ours;
    final List<ChatRequest> requests = new ArrayList<>();
    Jinjava jinjava;
    JinjavaConfig jinjavaConfig;
    Node jinjavaTree;
    final List<Map<String, Object>> bindings = new ArrayList<>();

    @Setup(Level.Trial)
    @SuppressWarnings("unchecked")
    public void load() throws IOException {
      Path chat = Shared.dir().resolve("chat");
      Map<String, Object> meta = null;
      for (String line : Files.readAllLines(chat.resolve("templates.jsonl"), StandardCharsets.UTF_8)) {
        Map<String, Object> t = JSON.readValue(line, LinkedHashMap.class);
        if (t.get("id").equals(template)) {
          meta = t;
        }
      }
      if (meta == null) {
        throw new IllegalArgumentException("no template " + template + " in testdata/chat/templates.jsonl");
      }
      String source = Files.readString(chat.resolve((String) meta.get("file")), StandardCharsets.UTF_8);
      Map<String, Object> specialConfig = (Map<String, Object>) meta.get("special_tokens");
      SpecialTokensMap special = SpecialTokensMap.fromTokenizerConfig(specialConfig);
      Map<String, Map<String, Object>> conversations = new LinkedHashMap<>();
      for (String line : Files.readAllLines(chat.resolve("conversations.jsonl"), StandardCharsets.UTF_8)) {
        Map<String, Object> c = JSON.readValue(line, LinkedHashMap.class);
        conversations.put((String) c.get("id"), c);
      }
      ours = ChatTemplate.compile(source);
      jinjavaConfig = JinjavaConfig.newBuilder()
          .withTrimBlocks(true)
          .withLstripBlocks(true)
          .withLegacyOverrides(LegacyOverrides.newBuilder().withUseTrimmingForNotesAndExpressions(true).build())
          .build();
      jinjava = new Jinjava(jinjavaConfig);
      jinjava.getGlobalContext().registerFilter(new ToJson());
      jinjava.getGlobalContext().registerTag(new Generation());
      jinjava.getGlobalContext().registerFunction(
          new ELFunctionDefinition("", "raise_exception", ChatTemplateRender.class, "raiseException", Object.class));
      jinjava.getGlobalContext().registerFunction(
          new ELFunctionDefinition("", "strftime_now", ChatTemplateRender.class, "strftimeNow", String.class));
      jinjavaTree = jinjava.newInterpreter().parse(source);
      int identical = 0;
      for (String line : Files.readAllLines(chat.resolve("golden.jsonl"), StandardCharsets.UTF_8)) {
        Map<String, Object> g = JSON.readValue(line, LinkedHashMap.class);
        Map<String, Object> options = (Map<String, Object>) g.get("options");
        if (!g.get("template_id").equals(template) || !g.containsKey("rendered")
            || !Boolean.TRUE.equals(options.get("add_generation_prompt"))) {
          continue;
        }
        Map<String, Object> c = conversations.get((String) g.get("conversation_id"));
        Map<String, Object> kwargs = new LinkedHashMap<>();
        if (c.get("kwargs") != null) {
          kwargs.putAll((Map<String, Object>) c.get("kwargs"));
        }
        if (options.get("kwargs") != null) {
          kwargs.putAll((Map<String, Object>) options.get("kwargs"));
        }
        ChatRequest request = ChatRequest.builder()
            .messages((List<Map<String, Object>>) c.get("messages"))
            .tools((List<Map<String, Object>>) c.get("tools"))
            .documents((List<Map<String, Object>>) c.get("documents"))
            .addGenerationPrompt(true)
            .specialTokens(special)
            .extraVariables(kwargs)
            .clock(GOLDEN_CLOCK)
            .build();
        if (!ours.render(request).equals(g.get("rendered"))) {
          throw new IllegalStateException("our rendering differs from the golden: " + template + " x "
              + g.get("conversation_id"));
        }
        requests.add(request);
        Map<String, Object> variables = new HashMap<>();
        variables.put("messages", c.get("messages"));
        variables.put("tools", c.get("tools"));
        variables.put("documents", c.get("documents"));
        variables.put("add_generation_prompt", true);
        variables.putAll(special.asMap());
        variables.putAll(kwargs);
        bindings.add(variables);
        if (g.get("rendered").equals(renderJinjava(variables))) {
          identical++;
        }
      }
      System.err.println("[ChatTemplateRender] " + template + ": " + requests.size()
          + " conversations per operation; Jinjava renders " + identical + " of them byte-identically");
    }

    String renderJinjava(Map<String, Object> variables) {
      JinjavaInterpreter interpreter =
          new JinjavaInterpreter(jinjava, new Context(jinjava.getGlobalContext(), variables), jinjavaConfig);
      JinjavaInterpreter.pushCurrent(interpreter);
      try {
        return interpreter.render(jinjavaTree);
      } finally {
        JinjavaInterpreter.popCurrent();
      }
    }
  }

  @Benchmark
  public int ours(Cases cases) {
    int chars = 0;
    for (ChatRequest request : cases.requests) {
      chars += cases.ours.render(request).length();
    }
    return chars;
  }

  @Benchmark
  public int jinjava(Cases cases) {
    int chars = 0;
    for (Map<String, Object> variables : cases.bindings) {
      chars += cases.renderJinjava(variables).length();
    }
    return chars;
  }

  /** transformers' {@code raise_exception}. */
  public static String raiseException(Object message) {
    throw new IllegalStateException(String.valueOf(message));
  }

  /** transformers' {@code strftime_now} at the goldens' clock, for the formats the fixtures use. */
  public static String strftimeNow(String format) {
    LocalDateTime now = LocalDateTime.now(GOLDEN_CLOCK);
    String pattern = format.replace("%d", "dd").replace("%b", "MMM").replace("%Y", "yyyy").replace("%B", "MMMM")
        .replace("%m", "MM").replace("%H", "HH").replace("%M", "mm").replace("%S", "ss");
    return now.format(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
  }

  /** transformers' {@code tojson}: {@code json.dumps} with its default separators. */
  static final class ToJson implements Filter {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
      return "tojson";
    }

    @Override
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
      StringBuilder sb = new StringBuilder();
      write(sb, var);
      return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
      if (v instanceof Map) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
          sb.append(first ? "" : ", ");
          first = false;
          write(sb, String.valueOf(e.getKey()));
          sb.append(": ");
          write(sb, e.getValue());
        }
        sb.append('}');
      } else if (v instanceof List) {
        sb.append('[');
        boolean first = true;
        for (Object o : (List<?>) v) {
          sb.append(first ? "" : ", ");
          first = false;
          write(sb, o);
        }
        sb.append(']');
      } else {
        try {
          sb.append(JSON.writeValueAsString(v));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /** transformers' {@code {% generation %}}: renders its body unchanged. */
  static final class Generation implements Tag {
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
      return "generation";
    }

    @Override
    public String getEndTagName() {
      return "endgeneration";
    }

    @Override
    public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
      StringBuilder sb = new StringBuilder();
      for (Node child : tagNode.getChildren()) {
        sb.append(child.render(interpreter).getValue());
      }
      return sb.toString();
    }
  }
}
