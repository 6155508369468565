package ai.boinc.transformers;

import static org.assertj.core.api.Assertions.assertThat;

import ai.boinc.transformers.fetch.FetchHeaders;
import ai.boinc.transformers.fetch.FetchRequest;
import ai.boinc.transformers.tokenizer.DecodeOptions;
import ai.boinc.transformers.tokenizer.EncodeOptions;
import ai.boinc.transformers.tokenizer.Padding;
import ai.boinc.transformers.tokenizer.Truncation;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** {@code X.builder()} and {@code x.toBuilder()} work on every value type, whichever name it was born with. */
class BuilderNamesTest {
  @Test
  void builderIsAnAliasOfNewBuilder() {
    assertThat(EncodeOptions.builder().addSpecialTokens(false).build())
        .isEqualTo(EncodeOptions.newBuilder().addSpecialTokens(false).build());
    assertThat(DecodeOptions.builder().build()).isEqualTo(DecodeOptions.newBuilder().build());
    assertThat(Truncation.builder().maxLength(7).build()).isEqualTo(Truncation.newBuilder().maxLength(7).build());
    assertThat(Padding.builder().build()).isEqualTo(Padding.newBuilder().build());
    URI uri = URI.create("http://127.0.0.1/x");
    assertThat(FetchRequest.builder(uri).build().uri()).isEqualTo(uri);
  }

  @Test
  void toBuilderIsAnAliasOfTheInstanceNewBuilder() {
    FetchHeaders headers = FetchHeaders.builder().add("Accept", "text/plain").build();
    assertThat(headers.toBuilder().build()).isEqualTo(headers);
    FetchRequest request = FetchRequest.head(URI.create("http://127.0.0.1/y"));
    assertThat(request.toBuilder().build().method()).isEqualTo("HEAD");
    assertThat(request.toBuilder().build().uri()).isEqualTo(request.uri());
  }
}
