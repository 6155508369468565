package ai.boinc.transformers.cli;

import ai.boinc.transformers.internal.Version;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"ba " + Version.get() + " (transformers-java, Java " + Runtime.version() + ")"};
  }
}
