package ai.boinc.transformers.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class FamiliesTest {
  @Test
  void benchmarkParametersListEveryFamily() throws Exception {
    assertThat(Subject.class.getField("family").getAnnotation(Param.class).value())
        .containsExactlyElementsOf(Families.ALL);
    assertThat(LoadTime.Load.class.getField("family").getAnnotation(Param.class).value())
        .containsExactlyElementsOf(Families.ALL);
    assertThat(
            UnseenEncodeThroughput.Project.class.getField("family").getAnnotation(Param.class).value())
        .containsExactlyElementsOf(Families.ALL);
    assertThat(Subject.class.getField("impl").getAnnotation(Param.class).value())
        .containsExactly("project", "djl");
    assertThat(Tiktoken.class.getField("family").getAnnotation(Param.class).value())
        .containsExactlyInAnyOrderElementsOf(Families.TIKTOKEN.keySet());
  }

  @Test
  void everyFamilyHasAFixture() {
    for (String family : Families.ALL) {
      assertThat(Files.isRegularFile(Shared.tokenizerJson(family))).as(family).isTrue();
    }
  }

  @Test
  void jtokkitIsOnlyO200kAndCl100k() {
    assertThatThrownBy(() -> Encoders.load("jtokkit", "llama-2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("only o200k and cl100k");
    assertThatThrownBy(() -> Encoders.load("hf", "llama-2"))
        .hasMessageContaining("expected project, djl or jtokkit");
  }
}
