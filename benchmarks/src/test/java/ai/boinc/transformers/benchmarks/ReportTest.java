package ai.boinc.transformers.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Two JMH results in JMH's JSON shape, bytes/s as a secondary metric. */
  private static final String JMH =
      "[{\"jmhVersion\":\"1.37\",\"benchmark\":\"ai.boinc.transformers.benchmarks.EncodeThroughput.encode\","
          + "\"mode\":\"thrpt\",\"jdkVersion\":\"17\",\"vmName\":\"VM\",\"vmVersion\":\"1\",\"jvmArgs\":[\"-Xmx2g\"],"
          + "\"params\":{\"family\":\"llama-2\",\"impl\":\"project\",\"corpusBytes\":\"1000000\"},"
          + "\"primaryMetric\":{\"score\":3.0,\"scoreError\":0.3,\"scoreUnit\":\"ops/s\",\"rawData\":[[2.9,3.0,3.1]]},"
          + "\"secondaryMetrics\":{\"bytes\":{\"score\":3000000.0,\"scoreError\":300000.0,\"scoreUnit\":\"ops/s\","
          + "\"rawData\":[[2900000.0,3000000.0,3100000.0]]},"
          + "\"tokens\":{\"score\":900000.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"ops/s\",\"rawData\":[[900000.0]]}}},"
          + "{\"jmhVersion\":\"1.37\",\"benchmark\":\"ai.boinc.transformers.benchmarks.EncodeThroughput.encode\","
          + "\"params\":{\"family\":\"llama-2\",\"impl\":\"djl\",\"corpusBytes\":\"1000000\"},"
          + "\"primaryMetric\":{\"score\":0.5,\"scoreError\":0.01,\"scoreUnit\":\"ops/s\",\"rawData\":[[0.5]]},"
          + "\"secondaryMetrics\":{\"bytes\":{\"score\":500000.0,\"scoreError\":10000.0,\"scoreUnit\":\"ops/s\",\"rawData\":[[500000.0]]}}},"
          + "{\"jmhVersion\":\"1.37\",\"benchmark\":\"ai.boinc.transformers.benchmarks.LoadTime.coldJTokkit\","
          + "\"params\":{},\"primaryMetric\":{\"score\":1500.0,\"scoreError\":\"NaN\",\"scoreUnit\":\"ms/op\",\"rawData\":[[1400.0],[1600.0]]}},"
          + "{\"jmhVersion\":\"1.37\",\"benchmark\":\"ai.boinc.transformers.benchmarks.ShortCallLatency.encode\","
          + "\"params\":{\"family\":\"llama-2\",\"impl\":\"djl\"},\"primaryMetric\":{\"score\":20000.0,\"scoreError\":100.0,\"scoreUnit\":\"ns/op\",\"rawData\":[[20000.0]]}}]";

  private static final String HEAP =
      "[{\"family\":\"llama-3\",\"impl\":\"project\",\"status\":\"ok\",\"heapBytes\":83886080,\"nativeBytes\":0,\"metaspaceBytes\":1048576},"
          + "{\"family\":\"llama-3\",\"impl\":\"djl\",\"status\":\"ok\",\"heapBytes\":104857,\"nativeBytes\":41943040,\"metaspaceBytes\":524288},{\"family\":\"t5-small\",\"impl\":\"project\",\"status\":\"not"
          + " yet supported\",\"message\":\"no Precompiled\"}]";

  private static Map<String, Report.Row> rows() throws Exception {
    Report.Results r = new Report.Results();
    Report.readJmh(JSON.readTree(JMH), r);
    Report.readHeap(JSON.readTree(HEAP), r);
    r.status.put("qwen3/project", "transformers-java cannot load qwen3 yet: NFC");
    List<Report.Row> rows = Report.rows(r);
    return rows.stream()
        .collect(
            Collectors.toMap(row -> row.family + "|" + row.metric + "|" + row.peer, row -> row));
  }

  @Test
  void ratioOfTwoMeasurementsWithTheTarget() throws Exception {
    Report.Row row = rows().get("llama-2|ENCODE_MBPS|DJL");
    assertThat(row.project).isEqualTo("3.00 ±3%");
    assertThat(row.peerValue).isEqualTo("0.500");
    assertThat(row.ratio).isEqualTo("6.00×");
    assertThat(row.target).isEqualTo("≥ 5× ✓");
    assertThat(rows().get("llama-2|SHORT_US|DJL").peerValue).isEqualTo("20.0");
  }

  @Test
  void missingMeasurementsAndUnsupportedFamiliesKeepTheirRows() throws Exception {
    Map<String, Report.Row> rows = rows();
    assertThat(rows.get("qwen3|ENCODE_MBPS|DJL").project).isEqualTo("not yet supported");
    assertThat(rows.get("qwen3|ENCODE_MBPS|DJL").ratio).isEqualTo("—");
    assertThat(rows.get("qwen3|ENCODE_MBPS|DJL").met).isNull();
    assertThat(rows.get("t5-small|HEAP_MIB|DJL").project).isEqualTo("not yet supported");
    assertThat(rows.get("mistral|LOAD_WARM_MS|DJL").project).isEqualTo("—");
    assertThat(rows.get("gpt-4o|LOAD_COLD_MS|JTokkit").peerValue).isEqualTo("1,500 ±7%");
    assertThat(rows).doesNotContainKey("gpt-4o|BATCH_MBPS|JTokkit");
  }

  @Test
  void heapTargetIsOnTheProjectAlone() throws Exception {
    Report.Row heap = rows().get("llama-3|HEAP_MIB|DJL");
    assertThat(heap.project).isEqualTo("80.0");
    assertThat(heap.target).isEqualTo("project ≤ 64 MiB ✗");
    assertThat(rows().get("llama-3|FOOTPRINT_MIB|DJL").peerValue).isEqualTo("40.6");
  }

  @Test
  void markdownHasTheCommandTableAndNoise() throws Exception {
    Report.Results r = new Report.Results();
    Report.readJmh(JSON.readTree(JMH), r);
    List<Report.Row> rows = Report.rows(r);
    String md =
        Report.markdown(r, rows, Report.table(rows), Map.of("t5-small", "x: no Precompiled"), null);
    assertThat(md)
        .contains(Report.COMMAND)
        .contains("| llama-2 | encode, 1 thread (MB/s) | 3.00 ±3% | DJL | 0.500 | 6.00× | ≥ 5× ✓ |")
        .contains(
            "| EncodeThroughput.encode | llama-2 | project | 3.00 MB/s | 2.90 – 3.10 | 7% | ± 0.30"
                + " | 3 |")
        .contains("- t5-small: no Precompiled");
  }

  @Test
  void unseenTextRowsCompareWithJTokkitPerTiktokenFamily() throws Exception {
    String jmh =
        "[{\"benchmark\":\"ai.boinc.transformers.benchmarks.UnseenEncodeThroughput.encode\","
            + "\"params\":{\"family\":\"gpt-3.5-turbo\",\"corpusBytes\":\"1000000\"},"
            + "\"primaryMetric\":{\"score\":8.0,\"scoreUnit\":\"ops/s\"},"
            + "\"secondaryMetrics\":{\"bytes\":{\"score\":8000000.0,\"scoreError\":1.0,\"scoreUnit\":\"ops/s\",\"rawData\":[[8000000.0]]}}},"
            + "{\"benchmark\":\"ai.boinc.transformers.benchmarks.UnseenEncodeThroughput.jtokkit\","
            + "\"params\":{\"family\":\"gpt-3.5-turbo\",\"corpusBytes\":\"1000000\"},"
            + "\"primaryMetric\":{\"score\":4.0,\"scoreUnit\":\"ops/s\"},"
            + "\"secondaryMetrics\":{\"bytes\":{\"score\":4000000.0,\"scoreError\":1.0,\"scoreUnit\":\"ops/s\",\"rawData\":[[4000000.0]]}}},"
            + "{\"benchmark\":\"ai.boinc.transformers.benchmarks.UnseenEncodeThroughput.encode\","
            + "\"params\":{\"family\":\"llama-3\",\"corpusBytes\":\"1000000\"},"
            + "\"primaryMetric\":{\"score\":9.0,\"scoreUnit\":\"ops/s\"},"
            + "\"secondaryMetrics\":{\"bytes\":{\"score\":9000000.0,\"scoreError\":1.0,\"scoreUnit\":\"ops/s\",\"rawData\":[[9000000.0]]}}}]";
    Report.Results r = new Report.Results();
    Report.readJmh(JSON.readTree(jmh), r);
    Map<String, Report.Row> rows =
        Report.rows(r).stream()
            .collect(Collectors.toMap(row -> row.family + "|" + row.metric + "|" + row.peer, row -> row));
    Report.Row cl100k = rows.get("gpt-3.5-turbo|ENCODE_UNSEEN_MBPS|JTokkit");
    assertThat(cl100k.ratio).isEqualTo("2.00×");
    assertThat(cl100k.target).isEqualTo("≥ 1.5× ✓");
    assertThat(rows).doesNotContainKey("gpt-3.5-turbo|ENCODE_UNSEEN_MBPS|DJL");
    assertThat(rows).doesNotContainKey("gpt-3.5-turbo|LOAD_COLD_MS|JTokkit");
    assertThat(rows.get("llama-3|ENCODE_UNSEEN_MBPS|DJL").project).isEqualTo("9.00");
    assertThat(rows.get("llama-3|ENCODE_UNSEEN_MBPS|DJL").peerValue).isEqualTo("—");
  }

  @Test
  void readmeShowsTheCommandOfTheReport() throws Exception {
    String readme = new String(Files.readAllBytes(Paths.get("README.md")), StandardCharsets.UTF_8);
    assertThat(readme).contains(Report.COMMAND);
  }

  @Test
  void downloadRowsComputeRatiosAndVerdicts() throws Exception {
    String jmh =
        "[{\"benchmark\":\"ai.boinc.transformers.benchmarks.DownloadThroughput.download\",\"params\":{\"impl\":\"hub\"},"
            + "\"primaryMetric\":{\"score\":1.1,\"scoreUnit\":\"s/op\"}},"
            + "{\"benchmark\":\"ai.boinc.transformers.benchmarks.DownloadThroughput.download\",\"params\":{\"impl\":\"plainHttp\"},"
            + "\"primaryMetric\":{\"score\":1000.0,\"scoreUnit\":\"ms/op\"}},"
            + "{\"benchmark\":\"ai.boinc.transformers.benchmarks.SnapshotSpeed.snapshot\",\"params\":{\"workers\":\"1\"},"
            + "\"primaryMetric\":{\"score\":2000.0,\"scoreUnit\":\"ms/op\"}},"
            + "{\"benchmark\":\"ai.boinc.transformers.benchmarks.SnapshotSpeed.snapshot\",\"params\":{\"workers\":\"4\"},"
            + "\"primaryMetric\":{\"score\":800.0,\"scoreUnit\":\"ms/op\"}}]";
    List<Report.DownloadRow> rows =
        Report.downloadRows(JSON.readTree(jmh), JSON.readTree("{\"maxGrowthMiB\":12.5}"));
    assertThat(rows).hasSize(3);
    // 1 GiB in 1.1 s vs 1.0 s: 976 vs 1,074 MB/s, ratio 0.91
    assertThat(rows.get(0).measured).endsWith("= 0.91");
    assertThat(rows.get(0).verdict).isEqualTo("met");
    assertThat(rows.get(1).measured).isEqualTo("12.5 MiB");
    assertThat(rows.get(1).verdict).isEqualTo("met");
    assertThat(rows.get(2).measured).endsWith("= 2.50×");
    assertThat(rows.get(2).verdict).isEqualTo("NOT met");
    assertThat(Report.downloadRows(null, null)).allMatch(row -> row.measured.equals(Report.NONE));
  }

  @Test
  void snapshotOnTmpfsIsAContextRowAndTheTargetIsReadOnDisk() throws Exception {
    String jmh =
        "[{\"benchmark\":\"ai.boinc.transformers.benchmarks.SnapshotSpeed.snapshot\",\"params\":{\"workers\":\"1\",\"cache\":\"disk\"},"
            + "\"primaryMetric\":{\"score\":1600.0,\"scoreUnit\":\"ms/op\"}},"
            + "{\"benchmark\":\"ai.boinc.transformers.benchmarks.SnapshotSpeed.snapshot\",\"params\":{\"workers\":\"4\",\"cache\":\"disk\"},"
            + "\"primaryMetric\":{\"score\":640.0,\"scoreUnit\":\"ms/op\"}},"
            + "{\"benchmark\":\"ai.boinc.transformers.benchmarks.SnapshotSpeed.snapshot\",\"params\":{\"workers\":\"1\",\"cache\":\"memory\"},"
            + "\"primaryMetric\":{\"score\":1400.0,\"scoreUnit\":\"ms/op\"}},"
            + "{\"benchmark\":\"ai.boinc.transformers.benchmarks.SnapshotSpeed.snapshot\",\"params\":{\"workers\":\"4\",\"cache\":\"memory\"},"
            + "\"primaryMetric\":{\"score\":350.0,\"scoreUnit\":\"ms/op\"}}]";
    List<Report.DownloadRow> rows = Report.downloadRows(JSON.readTree(jmh), null);
    assertThat(rows).hasSize(4);
    assertThat(rows.get(2).measured).endsWith("= 2.50×");
    assertThat(rows.get(2).verdict).isEqualTo("NOT met");
    assertThat(rows.get(3).measured).endsWith("= 4.00×");
    assertThat(rows.get(3).verdict).isEqualTo(Report.NONE);
  }

  @Test
  void downloadRowsSkipTheTokenizerRowsOfAWholeSuiteRun() throws Exception {
    // JMH writes every benchmark of a pattern-less run into one file; throughput rows are in ops/s.
    List<Report.DownloadRow> rows = Report.downloadRows(JSON.readTree(JMH), null);
    assertThat(rows).hasSize(3).allMatch(row -> row.measured.equals(Report.NONE));
  }
}
