package ai.boinc.transformers.testkit.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.json.JsonReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KvEngineTest {
  private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void servesValuesOfNoJsonTypeAsTheirStrings() {
    KvEngine kv = new KvEngine(1);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("token", "ba_x");
    data.put("since", NOW);
    data.put("tags", new LinkedHashSet<>(List.of("b", "a")));
    data.put("nested", Map.of(7, List.of(NOW, 1)));
    kv.put("hub", data, NOW);

    Reply reply = kv.read("hub", Map.of());

    assertThat(reply.status).isEqualTo(200);
    Map<?, ?> served = (Map<?, ?>) ((Map<?, ?>) JsonReader.parse(reply.body)).get("data");
    assertThat(served).isEqualTo(Map.of("token", "ba_x", "since", "2030-01-01T00:00:00Z", "tags", List.of("b", "a"),
        "nested", Map.of("7", List.of("2030-01-01T00:00:00Z", 1L))));
  }
}
