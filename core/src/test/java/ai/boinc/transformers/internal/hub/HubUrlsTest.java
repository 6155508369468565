package ai.boinc.transformers.internal.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import ai.boinc.transformers.hub.RepoType;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;

class HubUrlsTest {
  private static final URI HUB = URI.create("https://hub.example.com");

  @Test
  void modelUrlHasNoPrefix() {
    assertThat(HubUrls.resolve(HUB, RepoType.MODEL, "acme/tiny", "main", "tokenizer.json"))
        .hasToString("https://hub.example.com/acme/tiny/resolve/main/tokenizer.json");
    assertThat(HubUrls.resolve(HUB, RepoType.MODEL, "gpt2", "main", "config.json"))
        .hasToString("https://hub.example.com/gpt2/resolve/main/config.json");
  }

  @Test
  void datasetAndSpaceUrlsArePrefixed() {
    assertThat(HubUrls.resolve(HUB, RepoType.DATASET, "acme/corpus", "main", "data/train.parquet"))
        .hasToString("https://hub.example.com/datasets/acme/corpus/resolve/main/data/train.parquet");
    assertThat(HubUrls.resolve(HUB, RepoType.SPACE, "acme/demo", "main", "app.py"))
        .hasToString("https://hub.example.com/spaces/acme/demo/resolve/main/app.py");
  }

  @Test
  void endpointPathAndPortAreKept() {
    URI mirror = URI.create("http://127.0.0.1:8080/mirror");
    assertThat(HubUrls.resolve(mirror, RepoType.MODEL, "acme/tiny", "main", "a.json"))
        .hasToString("http://127.0.0.1:8080/mirror/acme/tiny/resolve/main/a.json");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "refs/pr/1|refs%2Fpr%2F1",
        "refs/convert/parquet|refs%2Fconvert%2Fparquet",
        "feature/x|feature%2Fx",
        "v1.0|v1.0",
        "my branch|my%20branch",
        "a+b|a%2Bb",
        "ü|%C3%BC"
      })
  void revisionIsEncodedAsOneSegment(String revision, String encoded) {
    URI uri = HubUrls.resolve(HUB, RepoType.MODEL, "acme/tiny", revision, "config.json");
    assertThat(uri.getRawPath()).isEqualTo("/acme/tiny/resolve/" + encoded + "/config.json");
    assertThat(uri.toString()).isEqualTo("https://hub.example.com/acme/tiny/resolve/" + encoded + "/config.json");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "file with space.json|file%20with%20space.json",
        "what?.json|what%3F.json",
        "100%.txt|100%25.txt",
        "a:b.bin|a%3Ab.bin",
        "a,b.bin|a%2Cb.bin",
        "sub/dir/file.bin|sub/dir/file.bin",
        "hash#1.txt|hash%231.txt",
        "amp&eq=.txt|amp%26eq%3D.txt",
        "tilde~_-.txt|tilde~_-.txt",
        "plus+.txt|plus%2B.txt",
        "quote'\"!.txt|quote%27%22%21.txt",
        "日本.txt|%E6%97%A5%E6%9C%AC.txt",
        "é/😀.bin|%C3%A9/%F0%9F%98%80.bin"
      })
  void filenameIsEncodedLikePythonQuoteKeepingSlashes(String filename, String encoded) {
    URI uri = HubUrls.resolve(HUB, RepoType.MODEL, "acme/tiny", "main", filename);
    assertThat(uri.getRawPath()).isEqualTo("/acme/tiny/resolve/main/" + encoded);
    assertThat(uri.getRawQuery()).isNull();
    assertThat(uri.getRawFragment()).isNull();
  }

  @Test
  void repoPageHasTheTypePrefix() {
    assertThat(HubUrls.repoPage(HUB, RepoType.MODEL, "acme/gated")).hasToString("https://hub.example.com/acme/gated");
    assertThat(HubUrls.repoPage(HUB, RepoType.DATASET, "acme/d")).hasToString("https://hub.example.com/datasets/acme/d");
    assertThat(HubUrls.repoPage(HUB, RepoType.SPACE, "acme/s")).hasToString("https://hub.example.com/spaces/acme/s");
  }

  @Test
  void encodedSegmentIsUnreservedOrPercentEscapesAndDecodesBack() {
    qt().forAll(unicodeStrings())
        .checkAssert(
            value -> {
              String segment = HubUrls.encode(value, false);
              assertThat(segment).matches("([A-Za-z0-9._~-]|%[0-9A-F]{2})*");
              assertThat(percentDecode(segment)).isEqualTo(value);
            });
  }

  @Test
  void encodedPathKeepsSlashesAndDecodesBack() {
    qt().forAll(unicodeStrings())
        .checkAssert(
            value -> {
              String path = HubUrls.encode(value, true);
              assertThat(path).matches("([A-Za-z0-9._~/-]|%[0-9A-F]{2})*");
              assertThat(path.chars().filter(c -> c == '/').count())
                  .isEqualTo(value.chars().filter(c -> c == '/').count());
              assertThat(percentDecode(path)).isEqualTo(value);
            });
  }

  @Test
  void encodedRevisionNeverSplitsThePath() {
    qt().forAll(unicodeStrings())
        .checkAssert(
            revision -> {
              URI uri = HubUrls.resolve(HUB, RepoType.MODEL, "acme/tiny", revision, "f.json");
              assertThat(uri.getRawPath().split("/", -1)).hasSize(6);
            });
  }

  /**
   * Strings of well-formed code points, biased towards the ASCII characters that need escaping
   * ('/', '%', '?', ' ', ...), so that every run covers them.
   */
  private static Gen<String> unicodeStrings() {
    Gen<Integer> ascii = integers().between(0, 0x7f);
    Gen<Integer> any =
        integers().between(0, 0x10FFFF - 0x800).map(cp -> cp >= 0xD800 ? cp + 0x800 : cp);
    Gen<List<Integer>> codePoints = lists().of(ascii.mix(any, 30)).ofSizeBetween(0, 24);
    return codePoints.map(
        list -> {
          StringBuilder out = new StringBuilder();
          list.forEach(out::appendCodePoint);
          return out.toString();
        });
  }

  /** An independent strict decoder: every byte is either an unreserved char or a %XX escape. */
  private static String percentDecode(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("not valid UTF-8 after decoding: " + encoded, e);
    }
  }
}
