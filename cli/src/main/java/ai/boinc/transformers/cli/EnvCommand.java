package ai.boinc.transformers.cli;

import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialException;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.ResolvedToken;
import ai.boinc.transformers.fetch.FileFetcherProvider;
import ai.boinc.transformers.hub.HubSettings;
import ai.boinc.transformers.TransformersVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ba env}: what a bug report needs to know about this installation, never the token
 * itself: versions, endpoint, cache, where the token comes from, transports found.
 */
@Command(
    name = "env",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the versions, settings and transports this ba uses, for a bug report.",
      "The token is never printed: only the source it comes from."
    })
final class EnvCommand implements Callable<Integer> {
  @ParentCommand BaCommand root;

  @Spec CommandSpec spec;

  @Mixin HubOptions hubOptions;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Map<String, String> environment = root.environment;
    HubSettings settings = hubOptions.settings(environment);
    out.println("Copy and paste this into your bug report:");
    out.println();
    out.println("- ba version: " + TransformersVersion.get());
    out.println("- Java: " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
        + System.getProperty("java.home") + ")");
    out.println("- OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " ("
        + System.getProperty("os.arch") + ")");
    out.println("- Endpoint: " + settings.endpoint());
    out.println("- Home: " + settings.home());
    out.println("- Cache: " + settings.cacheDir());
    out.println("- Token file: " + settings.tokenPath());
    out.println("- Offline: " + (settings.offline() ? "yes" : "no"));
    CredentialSource credentials = hubOptions.credentials(environment);
    out.println("- Token: " + token(credentials));
    out.println("- Token sources: " + String.join("; ", CredentialChain.describeEach(credentials)));
    out.println("- Transports: " + transports());
    out.println("- Request log: " + (root.debugLog.isEnabled() ? "on (debug)" : "off (--debug or BA_LOG=debug)"));
    return ExitCodes.OK;
  }

  /** Where the token was found, or why none was: never the token. */
  private static String token(CredentialSource credentials) {
    try {
      Optional<ResolvedToken> found = credentials.resolveWithSource();
      return found.map(t -> "found in " + t.source()).orElse("none found");
    } catch (CredentialException e) {
      return "error: " + e.getMessage();
    }
  }

  /** {@code jdk (default), okhttp}: the transports on the class path, the one used first. */
  private static String transports() {
    List<FileFetcherProvider> providers = new ArrayList<>();
    ServiceLoader.load(FileFetcherProvider.class, EnvCommand.class.getClassLoader()).forEach(providers::add);
    providers.sort(Comparator.comparingInt(FileFetcherProvider::order).thenComparing(FileFetcherProvider::id));
    if (providers.isEmpty()) {
      return "none";
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < providers.size(); i++) {
      ids.add(providers.get(i).id() + (i == 0 ? " (default)" : ""));
    }
    return String.join(", ", ids);
  }
}
