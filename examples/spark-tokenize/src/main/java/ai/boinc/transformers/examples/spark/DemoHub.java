package ai.boinc.transformers.examples.spark;

import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The local hub the example runs when no real hub is configured (BA_ENDPOINT unset). */
final class DemoHub {
  static final String REPO_ID = "meta-llama/Llama-2-7b-ba";
  /** Approved by the local hub for its gated repository; a real hub knows nothing of it. */
  static final String DEMO_TOKEN = "ba_demo_0123456789abcdef";
  private static final String RESOURCES = "/ai/boinc/transformers/examples/spark/demo/llama-2/";
  private static final String[] FILES = {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"};

  private DemoHub() {}

  /** Starts a hub on 127.0.0.1 serving a gated copy of the Llama-2 tokenizer. */
  static LocalHub start() {
    HubRepo.Builder repo = HubRepo.model(REPO_ID).gated();
    for (String file : FILES) {
      repo.file(file, resource(file));
    }
    return LocalHub.builder().repo(repo.build()).token(DEMO_TOKEN, "demo-user", REPO_ID).start();
  }

  private static byte[] resource(String name) {
    try (InputStream in = DemoHub.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("the demo tokenizer file " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
