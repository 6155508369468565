package ai.boinc.transformers.it;

import ai.boinc.transformers.testkit.TestData;
import java.nio.file.Path;

/** The shared fixtures, for this module's tests. */
final class Fixtures {
  private Fixtures() {}

  static Path root() {
    return TestData.root();
  }

  static Path tokenizerDir(String model) {
    return TestData.tokenizer(model);
  }
}
