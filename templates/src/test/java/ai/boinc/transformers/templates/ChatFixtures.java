package ai.boinc.transformers.templates;

import ai.boinc.transformers.testkit.TestData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chat fixtures of testdata/chat, parsed with key order and int/float kept. */
final class ChatFixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  /** The goldens' frozen clock: 2025-03-05 09:07:02. */
  static final Clock GOLDEN_CLOCK = Clock.fixed(LocalDateTime.parse("2025-03-05T09:07:02").toInstant(ZoneOffset.UTC),
      ZoneOffset.UTC);

  final Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
  final Map<String, String> templateTexts = new LinkedHashMap<>();
  final Map<String, Map<String, Object>> conversations = new LinkedHashMap<>();
  final List<Map<String, Object>> golden = new ArrayList<>();

  static Path chat() {
    return TestData.root().resolve("chat");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String line) {
    try {
      return JSON.readValue(line, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ChatFixtures load() throws IOException {
    ChatFixtures f = new ChatFixtures();
    for (String line : Files.readAllLines(chat().resolve("templates.jsonl"), StandardCharsets.UTF_8)) {
      Map<String, Object> t = parse(line);
      String id = (String) t.get("id");
      f.templates.put(id, t);
      f.templateTexts.put(id, Files.readString(chat().resolve((String) t.get("file")), StandardCharsets.UTF_8));
    }
    for (String line : Files.readAllLines(chat().resolve("conversations.jsonl"), StandardCharsets.UTF_8)) {
      Map<String, Object> c = parse(line);
      f.conversations.put((String) c.get("id"), c);
    }
    for (String line : Files.readAllLines(chat().resolve("golden.jsonl"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        f.golden.add(parse(line));
      }
    }
    return f;
  }

  /** The request of one golden line. */
  @SuppressWarnings("unchecked")
  ChatRequest request(Map<String, Object> golden) {
    Map<String, Object> template = templates.get((String) golden.get("template_id"));
    Map<String, Object> conversation = conversations.get((String) golden.get("conversation_id"));
    Map<String, Object> options = (Map<String, Object>) golden.get("options");
    ChatRequest.Builder b = ChatRequest.builder()
        .messages((List<Map<String, Object>>) conversation.get("messages"))
        .tools((List<Map<String, Object>>) conversation.get("tools"))
        .documents((List<Map<String, Object>>) conversation.get("documents"))
        .addGenerationPrompt(Boolean.TRUE.equals(options.get("add_generation_prompt")))
        .continueFinalMessage(Boolean.TRUE.equals(options.get("continue_final_message")))
        .specialTokens(SpecialTokensMap.fromTokenizerConfig((Map<String, Object>) template.get("special_tokens")))
        .clock(GOLDEN_CLOCK);
    if (conversation.get("kwargs") != null) {
      b.extraVariables((Map<String, Object>) conversation.get("kwargs"));
    }
    if (options.get("kwargs") != null) {
      b.extraVariables((Map<String, Object>) options.get("kwargs"));
    }
    return b.build();
  }
}
