package ai.boinc.transformers.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessTokenTest {

  @Test
  void surroundingWhitespaceIsTrimmed() {
    assertThat(AccessToken.of("  ba_abc123\r\n").reveal()).isEqualTo("ba_abc123");
    assertThat(AccessToken.of("\tba_abc123").reveal()).isEqualTo("ba_abc123");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t", "\r\n", " \n\t "})
  void blankIsRejected(String blank) {
    assertThatThrownBy(() -> AccessToken.of(blank))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
  }

  @Test
  void nullIsRejected() {
    assertThatThrownBy(() -> AccessToken.of(null)).isInstanceOf(NullPointerException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ba_secret part2",
        "ba_secret\tpart2",
        "ba_secret\npart2",
        "ba_secret\r\npart2",
        "ba_secret\u0000part2",
        "ba_secret\u0007part2",
        "ba_secret\u001bpart2",
        "ba_secret\u007fpart2"
      })
  void innerWhitespaceAndControlCharactersAreRejectedWithoutEchoingTheValue(String secret) {
    assertThatThrownBy(() -> AccessToken.of(secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whitespace or control characters")
        .hasMessageNotContaining("ba_secret")
        .hasMessageNotContaining("part2");
  }

  @Test
  void theRejectionNamesThePositionOfTheBadCharacter() {
    assertThatThrownBy(() -> AccessToken.of("ab cd"))
        .hasMessageContaining("position 2");
  }

  @Test
  void equalTokensAreEqual() {
    AccessToken a = AccessToken.of("ba_same");
    AccessToken b = AccessToken.of("  ba_same\n");
    assertThat(a).isEqualTo(b);
    assertThat(b).isEqualTo(a);
    assertThat(a).isEqualTo(a);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
  }

  @Test
  void differentTokensAreNotEqual() {
    AccessToken token = AccessToken.of("ba_same");
    assertThat(token).isNotEqualTo(AccessToken.of("ba_samE"));
    assertThat(token).isNotEqualTo(AccessToken.of("ba_sam"));
    assertThat(token).isNotEqualTo(AccessToken.of("ba_same1"));
    assertThat(token).isNotEqualTo(AccessToken.of("BA_SAME"));
    assertThat(token).isNotEqualTo("ba_same");
    assertThat(token).isNotEqualTo(null);
  }

  @Test
  void nonAsciiSecretsCompareByContent() {
    assertThat(AccessToken.of("ba_é")).isEqualTo(AccessToken.of("ba_é"));
    assertThat(AccessToken.of("ba_é")).isNotEqualTo(AccessToken.of("ba_e"));
  }

  @Test
  void equalityIsEqualityOfTheSecrets() {
    qt().forAll(visibleAscii(), visibleAscii())
        .checkAssert(
            (x, y) ->
                assertThat(AccessToken.of(x).equals(AccessToken.of(y))).isEqualTo(x.equals(y)));
    qt().forAll(visibleAscii())
        .checkAssert(x -> assertThat(AccessToken.of(x)).isEqualTo(AccessToken.of(" " + x + "\n")));
  }

  @Test
  void toStringIsOneFixedRedactionForEveryToken() {
    String expected = AccessToken.of("x").toString();
    assertThat(expected).doesNotContain("x");
    assertThat(AccessToken.of("ba_" + "a".repeat(200)).toString()).isEqualTo(expected);
    qt().forAll(visibleAscii())
        .checkAssert(
            secret -> {
              String shown = AccessToken.of(secret).toString();
              assertThat(shown).isEqualTo(expected);
              assertThat(String.valueOf(AccessToken.of(secret))).isEqualTo(expected);
            });
  }

  @Test
  void resolvedTokenToStringShowsTheSourceButNotTheSecret() {
    ResolvedToken resolved = new ResolvedToken(AccessToken.of("ba_topsecret"), "token file /x");
    assertThat(resolved.toString()).contains("token file /x").doesNotContain("ba_topsecret");
  }

  /** Non-empty strings of printable ASCII without spaces: always valid secrets. */
  private static org.quicktheories.core.Gen<String> visibleAscii() {
    return strings().betweenCodePoints(0x21, 0x7e).ofLengthBetween(1, 40);
  }
}
