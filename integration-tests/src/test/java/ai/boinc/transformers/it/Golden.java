package ai.boinc.transformers.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** Reads expected encodings from the golden files, so no expected id is written in a test. */
final class Golden {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Golden() {}

  /** The golden ids of {@code text} (no pair) for {@code model}. */
  static int[] ids(String model, String text, boolean addSpecialTokens) {
    try (BufferedReader reader = Files.newBufferedReader(
        Fixtures.root().resolve("golden").resolve(model + ".jsonl"), StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        JsonNode node = JSON.readTree(line);
        if (node.get("text").textValue().equals(text)
            && node.get("pair").isNull()
            && node.get("add_special_tokens").booleanValue() == addSpecialTokens) {
          JsonNode ids = node.get("ids");
          int[] out = new int[ids.size()];
          for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i).intValue();
          }
          return out;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no golden line for " + model + ": " + text);
  }
}
