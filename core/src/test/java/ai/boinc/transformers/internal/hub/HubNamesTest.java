package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gpt2",
        "bert-base-uncased",
        "meta-llama/Llama-2-7b-ba",
        "acme/tiny",
        "Org_1/model.v2",
        "a/b",
        "google-bert/bert-base-uncased",
        "x/y_z-1.0"
      })
  void validRepoIds(String repoId) {
    assertThatCode(() -> HubNames.checkRepoId(repoId)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/",
        "a/",
        "/a",
        "a//b",
        "a/b/c",
        "org/name/resolve",
        "org--name",
        "org/na--me",
        "org/na..me",
        "..",
        "../etc",
        "org/..",
        "org/.hidden",
        "-org/name",
        "org/name-",
        "org/name.",
        "org/na me",
        "org/na%2Fme",
        "org\\name",
        "org/name?x=1",
        "org/náme"
      })
  void invalidRepoIdsSayWhatAValidOneLooksLike(String repoId) {
    assertThatThrownBy(() -> HubNames.checkRepoId(repoId))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + repoId + "'")
        .hasMessageContaining("namespace/name");
  }

  @Test
  void repoIdPartsAreAtMost96Characters() {
    assertThatCode(() -> HubNames.checkRepoId("org/" + "a".repeat(96))).doesNotThrowAnyException();
    assertThatThrownBy(() -> HubNames.checkRepoId("org/" + "a".repeat(97)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullsAreRejected() {
    assertThatThrownBy(() -> HubNames.checkRepoId(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> HubNames.checkFilename(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> HubNames.checkRevision(null)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "config.json",
        "onnx/model.onnx",
        "a/b/c/d.bin",
        "file with spaces?.json",
        "100%.txt",
        "weird:name,1.bin",
        ".gitattributes",
        "dir/.hidden",
        "..foo",
        "foo..",
        "日本語.txt"
      })
  void validFilenames(String filename) {
    assertThatCode(() -> HubNames.checkFilename(filename)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "..",
        ".",
        "../secret",
        "a/../../b",
        "a/..",
        "./config.json",
        "a/./b",
        "/etc/passwd",
        "dir/",
        "a//b",
        "a\\b",
        "..\\..\\x",
        "a\u0000b"
      })
  void invalidFilenames(String filename) {
    assertThatThrownBy(() -> HubNames.checkFilename(filename))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relative path inside the repository");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "main",
        "v1.0",
        "refs/pr/1",
        "refs/convert/parquet",
        "feature/x",
        "0123456789abcdef0123456789abcdef01234567",
        "release-2024.01"
      })
  void validRevisions(String revision) {
    assertThatCode(() -> HubNames.checkRevision(revision)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", ".", "../x", "../../etc", "refs/../../x", "a/./b", "/main", "main/", "a//b", "a\\b", "a\u0000b"})
  void invalidRevisions(String revision) {
    assertThatThrownBy(() -> HubNames.checkRevision(revision))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refs/pr/1");
  }

  @Test
  void commitHashesAreFortyLowerCaseHexDigits() {
    assertThat(HubNames.isCommitHash("0123456789abcdef0123456789abcdef01234567")).isTrue();
    assertThat(HubNames.isCommitHash("5f1e" + "c".repeat(36))).isTrue();
    assertThat(HubNames.isCommitHash("0123456789ABCDEF0123456789ABCDEF01234567")).isFalse();
    assertThat(HubNames.isCommitHash("0123456789abcdef0123456789abcdef0123456")).isFalse();
    assertThat(HubNames.isCommitHash("0123456789abcdef0123456789abcdef012345678")).isFalse();
    assertThat(HubNames.isCommitHash("g123456789abcdef0123456789abcdef01234567")).isFalse();
    assertThat(HubNames.isCommitHash("main")).isFalse();
    assertThat(HubNames.isCommitHash("")).isFalse();
    assertThat(HubNames.isCommitHash("a".repeat(64))).as("a sha256 is not a commit").isFalse();
  }
}
