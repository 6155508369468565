package ai.boinc.transformers.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ba chat}: the whole of testdata/chat/golden.jsonl through {@code --jsonl}, and the everyday form. */
class ChatCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private static Path chat() {
    return CliFixtures.root().resolve("chat");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String line) throws Exception {
    return JSON.readValue(line, LinkedHashMap.class);
  }

  private static Map<String, Map<String, Object>> byId(Path file) throws Exception {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      Map<String, Object> o = parse(line);
      out.put((String) o.get("id"), o);
    }
    return out;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyGoldenLineThroughJsonl() throws Exception {
    Map<String, Map<String, Object>> templates = byId(chat().resolve("templates.jsonl"));
    Map<String, Map<String, Object>> conversations = byId(chat().resolve("conversations.jsonl"));
    List<Map<String, Object>> golden = new ArrayList<>();
    StringBuilder input = new StringBuilder();
    for (String line : Files.readAllLines(chat().resolve("golden.jsonl"), StandardCharsets.UTF_8)) {
      Map<String, Object> g = parse(line);
      golden.add(g);
      Map<String, Object> template = templates.get((String) g.get("template_id"));
      Map<String, Object> conversation = conversations.get((String) g.get("conversation_id"));
      Map<String, Object> options = (Map<String, Object>) g.get("options");
      Map<String, Object> kwargs = new LinkedHashMap<>();
      if (conversation.get("kwargs") != null) {
        kwargs.putAll((Map<String, Object>) conversation.get("kwargs"));
      }
      if (options.get("kwargs") != null) {
        kwargs.putAll((Map<String, Object>) options.get("kwargs"));
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("template", Files.readString(chat().resolve((String) template.get("file")), StandardCharsets.UTF_8));
      c.put("special_tokens", template.get("special_tokens"));
      c.put("messages", conversation.get("messages"));
      c.put("tools", conversation.get("tools"));
      c.put("documents", conversation.get("documents"));
      c.put("add_generation_prompt", options.get("add_generation_prompt"));
      c.put("continue_final_message", options.get("continue_final_message"));
      c.put("kwargs", kwargs);
      c.put("now", "2025-03-05T09:07:02");
      c.put("tokenizer", g.containsKey("ids")
          ? CliFixtures.root().resolve("tokenizers").resolve((String) g.get("tokenizer")).toString() : null);
      input.append(JSON.writeValueAsString(c)).append('\n');
    }
    Path in = temp.resolve("cases.jsonl");
    Files.writeString(in, input, StandardCharsets.UTF_8);
    Path out = temp.resolve("out.jsonl");

    CliRun run = CliRun.run(Map.of(), "chat", "--jsonl", in.toString(), "--output", out.toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(golden.size()).hasSize(1514);
    int withIds = 0;
    for (int i = 0; i < lines.size(); i++) {
      Map<String, Object> expected = golden.get(i);
      Map<String, Object> actual = parse(lines.get(i));
      String id = "line " + (i + 1) + " " + expected.get("template_id") + " x " + expected.get("conversation_id");
      if (expected.containsKey("rendered")) {
        assertThat(actual.get("rendered")).as(id).isEqualTo(expected.get("rendered"));
        assertThat(actual.get("ids")).as(id).isEqualTo(expected.get("ids"));
        withIds += expected.containsKey("ids") ? 1 : 0;
      } else {
        Map<String, Object> error = (Map<String, Object>) expected.get("error");
        Map<String, Object> actualError = (Map<String, Object>) actual.get("error");
        assertThat(actualError).as(id).isNotNull();
        String kind = (String) error.get("kind");
        assertThat(actualError.get("kind")).as(id).isEqualTo(kind.equals("api") ? "usage" : kind);
        if (kind.equals("raise_exception")) {
          assertThat(actualError.get("message")).as(id).isEqualTo(error.get("message"));
        }
      }
    }
    assertThat(withIds).isEqualTo(179);
  }

  @Test
  void theEverydayFormPrintsThePromptOfAFolder() throws Exception {
    Path messages = temp.resolve("messages.json");
    Files.writeString(messages, "[{\"role\": \"user\", \"content\": \"Hello, how are you?\"}]");

    CliRun run = CliRun.run(Map.of(), "chat", "--tokenizer", CliFixtures.root().resolve("tokenizers/qwen3").toString(),
        "--messages", messages.toString(), "--add-generation-prompt");

    assertThat(run.exitCode).as(run.toString()).isZero();
    String expected = goldenRendering("qwen3", "single-user", true);
    assertThat(run.out).isEqualTo(expected);
  }

  @Test
  void theEverydayFormPrintsIdsAndReadsChatTemplateJinja() throws Exception {
    Path folder = temp.resolve("model");
    Files.createDirectories(folder);
    Files.copy(CliFixtures.root().resolve("tokenizers/llama-3/tokenizer.json"), folder.resolve("tokenizer.json"));
    Files.writeString(folder.resolve("tokenizer_config.json"), "{\"bos_token\": \"<|begin_of_text|>\"}");
    Files.copy(chat().resolve("templates/llama-3-instruct.jinja"), folder.resolve("chat_template.jinja"));
    Path messages = temp.resolve("conversation.json");
    Files.writeString(messages, "{\"messages\": [{\"role\": \"user\", \"content\": \"Hello, how are you?\"}]}");

    CliRun run = CliRun.run(Map.of(), "chat", "--tokenizer", folder.toString(), "--messages", messages.toString(),
        "--add-generation-prompt", "--ids");

    assertThat(run.exitCode).as(run.toString()).isZero();
    for (String line : Files.readAllLines(chat().resolve("golden.jsonl"), StandardCharsets.UTF_8)) {
      Map<String, Object> g = parse(line);
      if (g.get("template_id").equals("llama-3-instruct") && g.get("conversation_id").equals("single-user")) {
        assertThat((Object) JSON.readValue(run.out, List.class)).isEqualTo(g.get("ids"));
        return;
      }
    }
    throw new AssertionError("no golden line for llama-3-instruct x single-user");
  }

  @Test
  void theRepoFormDownloadsTheTemplateAndTokenizer() throws Exception {
    Path qwen3 = CliFixtures.root().resolve("tokenizers/qwen3");
    try (LocalHub hub = LocalHub.builder()
        .repo(HubRepo.model("acme/qwen")
            .file("tokenizer_config.json", Files.readAllBytes(qwen3.resolve("tokenizer_config.json")))
            .file("tokenizer.json", Files.readAllBytes(qwen3.resolve("tokenizer.json")))
            .build())
        .repo(HubRepo.model("acme/jinja")
            .file("tokenizer.json", Files.readAllBytes(CliFixtures.root().resolve("tokenizers/llama-3/tokenizer.json")))
            .file("tokenizer_config.json", "{\"bos_token\": \"<|begin_of_text|>\"}")
            .file("chat_template.jinja", Files.readAllBytes(chat().resolve("templates/llama-3-instruct.jinja")))
            .build())
        .start()) {
      Map<String, String> env = Map.of("BA_ENDPOINT", hub.endpoint().toString(),
          "BA_HUB_CACHE", temp.resolve("cache").toString(), "BA_TOKEN_PATH", temp.resolve("token").toString());
      Path messages = temp.resolve("messages.json");
      Files.writeString(messages, "[{\"role\": \"user\", \"content\": \"Hello, how are you?\"}]");

      CliRun prompt = CliRun.run(env, "chat", "--repo", "acme/qwen", "--messages", messages.toString(),
          "--add-generation-prompt");
      CliRun ids = CliRun.run(env, "chat", "--repo", "acme/qwen", "--messages", messages.toString(),
          "--add-generation-prompt", "--ids");
      CliRun jinja = CliRun.run(env, "chat", "--repo", "acme/jinja", "--messages", messages.toString(),
          "--add-generation-prompt");

      assertThat(prompt.exitCode).as(prompt.toString()).isZero();
      assertThat(prompt.out).isEqualTo(goldenRendering("qwen3", "single-user", true));
      assertThat(ids.exitCode).as(ids.toString()).isZero();
      assertThat((Object) JSON.readValue(ids.out, List.class))
          .isEqualTo(goldenLine("qwen3", "single-user", true).get("ids"));
      assertThat(jinja.exitCode).as(jinja.toString()).isZero();
      assertThat(jinja.out).isEqualTo(goldenRendering("llama-3-instruct", "single-user", true));
    }
  }

  @Test
  void aTemplatesRefusalIsBadInputWithItsMessage() throws Exception {
    Path messages = temp.resolve("messages.json");
    Files.writeString(messages, "[{\"role\": \"user\", \"content\": \"a\"}, {\"role\": \"user\", \"content\": \"b\"}]");
    Path folder = temp.resolve("m");
    Files.createDirectories(folder);
    Files.copy(CliFixtures.root().resolve("tokenizers/mistral/tokenizer.json"), folder.resolve("tokenizer.json"));
    Files.copy(chat().resolve("templates/mistral-7b-instruct-v0.1.jinja"), folder.resolve("chat_template.jinja"));

    CliRun run = CliRun.run(Map.of(), "chat", "--tokenizer", folder.toString(), "--messages", messages.toString());

    assertThat(run.exitCode).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err).contains("Conversation roles must alternate user/assistant/user/assistant/...");
  }

  @Test
  void aFolderWithoutTemplateSaysSo() throws Exception {
    Path messages = temp.resolve("messages.json");
    Files.writeString(messages, "[{\"role\": \"user\", \"content\": \"a\"}]");

    CliRun run = CliRun.run(Map.of(), "chat", "--tokenizer", CliFixtures.root().resolve("tokenizers/gpt2").toString(),
        "--messages", messages.toString());

    assertThat(run.exitCode).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err).contains("chat_template", "--template");
  }

  @Test
  void aTemplateFileRendersForAModelWithoutOne() throws Exception {
    Path messages = temp.resolve("messages.json");
    Files.writeString(messages, "[{\"role\": \"user\", \"content\": \"Hello, how are you?\"}]");

    CliRun run = CliRun.run(Map.of(), "chat", "--tokenizer", CliFixtures.root().resolve("tokenizers/gpt2").toString(),
        "--template", chat().resolve("templates/gpt2-default.jinja").toString(), "--messages", messages.toString(),
        "--add-generation-prompt", "--ids");

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat((Object) JSON.readValue(run.out, List.class)).isEqualTo(goldenLine("gpt2-default", "single-user", true).get("ids"));
  }

  @Test
  void aMalformedLineNamesTheFileAndLine() throws Exception {
    Path in = temp.resolve("in.jsonl");
    Files.writeString(in, "{\"template\": \"x\", \"messages\": [{\"role\": \"user\"}]}\n{\"template\": 1}\n");

    CliRun run = CliRun.run(Map.of(), "chat", "--jsonl", in.toString());

    assertThat(run.exitCode).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err).contains("in.jsonl line 2", "\"template\" must be a string");
  }

  private static String goldenRendering(String template, String conversation, boolean generationPrompt)
      throws Exception {
    return (String) goldenLine(template, conversation, generationPrompt).get("rendered");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> goldenLine(String template, String conversation, boolean generationPrompt)
      throws Exception {
    for (String line : Files.readAllLines(chat().resolve("golden.jsonl"), StandardCharsets.UTF_8)) {
      Map<String, Object> g = parse(line);
      Map<String, Object> options = (Map<String, Object>) g.get("options");
      if (g.get("template_id").equals(template) && g.get("conversation_id").equals(conversation)
          && options.get("add_generation_prompt").equals(generationPrompt) && options.get("kwargs") == null
          && options.get("continue_final_message").equals(false)) {
        return g;
      }
    }
    throw new AssertionError("no golden line for " + template + " x " + conversation);
  }
}
