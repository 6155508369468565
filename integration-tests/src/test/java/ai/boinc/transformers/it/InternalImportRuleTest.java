package ai.boinc.transformers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What may import what: a module may use its own {@code ...internal...} packages, never another
 * module's. What one module needs from another is public API of that module (okhttp3 vs
 * okhttp3.internal). Scans the sources of every module of the repository, main and test, for
 * imports and fully qualified names; this module sees them all because it lives beside them.
 */
class InternalImportRuleTest {
  /** A package of ours with an {@code internal} segment; stops before the first class name. */
  private static final Pattern INTERNAL =
      Pattern.compile("\\bai\\.boinc\\.transformers(?:\\.[a-z_]\\w*)*?\\.internal\\b(?:\\.[a-z_]\\w*)*");

  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");

  /** This file: its own examples below would otherwise count as references. */
  private static final String SELF = "integration-tests/src/test/java/ai/boinc/transformers/it/InternalImportRuleTest.java";

  /** One Java source file and the module (its folder, relative to the root) it belongs to. */
  record Source(String module, String path, List<String> lines, boolean main) {}

  private static Path root() {
    String root = System.getProperty("transformers.root");
    assertThat(root).as("surefire sets -Dtransformers.root to the repository root").isNotNull();
    return Paths.get(root).toAbsolutePath().normalize();
  }

  /** Every module's Java sources: each folder with a pom.xml contributes its own src/. */
  static List<Source> sources(Path root) throws IOException {
    List<Path> modules;
    try (Stream<Path> walk = Files.walk(root, 3)) {   // modules sit at most two folders deep
      modules = walk.filter(p -> p.getFileName().toString().equals("pom.xml"))
          .map(Path::getParent)
          .filter(dir -> Files.isDirectory(dir.resolve("src")))
          .filter(dir -> !root.relativize(dir).toString().contains("target"))
          .sorted()
          .collect(Collectors.toList());
    }
    List<Source> sources = new ArrayList<>();
    for (Path module : modules) {
      String name = root.relativize(module).toString().replace('\\', '/');
      try (Stream<Path> walk = Files.walk(module.resolve("src"))) {
        for (Path file : walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
          String path = root.relativize(file).toString().replace('\\', '/');
          sources.add(new Source(name, path, Files.readAllLines(file, StandardCharsets.UTF_8),
              path.startsWith(name + "/src/main/")));
        }
      }
    }
    return sources;
  }

  /**
   * The modules that own each package: those whose main sources declare it, or, for a package no
   * main source declares, those whose test sources do.
   */
  static Map<String, Set<String>> owners(List<Source> sources) {
    Map<String, Set<String>> main = new TreeMap<>();
    Map<String, Set<String>> test = new TreeMap<>();
    for (Source source : sources) {
      for (String line : source.lines()) {
        Matcher m = PACKAGE.matcher(line);
        if (m.find()) {
          (source.main() ? main : test).computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(source.module());
          break;
        }
      }
    }
    test.forEach(main::putIfAbsent);
    return main;
  }

  /** The owners of {@code pkg}; a prefix (e.g. from prose) belongs to whoever owns the packages under it. */
  static Set<String> ownersOf(String pkg, Map<String, Set<String>> owners) {
    Set<String> found = owners.get(pkg);
    if (found != null) {
      return found;
    }
    Set<String> below = new TreeSet<>();
    owners.forEach((p, modules) -> {
      if (p.startsWith(pkg + ".")) {
        below.addAll(modules);
      }
    });
    return below;
  }

