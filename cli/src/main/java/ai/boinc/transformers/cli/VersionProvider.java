package ai.boinc.transformers.cli;

import ai.boinc.transformers.TransformersVersion;
import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"ba " + TransformersVersion.get() + " (transformers-java, Java " + Runtime.version() + ")"};
  }
}
