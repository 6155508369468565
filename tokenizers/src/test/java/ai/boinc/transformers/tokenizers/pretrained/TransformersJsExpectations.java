package ai.boinc.transformers.tokenizers.pretrained;

import ai.boinc.transformers.tokenizers.BatchEncodeOptions;
import ai.boinc.transformers.tokenizers.BatchEncodeOptions.PaddingStrategy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import ai.boinc.transformers.tokenizers.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The lines of {@code /transformersjs/<model>.jsonl}: what Transformers.js returned for the
 * fixture folders (see that folder's README for how they were made).
 */
final class TransformersJsExpectations {
  static final List<String> MODELS =
      List.of(
          "all-minilm-l6-v2", "bert-base-chinese", "bert-base-uncased", "clip", "gpt-4o", "gpt2",
          "llama-2", "llama-3", "mistral", "qwen3", "roberta-base", "t5-small", "whisper-synthetic");

  /** The folder of {@code model}: a fixture, or {@code whisper-synthetic} next to the expectations. */
  static Path dir(String model) {
    if (!model.equals("whisper-synthetic")) {
      return Fixtures.tokenizerDir(model);
    }
    try {
      return Path.of(TransformersJsExpectations.class.getResource("/transformersjs/whisper-synthetic").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private TransformersJsExpectations() {}

  static List<JsonNode> lines(String model) {
    String resource = "/transformersjs/" + model + ".jsonl";
    try (InputStream in = TransformersJsExpectations.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      List<JsonNode> out = new ArrayList<>();
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          out.add(JSON.readTree(line));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The call options of a line, as Transformers.js's call took them. */
  static BatchEncodeOptions options(JsonNode line) {
    BatchEncodeOptions.Builder b =
        BatchEncodeOptions.newBuilder().addSpecialTokens(line.path("add_special_tokens").asBoolean(true));
    JsonNode options = line.path("options");
    JsonNode padding = options.path("padding");
    if (padding.isTextual() && padding.asText().equals("max_length")) {
      b.padding(PaddingStrategy.MAX_LENGTH);
    } else if (padding.asBoolean(false)) {
      b.padding(PaddingStrategy.LONGEST);
    }
    if (options.has("truncation")) {
      b.truncation(options.get("truncation").asBoolean());
    }
    if (options.has("max_length")) {
      b.maxLength(options.get("max_length").asInt());
    }
    if (options.has("add_special_tokens")) {
      b.addSpecialTokens(options.get("add_special_tokens").asBoolean());
    }
    return b.build();
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
      out.add(it.next().asText());
    }
    return out;
  }

  static long[] longs(JsonNode array) {
    long[] out = new long[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asLong();
    }
    return out;
  }

  static long[][] matrix(JsonNode rows) {
    long[][] out = new long[rows.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = longs(rows.get(i));
    }
    return out;
  }
}