  static List<String> violations(Source source, Map<String, Set<String>> owners) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < source.lines().size(); i++) {
      String line = source.lines().get(i);
      if (PACKAGE.matcher(line).find()) {
        continue;
      }
      Matcher m = INTERNAL.matcher(line);
      while (m.find()) {
        Set<String> owning = ownersOf(m.group(), owners);
        if (!owning.contains(source.module())) {
          found.add(source.path() + ":" + (i + 1) + " uses " + m.group()
              + (owning.isEmpty() ? ", which no module declares" : " of " + String.join(", ", owning)));
        }
      }
    }
    return found;
  }

  /** A file that declares itself in another module's internal package reaches its package-private parts. */
  static List<String> trespassers(List<Source> sources, Map<String, Set<String>> owners) {
    List<String> found = new ArrayList<>();
    for (Source source : sources) {
      for (String line : source.lines()) {
        Matcher m = PACKAGE.matcher(line);
        if (m.find()) {
          String pkg = m.group(1);
          Set<String> owning = owners.getOrDefault(pkg, Set.of());
          if (INTERNAL.matcher(pkg).matches() && !owning.contains(source.module())) {
            found.add(source.path() + " is in " + pkg + " of " + String.join(", ", owning));
          }
          break;
        }
      }
    }
    return found;
  }

  @Test
  void noModuleUsesAnotherModulesInternals() throws IOException {
    List<Source> sources = sources(root());
    Set<String> modules = sources.stream().map(Source::module).collect(Collectors.toCollection(TreeSet::new));
    assertThat(modules).as("the scan found every module")
        .contains("core", "tokenizers", "testkit", "guice", "cli", "credentials/vault", "transport-okhttp", "integration-tests");
    assertThat(sources).as("the scan found this file").anyMatch(s -> s.path().equals(SELF));
    Map<String, Set<String>> owners = owners(sources);
    assertThat(owners.keySet()).as("the scan found internal packages")
        .anyMatch(p -> INTERNAL.matcher(p).matches() && p.startsWith("ai.boinc.transformers.internal"));

    List<String> violations = new ArrayList<>();
    int references = 0;
    for (Source source : sources) {
      if (source.path().equals(SELF)) {
        continue;
      }
      references += (int) source.lines().stream().filter(l -> INTERNAL.matcher(l).find()).count();
      violations.addAll(violations(source, owners));
    }
    assertThat(references).as("the scan saw modules using their own internals").isGreaterThan(50);
    violations.addAll(trespassers(sources, owners));
    assertThat(violations).isEmpty();
  }

  @Test
  void theRuleCatchesAnotherModulesInternalsOnly() {
    Map<String, Set<String>> owners = Map.of(
        "ai.boinc.transformers.internal.json", Set.of("core"),
        "ai.boinc.transformers.internal.hub", Set.of("core"),
        "ai.boinc.transformers.hub", Set.of("core"),
        "ai.boinc.transformers.testkit.internal", Set.of("testkit"));
    Source testkit = new Source("testkit", "testkit/X.java", List.of(
        "package ai.boinc.transformers.testkit.internal;",
        "import ai.boinc.transformers.hub.Hub;",
        "import ai.boinc.transformers.testkit.internal.Router;",
        "import ai.boinc.transformers.internal.json.Json;",
        "import static ai.boinc.transformers.internal.hub.Downloader.download;",
        "  Object x = ai.boinc.transformers.internal.json.Json.parse(\"{}\");",
        "/** See {@link ai.boinc.transformers.internal.Nowhere}. */",
        "import ai.boinc.transformers.internalized.Fine;",
        "import ai.boinc.transformers.nowhere.internal.X;"), true);
    assertThat(violations(testkit, owners)).containsExactly(
        "testkit/X.java:4 uses ai.boinc.transformers.internal.json of core",
        "testkit/X.java:5 uses ai.boinc.transformers.internal.hub of core",
        "testkit/X.java:6 uses ai.boinc.transformers.internal.json of core",
        "testkit/X.java:7 uses ai.boinc.transformers.internal of core",
        "testkit/X.java:9 uses ai.boinc.transformers.nowhere.internal, which no module declares");
    Source core = new Source("core", "core/Y.java", List.of(
        "package ai.boinc.transformers.hub;",
        "import ai.boinc.transformers.internal.json.Json;",
        "import ai.boinc.transformers.internalized.Fine;"), true);
    assertThat(violations(core, owners)).isEmpty();
  }

  @Test
  void theRuleCatchesAFileInAnotherModulesInternalPackage() {
    List<Source> sources = List.of(
        new Source("core", "core/src/main/A.java", List.of("package ai.boinc.transformers.internal.hub;"), true),
        new Source("guice", "guice/src/test/B.java", List.of("package ai.boinc.transformers.internal.hub;"), false),
        new Source("guice", "guice/src/test/C.java", List.of("package ai.boinc.transformers.guice;"), false));
    assertThat(trespassers(sources, owners(sources)))
        .containsExactly("guice/src/test/B.java is in ai.boinc.transformers.internal.hub of core");
  }
}
