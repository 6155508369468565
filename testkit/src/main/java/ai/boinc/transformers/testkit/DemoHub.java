package ai.boinc.transformers.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The local hub of the README's demo: a gated copy of the Llama-2 tokenizer on 127.0.0.1 that
 * approves {@link #DEMO_TOKEN}, for programs that must run on a fresh machine with no hub
 * configured ({@code ba demo}, the Spark example). The tokenizer files come from the caller's
 * class path, so each program bundles them as it likes.
 */
public final class DemoHub {
  /** The gated demo repository. */
  public static final String REPO_ID = "meta-llama/Llama-2-7b-ba";
  /** The token the README names; the local hub approves it for {@link #REPO_ID}, a real hub does not. */
  public static final String DEMO_TOKEN = "ba_demo_0123456789abcdef";

  private static final String[] FILES = {"tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"};

  private DemoHub() {}

  /**
   * Starts the hub, serving the files found under {@code resourceFolder} (e.g. {@code
   * /com/example/demo/llama-2/}) of {@code owner}'s class path. The caller closes it.
   *
   * @throws IllegalStateException if a tokenizer file is missing from the class path
   */
  public static LocalHub start(Class<?> owner, String resourceFolder) {
    HubRepo.Builder repo = HubRepo.model(REPO_ID).gated();
    for (String file : FILES) {
      repo.file(file, resource(owner, resourceFolder + file));
    }
    return LocalHub.builder().repo(repo.build()).token(DEMO_TOKEN, "demo-user", REPO_ID).start();
  }

  private static byte[] resource(Class<?> owner, String path) {
    try (InputStream in = owner.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the demo tokenizer file " + path + " is missing from the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
