package com.example.consumer;

import ai.boinc.transformers.credentials.AccessToken;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelloTokenizerTest {
  @TempDir Path cache;

  @Test
  void theSeedScenarioRunsWithOnlyTheBomAndTwoAdapters() {
    Path llama2 = Paths.get(System.getProperty("llama2.dir"));
    try (LocalHub hub = LocalHub.builder()
        .repo(HubRepo.model("meta-llama/Llama-2-7b-ba").gated().filesFrom(llama2).build())
        .token("ba_consumer", "consumer", "meta-llama/Llama-2-7b-ba")
        .start()) {
      Hub client = Hub.builder()
          .settings(HubSettings.builder().endpoint(hub.endpoint()).cacheDir(cache).build())
          .token(AccessToken.of("ba_consumer"))
          .build();
      // The expected ids are the first golden line of llama-2 ("Hello world!").
      String golden = firstGoldenIds(llama2.resolve("../../golden/llama-2.jsonl").normalize());
      Assertions.assertEquals(golden, java.util.Arrays.toString(HelloTokenizer.helloWorldIds(client)).replace(" ", ""));
    }
  }

  private static String firstGoldenIds(Path golden) {
    try {
      String line = java.nio.file.Files.readAllLines(golden).get(0);
      int start = line.indexOf("\"ids\":[") + 6;
      return line.substring(start, line.indexOf(']', start) + 1);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
