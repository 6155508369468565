package ai.boinc.transformers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** core depends on the JDK alone: every main source file imports only java.* and our own packages. */
class CoreDependencyRuleTest {
  private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");

  /** The module's main sources: surefire runs in the module folder; transformers.root/core otherwise. */
  private static Path mainSources() {
    Path here = Paths.get("src/main/java").toAbsolutePath();
    if (Files.isDirectory(here.resolve("ai/boinc/transformers/hub"))) {
      return here;
    }
    String root = System.getProperty("transformers.root");
    assertThat(root).as("run from the core module or set -Dtransformers.root").isNotNull();
    Path fromRoot = Paths.get(root, "core", "src", "main", "java");
    assertThat(fromRoot.resolve("ai/boinc/transformers/hub")).isDirectory();
    return fromRoot;
  }

  static List<String> violations(Path file, List<String> lines) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = IMPORT.matcher(lines.get(i));
      if (m.find()) {
        String imported = m.group(1);
        if (!imported.startsWith("java.") && !imported.startsWith("ai.boinc.transformers.")) {
          found.add(file + ":" + (i + 1) + " imports " + imported);
        }
      }
    }
    return found;
  }

  @Test
  void mainSourcesImportOnlyTheJdkAndCore() throws IOException {
    Path sources = mainSources();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
    }
    assertThat(files).as("the scan found the sources").hasSizeGreaterThan(30);
    assertThat(files).contains(sources.resolve("ai/boinc/transformers/hub/Hub.java"));

    List<String> violations = new ArrayList<>();
    int imports = 0;
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      imports += (int) lines.stream().filter(l -> IMPORT.matcher(l).find()).count();
      violations.addAll(violations(sources.relativize(file), lines));
    }
    assertThat(imports).as("the scan saw imports").isGreaterThan(50);
    assertThat(violations).isEmpty();
  }

  @Test
  void theRuleCatchesForeignImports() {
    Path file = Paths.get("X.java");
    assertThat(
            violations(
                file,
                List.of(
                    "package ai.boinc.transformers.x;",
                    "import java.util.List;",
                    "import static java.util.Objects.requireNonNull;",
                    "import ai.boinc.transformers.hub.Hub;",
                    "import javax.annotation.Nullable;",
                    "import static org.junit.Assert.*;",
                    "  import com.fasterxml.jackson.databind.JsonNode;",
                    "import ai.boinc.transformersx.Evil;",
                    "import kotlin.jvm.functions.Function1;")))
        .containsExactly(
            "X.java:5 imports javax.annotation.Nullable",
            "X.java:6 imports org.junit.Assert.*",
            "X.java:7 imports com.fasterxml.jackson.databind.JsonNode",
            "X.java:8 imports ai.boinc.transformersx.Evil",
            "X.java:9 imports kotlin.jvm.functions.Function1");
  }
}
