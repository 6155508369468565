package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Python fnmatchcase semantics, as huggingface_hub's filter_repo_objects uses them. */
class FnmatchTest {
  static boolean match(String pattern, String path) {
    return Fnmatch.compile(pattern).matcher(path).matches();
  }

  @Test
  void starAlsoMatchesSlashes() {
    assertThat(match("*.json", "config.json")).isTrue();
    assertThat(match("*.json", "onnx/sub/config.json")).isTrue();
    assertThat(match("*.json", "config.json.bak")).isFalse();
  }

  @Test
  void matchingIsCaseSensitive() {
    assertThat(match("*.json", "Upper.JSON")).isFalse();
  }

  @Test
  void aTrailingSlashSelectsAFoldersContents() {
    assertThat(match("onnx/", "onnx/model.onnx")).isTrue();
    assertThat(match("onnx/", "onnx/a/b")).isTrue();
    assertThat(match("onnx/", "onnx")).isFalse();
    assertThat(match("onnx/", "other/onnx/x")).isFalse();
  }

  @Test
  void questionMarksAndSets() {
    assertThat(match("f?.txt", "f1.txt")).isTrue();
    assertThat(match("f?.txt", "f10.txt")).isFalse();
    assertThat(match("f[0-2].txt", "f2.txt")).isTrue();
    assertThat(match("f[!0-2].txt", "f2.txt")).isFalse();
    assertThat(match("f[!0-2].txt", "f3.txt")).isTrue();
    assertThat(match("[]]x", "]x")).isTrue();
  }

  @Test
  void regexCharactersAreLiteral() {
    assertThat(match("a+b(1).txt", "a+b(1).txt")).isTrue();
    assertThat(match("a.b", "axb")).isFalse();
    assertThat(match("[abc", "[abc")).isTrue();
    assertThat(match("^$|\\", "^$|\\")).isTrue();
  }

  @Test
  void allowThenIgnore() {
    Fnmatch filter = new Fnmatch(List.of("*.json", "onnx/"), List.of("onnx/sub/*"));
    assertThat(filter.accepts("config.json")).isTrue();
    assertThat(filter.accepts("onnx/model.onnx")).isTrue();
    assertThat(filter.accepts("onnx/sub/x.json")).isFalse();
    assertThat(filter.accepts("README.md")).isFalse();
    assertThat(new Fnmatch(List.of(), List.of("*.md")).accepts("a/b.bin")).isTrue();
    assertThat(new Fnmatch(List.of(), List.of("*.md")).accepts("README.md")).isFalse();
  }
}
