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

  @Test
  void theTokenSavedByBaLoginIsFoundWithoutAnyCode() throws java.io.IOException {
    Path llama2 = Paths.get(System.getProperty("llama2.dir"));
    try (LocalHub hub = LocalHub.builder()
        .repo(HubRepo.model("meta-llama/Llama-2-7b-ba").gated().filesFrom(llama2).build())
        .token("ba_logged_in", "consumer", "meta-llama/Llama-2-7b-ba")
        .start()) {
      // What ba login leaves behind: the token alone on the first line of the token file.
      Path tokenFile = cache.resolve("home/token");
      java.nio.file.Files.createDirectories(tokenFile.getParent());
      java.nio.file.Files.write(tokenFile, "ba_logged_in\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      java.util.Map<String, String> environment = new java.util.HashMap<>();
      environment.put("BA_ENDPOINT", hub.endpoint().toString());
      environment.put("BA_HUB_CACHE", cache.resolve("hub").toString());
      environment.put("BA_TOKEN_PATH", tokenFile.toString());
      Hub client = Hub.builder().environment(environment).build();   // the default credential chain

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
