package ai.boinc.transformers.cli;

import ai.boinc.transformers.testkit.DemoHub;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.testkit.LocalHub;
import ai.boinc.transformers.tokenizer.Tokenizer;
import ai.boinc.transformers.tokenizers.AutoTokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The seed scenario: authenticate to a gated repository, download its tokenizer and print the ids
 * of a text. Without {@code BA_ENDPOINT} it runs against an embedded local hub.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Downloads the tokenizer of a gated repository with your access token and prints the ids of a text.",
      "Without BA_ENDPOINT (or --endpoint) a local hub on 127.0.0.1 serves a gated copy of the"
          + " Llama-2 tokenizer as " + DemoHub.REPO_ID + "; set BA_ACCESS_TOKEN=" + DemoHub.DEMO_TOKEN
          + " to be let in."
    })
final class DemoCommand implements Callable<Integer> {
  @ParentCommand BaCommand root;

  @Spec CommandSpec spec;

  @Option(names = "--repo", description = "Repository to load (default: ${DEFAULT-VALUE}).")
  String repo = DemoHub.REPO_ID;

  @Option(names = "--text", description = "Text to encode (default: ${DEFAULT-VALUE}).")
  String text = "Hello world!";

  @Option(names = "--endpoint", description = "A real hub to use instead of the local one (default: BA_ENDPOINT).")
  String endpoint;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String realEndpoint = endpoint != null ? endpoint : root.environment.get("BA_ENDPOINT");
    if (realEndpoint != null && !realEndpoint.isBlank()) {
      HubSettings settings = HubSettings.builderFromEnvironment(root.environment).endpoint(realEndpoint).build();
      Hub hub = Hub.builder().environment(root.environment).settings(settings).build();
      err.println("ba demo: using the hub at " + settings.endpoint() + " (token from: " + hub.credentials().describe() + ")");
      return encode(hub, out, err);
    }
    Path cache = Files.createTempDirectory("ba-demo-cache");
    try (LocalHub localHub = DemoHub.start(DemoCommand.class, "/ai/boinc/transformers/cli/demo/llama-2/")) {
      err.println("ba demo: no BA_ENDPOINT set, so a local hub at " + localHub.endpoint()
          + " serves the gated repository " + DemoHub.REPO_ID + ".");
      HubSettings settings = HubSettings.builderFromEnvironment(root.environment)
          .endpoint(localHub.endpoint())
          .cacheDir(cache)
          .offline(false)
          .build();
      Hub hub = Hub.builder().environment(root.environment).settings(settings).build();
      err.println("ba demo: looking for an access token in: " + hub.credentials().describe());
      return encode(hub, out, err);
    } finally {
      deleteRecursively(cache);
    }
  }

  private int encode(Hub hub, PrintWriter out, PrintWriter err) {
    Tokenizer tokenizer = AutoTokenizer.fromPretrained(repo, hub);
    err.println("ba demo: downloaded the tokenizer of " + repo + "; ids of \"" + text + "\":");
    err.flush();
    out.println(Arrays.toString(tokenizer.encode(text).ids()));
    return ExitCodes.OK;
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
