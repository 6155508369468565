package ai.boinc.transformers.tokenizers.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CodePointTableTest {
  @Test
  void rangesSinglesAndValuesInAndAboveTheBmp() {
    CodePointTable t = CodePointTable.parse("0030-0039 005F=7 FFF0-10010=200  1F600-1F64F 10FFFF=3");
    assertThat(t.get(0x2f)).isZero();
    assertThat(t.get('0')).isEqualTo(1);
    assertThat(t.get('9')).isEqualTo(1);
    assertThat(t.get(':')).isZero();
    assertThat(t.get('_')).isEqualTo(7);
    assertThat(t.get(0xFFEF)).isZero();
    assertThat(t.get(0xFFFF)).isEqualTo(200);
    assertThat(t.get(0x10000)).isEqualTo(200);
    assertThat(t.get(0x10010)).isEqualTo(200);
    assertThat(t.get(0x10011)).isZero();
    assertThat(t.get(0x1F5FF)).isZero();
    assertThat(t.get(0x1F600)).isEqualTo(1);
    assertThat(t.get(0x1F64F)).isEqualTo(1);
    assertThat(t.get(0x1F650)).isZero();
    assertThat(t.get(0x10FFFF)).isEqualTo(3);
    assertThat(t.get(-1)).isZero();
    assertThat(t.get(0x110000)).isZero();
  }

  @Test
  void emptyTableHasNothing() {
    CodePointTable t = CodePointTable.parse("");
    assertThat(t.get(0)).isZero();
    assertThat(t.get(0x10400)).isZero();
  }

  @Test
  void rejectsMalformedTables() {
    for (String bad : new String[] {"0039-0030", "0030-0039 0035", "0041 0040", "110000", "0041=0", "0041=256", "0041-"}) {
      assertThatThrownBy(() -> CodePointTable.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
