package ai.boinc.transformers.it;

import ai.boinc.transformers.testkit.SharedFixtures;
import java.nio.file.Path;

/** The shared fixtures, for this module's tests. */
final class Fixtures {
  private Fixtures() {}

  static Path root() {
    return SharedFixtures.root();
  }

  static Path tokenizerDir(String model) {
    return SharedFixtures.tokenizer(model);
  }
}
