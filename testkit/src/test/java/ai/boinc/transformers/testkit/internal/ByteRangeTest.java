package ai.boinc.transformers.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ByteRangeTest {
  @Test
  void parsesTheThreeSingleRangeForms() {
    assertRange(ByteRange.parse("bytes=0-15", 100), 0, 15);
    assertRange(ByteRange.parse("bytes=90-", 100), 90, 99);
    assertRange(ByteRange.parse("bytes=-10", 100), 90, 99);
    assertRange(ByteRange.parse("bytes=-1000", 100), 0, 99);
    assertRange(ByteRange.parse("bytes=50-1000", 100), 50, 99);
  }

  @Test
  void unsatisfiableRanges() {
    assertThat(ByteRange.parse("bytes=100-", 100).kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=-0", 100).kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
    assertThat(ByteRange.parse("bytes=0-", 0).kind()).isEqualTo(ByteRange.Kind.UNSATISFIABLE);
  }

  @Test
  void anythingElseIsIgnored() {
    for (String header : new String[] {null, "", "items=0-1", "bytes=0-1,5-6", "bytes=5-1", "bytes=a-b", "bytes=-"}) {
      assertThat(ByteRange.parse(header, 100).kind()).as(header).isEqualTo(ByteRange.Kind.FULL);
    }
  }

  private static void assertRange(ByteRange range, long first, long last) {
    assertThat(range.kind()).isEqualTo(ByteRange.Kind.PARTIAL);
    assertThat(range.first()).isEqualTo(first);
    assertThat(range.last()).isEqualTo(last);
    assertThat(range.length()).isEqualTo(last - first + 1);
  }
}
