package ai.boinc.transformers.internal.hub;

import ai.boinc.transformers.credentials.CredentialChain;
import ai.boinc.transformers.credentials.CredentialSource;
import ai.boinc.transformers.credentials.CredentialSourceProvider;
import java.util.ServiceLoader;

/**
 * The part of every "no access token" message that says where the SDK looked (one short line per
 * source) and what to do next. {@code ba login} saves the token to a file that only
 * transformers-credentials-file reads, so when that module is absent the next step names it.
 */
public final class NoTokenHint {
  private NoTokenHint() {}

  /** {@code "\n  - environment variable BA_ACCESS_TOKEN\n  - file ..."}, or a note that there is no source. */
  public static String lookedIn(CredentialSource credentials) {
    StringBuilder lines = new StringBuilder();
    for (String source : CredentialChain.describeEach(credentials)) {
      lines.append("\n  - ").append(source);
    }
    return lines.length() == 0 ? "\n  - no credential source at all" : lines.toString();
  }

  /** The likely next step: {@code "set BA_ACCESS_TOKEN to your access token, or run `ba login`"}. */
  public static String nextStep() {
    return "set BA_ACCESS_TOKEN to your access token, or run `ba login`";
  }

  /**
   * A line saying which module reads the token {@code ba login} saves, when it is not on the class
   * path; else empty.
   */
  public static String missingModule() {
    return tokenFileSourcePresent() ? "" : "\nThe token saved by `ba login` is read by"
        + " ai.boinc.transformers:transformers-credentials-file: add it to your dependencies.";
  }

  /** The end of every "no token" message: the module hint and the sources, one per line. */
  public static String tail(String lookedIn) {
    return missingModule() + "\nNo access token was found; looked in:" + lookedIn;
  }

  private static boolean tokenFileSourcePresent() {
    for (CredentialSourceProvider provider
        : ServiceLoader.load(CredentialSourceProvider.class, NoTokenHint.class.getClassLoader())) {
      if (provider.id().equals("file")) {
        return true;
      }
    }
    return false;
  }
}
