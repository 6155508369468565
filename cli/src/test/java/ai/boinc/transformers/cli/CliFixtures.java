package ai.boinc.transformers.cli;

import ai.boinc.transformers.testkit.TestData;
import java.nio.file.Path;

/** The shared fixtures, for this module's tests. */
final class CliFixtures {
  private CliFixtures() {}

  static Path root() {
    return TestData.root();
  }
}
