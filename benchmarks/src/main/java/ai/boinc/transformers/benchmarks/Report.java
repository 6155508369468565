package ai.boinc.transformers.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns JMH's JSON result file and {@link RetainedHeap}'s {@code heap.json} into one markdown table
 * — family, metric, project, peer, ratio project/peer, target — printed and written to {@code
 * benchmarks/RESULTS.md} with the machine, the JDK, the command and how noisy the run was.
 *
 * <p>Rows whose measurement is missing are kept: the project's cell says "not yet supported" when
 * transformers-java cannot load that family (checked here by loading it), "—" otherwise.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar ai.boinc.transformers.benchmarks.Report \
 *     [--results benchmarks/target/results.json] [--heap benchmarks/target/heap.json] \
 *     [--out benchmarks/RESULTS.md] [--started EPOCH_SECONDS]
 * </pre>
 */
public final class Report {
  /** The one-line command of {@code benchmarks/README.md} that runs the whole suite. */
  public static final String COMMAND =
      "S=$(date +%s) && mvn -q -B -DskipTests package -pl benchmarks -am && java -jar"
          + " benchmarks/target/benchmarks.jar -rf json -rff benchmarks/target/results.json && java"
          + " -cp benchmarks/target/benchmarks.jar ai.boinc.transformers.benchmarks.RetainedHeap &&"
          + " java -Xms2g -Xmx2g -Xmn16m -cp benchmarks/target/benchmarks.jar"
          + " ai.boinc.transformers.benchmarks.DownloadHeap &&"
          + " java -cp benchmarks/target/benchmarks.jar ai.boinc.transformers.benchmarks.Report"
          + " --started $S";

  static final String PROJECT = "project";
  static final String DJL = "djl";
  static final String JTOKKIT = "jtokkit";
  static final String NOT_YET = "not yet supported";
  static final String NONE = "—";

  /** What a row measures, in the unit shown. */
  enum Metric {
    ENCODE_MBPS("encode, 1 thread", "MB/s", true),
    ENCODE_TOKPS("encode, 1 thread", "tokens/s", true),
    ENCODE_UNSEEN_MBPS("encode, unseen text, 1 thread", "MB/s", true),
    COUNT_UNSEEN_MBPS("countTokens, unseen text, 1 thread", "MB/s", true),
    BATCH_MBPS("encodeBatch, 1 caller, 2 cores", "MB/s", true),
    BATCH_SPEEDUP("encodeBatch ÷ encode", "×", true),
    SHORT_US("short call, 60 chars", "µs", false),
    LOAD_COLD_MS("load, cold JVM", "ms", false),
    LOAD_WARM_MS("load, warm JVM", "ms", false),
    HEAP_MIB("retained heap", "MiB", false),
    HEAP_USED_MIB("retained heap after 1 MB encoded", "MiB", false),
    FOOTPRINT_MIB("heap + native + metaspace", "MiB", false);

    final String label;
    final String unit;
    final boolean higherIsBetter;

    Metric(String label, String unit, boolean higherIsBetter) {
      this.label = label;
      this.unit = unit;
      this.higherIsBetter = higherIsBetter;
    }

    String title() {
      return label + " (" + unit + ")";
    }
  }

  /** One measured value with its spread. */
  static final class Value {
    final double score;
    final double error; // half-width of JMH's 99.9% confidence interval; NaN if unknown
    final double min;
    final double max;
    final int samples;

    Value(double score, double error, double min, double max, int samples) {
      this.score = score;
      this.error = error;
      this.min = min;
      this.max = max;
      this.samples = samples;
    }

    static Value exact(double score) {
      return new Value(score, Double.NaN, score, score, 1);
    }

    Value scaled(double factor) {
      return new Value(score * factor, error * factor, min * factor, max * factor, samples);
    }

    /** The score, and {@code ±} half the spread of the samples as a share of it. */
    String format() {
      String s = number(score);
      if (samples > 1 && score != 0) {
        s += String.format(Locale.ROOT, " ±%.0f%%", 100 * (max - min) / 2 / Math.abs(score));
      }
      return s;
    }
  }

  /** One row of JMH's results, for the noise table. */
  static final class Noise {
    final String benchmark;
    final String family;
    final String impl;
    final String unit;
    final Value value;

    Noise(String benchmark, String family, String impl, String unit, Value value) {
      this.benchmark = benchmark;
      this.family = family;
      this.impl = impl;
      this.unit = unit;
      this.value = value;
    }

    double relativeError() {
      return Double.isNaN(value.error) || value.score == 0 ? Double.NaN : value.error / value.score;
    }

    /** (max − min) / score. */
    double spread() {
      return value.samples < 2 || value.score == 0
          ? Double.NaN
          : (value.max - value.min) / Math.abs(value.score);
    }
  }

  /** Everything read from the result files. */
  static final class Results {
    final Map<String, Value> values = new HashMap<>();
    final List<Noise> noise = new ArrayList<>();
    final Map<String, String> status = new HashMap<>(); // family/impl -> why there is no value
    final Map<String, String> jvm = new LinkedHashMap<>();

    Optional<Value> get(Metric metric, String family, String impl) {
      return Optional.ofNullable(values.get(key(metric, family, impl)));
    }

    void put(Metric metric, String family, String impl, Value value) {
      values.put(key(metric, family, impl), value);
    }

    private static String key(Metric metric, String family, String impl) {
      return metric + "/" + family + "/" + impl;
    }
  }

  /** A row of the table. */
  static final class Row {
    final String family;
    final Metric metric;
    final String project;
    final String peer;
    final String peerValue;
    final String ratio;
    final String target;
    final Boolean met; // null when there is no target or no measurement

    Row(
        String family,
        Metric metric,
        String project,
        String peer,
        String peerValue,
        String ratio,
        String target,
        Boolean met) {
      this.family = family;
      this.metric = metric;
      this.project = project;
      this.peer = peer;
      this.peerValue = peerValue;
      this.ratio = ratio;
      this.target = target;
      this.met = met;
    }
  }

  private Report() {}

  public static void main(String[] args) throws IOException {
    Path results = Paths.get("benchmarks/target/results.json");
    Path heap = Paths.get("benchmarks/target/heap.json");
    Path out = Paths.get("benchmarks/RESULTS.md");
    Path downloadHeap = Paths.get("benchmarks/target/download-heap.json");
    Path analysis = Paths.get("benchmarks/ANALYSIS.md");
    boolean downloadsOnly = false;
    Long started = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--results":
          results = Paths.get(args[++i]);
          break;
        case "--heap":
          heap = Paths.get(args[++i]);
          break;
        case "--out":
          out = Paths.get(args[++i]);
          break;
        case "--started":
          started = Long.parseLong(args[++i]);
          break;
        case "--download-heap":
          downloadHeap = Paths.get(args[++i]);
          break;
        case "--downloads":
          downloadsOnly = true;
          break;
        default:
          System.err.println(
              "usage: Report [--results FILE] [--heap FILE] [--download-heap FILE] [--out RESULTS.md]"
                  + " [--started EPOCH] | Report --downloads [--results FILE] [--download-heap FILE]");
          System.exit(2);
      }
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode jmhRoot = Files.isRegularFile(results) ? json.readTree(results.toFile()) : null;
    JsonNode downloadHeapRoot =
        Files.isRegularFile(downloadHeap) ? json.readTree(downloadHeap.toFile()) : null;
    List<DownloadRow> downloadRows = downloadRows(jmhRoot, downloadHeapRoot);
    if (downloadsOnly) {
      // The hub-download rows only; RESULTS.md is left alone.
      if (jmhRoot == null) {
        System.err.println("no JMH results at " + results + "; the download and snapshot rows stay empty");
      }
      if (downloadHeapRoot == null) {
        System.err.println("no download heap result at " + downloadHeap + "; its row stays empty");
      }
      System.out.print(downloadTable(downloadRows));
      return;
    }
    Results r = new Results();
    if (jmhRoot != null) {
      readJmh(jmhRoot, r);
    } else {
      System.err.println("no JMH results at " + results + "; their rows stay empty");
    }
    if (Files.isRegularFile(heap)) {
      readHeap(json.readTree(heap.toFile()), r);
    } else {
      System.err.println("no heap results at " + heap + "; their rows stay empty");
    }
    Map<String, String> unsupported = projectSupport(Families.ALL);
    unsupported.forEach((family, why) -> r.status.put(family + "/" + PROJECT, why));
    List<Row> rows = rows(r);
    String table = table(rows);
    System.out.println(table);
    Duration took =
        started == null ? null : Duration.ofSeconds(Instant.now().getEpochSecond() - started);
    String markdown = markdown(r, rows, table, unsupported, took);
    if (downloadRows.stream().anyMatch(row -> !row.measured.equals(NONE))) {
      String downloads = downloadTable(downloadRows);
      System.out.println(downloads);
      markdown += "\n## Hub downloads\n\n" + downloads;
    }
    if (Files.isRegularFile(analysis)) {
      // Hand-written: why a target is missed, from profiles; the tables above are the run's own.
      markdown += "\n" + new String(Files.readAllBytes(analysis), StandardCharsets.UTF_8);
    }
    Files.write(out, markdown.getBytes(StandardCharsets.UTF_8));
    System.out.println("written to " + out);
  }

  /** Which families transformers-java cannot load yet, with the reason. */
  static Map<String, String> projectSupport(List<String> families) {
    Map<String, String> unsupported = new LinkedHashMap<>();
    for (String family : families) {
      try (Encoder ignored = Encoders.load(PROJECT, family)) {
        // loads: supported
      } catch (NotSupportedYet e) {
        unsupported.put(family, e.getMessage());
      }
    }
    return unsupported;
  }

  static void readJmh(JsonNode root, Results r) {
    for (JsonNode b : root) {
      String full = b.path("benchmark").asText();
      int method = full.lastIndexOf('.');
      String name = full.substring(full.lastIndexOf('.', method - 1) + 1);
      JsonNode params = b.path("params");
      String family = params.path("family").asText(null);
      String impl = params.path("impl").asText(null);
      if (name.endsWith(".jtokkit") || name.endsWith("JTokkit")) {
        // Results of runs before cl100k was added have no family: o200k.
        family = family == null ? Families.O200K : family;
        impl = JTOKKIT;
      } else if (name.startsWith("UnseenEncodeThroughput.")) {
        impl = PROJECT;
      }
      if (family == null || impl == null) {
        continue;
      }
      JsonNode primary = b.path("primaryMetric");
      r.jvm.putIfAbsent("JMH", b.path("jmhVersion").asText());
      r.jvm.putIfAbsent(
          "JDK",
          b.path("jdkVersion").asText()
              + " ("
              + b.path("vmName").asText()
              + " "
              + b.path("vmVersion").asText()
              + ")");
      r.jvm.putIfAbsent("JVM options of the forks", String.join(" ", texts(b.path("jvmArgs"))));
      if (name.startsWith("EncodeThroughput.") || name.startsWith("BatchThroughput.")) {
        boolean batch = name.startsWith("BatchThroughput.");
        JsonNode bytes = b.path("secondaryMetrics").path("bytes");
        JsonNode tokens = b.path("secondaryMetrics").path("tokens");
        if (!bytes.isMissingNode()) {
          Value v = value(bytes).scaled(1e-6);
          r.put(batch ? Metric.BATCH_MBPS : Metric.ENCODE_MBPS, family, impl, v);
          r.noise.add(new Noise(name, family, impl, "MB/s", v));
        }
        if (!tokens.isMissingNode() && !batch) {
          r.put(Metric.ENCODE_TOKPS, family, impl, value(tokens));
        }
      } else if (name.startsWith("UnseenEncodeThroughput.")) {
        JsonNode bytes = b.path("secondaryMetrics").path("bytes");
        if (!bytes.isMissingNode()) {
          Value v = value(bytes).scaled(1e-6);
          boolean counting = name.startsWith("UnseenEncodeThroughput.count");
          r.put(
              counting ? Metric.COUNT_UNSEEN_MBPS : Metric.ENCODE_UNSEEN_MBPS, family, impl, v);
          r.noise.add(new Noise(name, family, impl, "MB/s", v));
        }
      } else if (name.startsWith("ShortCallLatency.")) {
        Value v = value(primary).scaled(toMicros(primary.path("scoreUnit").asText()));
        r.put(Metric.SHORT_US, family, impl, v);
        r.noise.add(new Noise(name, family, impl, "µs", v));
      } else if (name.startsWith("LoadTime.cold") || name.startsWith("LoadTime.warm")) {
        Value v = value(primary).scaled(toMicros(primary.path("scoreUnit").asText()) / 1000);
        boolean cold = name.startsWith("LoadTime.cold");
        r.put(cold ? Metric.LOAD_COLD_MS : Metric.LOAD_WARM_MS, family, impl, v);
        r.noise.add(new Noise(name, family, impl, "ms", v));
      }
    }
    // encodeBatch ÷ encode, per implementation
    for (String family : Families.ALL) {
      for (String impl : Arrays.asList(PROJECT, DJL)) {
        Optional<Value> batch = r.get(Metric.BATCH_MBPS, family, impl);
        Optional<Value> single = r.get(Metric.ENCODE_MBPS, family, impl);
        if (batch.isPresent() && single.isPresent() && single.get().score > 0) {
          r.put(
              Metric.BATCH_SPEEDUP,
              family,
              impl,
              Value.exact(batch.get().score / single.get().score));
        }
      }
    }
  }

  static void readHeap(JsonNode root, Results r) {
    for (JsonNode row : root) {
      String family = row.path("family").asText();
      String impl = row.path("impl").asText();
      if (!row.path("status").asText().equals("ok")) {
        r.status.putIfAbsent(family + "/" + impl, row.path("message").asText());
        continue;
      }
      double mib = 1.0 / (1024 * 1024);
      long heap = row.path("heapBytes").asLong();
      r.put(Metric.HEAP_MIB, family, impl, Value.exact(heap * mib));
      if (row.has("heapAfterUseBytes")) {
        r.put(
            Metric.HEAP_USED_MIB,
            family,
            impl,
            Value.exact(row.path("heapAfterUseBytes").asLong() * mib));
      }
      long nativeBytes = Math.max(0, row.path("nativeBytes").asLong());
      long meta = Math.max(0, row.path("metaspaceBytes").asLong());
      r.put(Metric.FOOTPRINT_MIB, family, impl, Value.exact((heap + nativeBytes + meta) * mib));
    }
  }

  static List<Row> rows(Results r) {
    List<Row> rows = new ArrayList<>();
    for (String family : Families.ALL) {
      for (Metric metric : Metric.values()) {
        List<String> peers = new ArrayList<>();
        boolean tiktoken = Families.TIKTOKEN.containsKey(family);
        if (metric == Metric.COUNT_UNSEEN_MBPS && !tiktoken) {
          // Counting is compared with JTokkit only.
          continue;
        }
        if ((metric != Metric.ENCODE_UNSEEN_MBPS && metric != Metric.COUNT_UNSEEN_MBPS)
            || !tiktoken) {
          // DJL is not measured on unseen text: the row shows ours alone.
          peers.add(DJL);
        }
        boolean jtokkitMeasured =
            family.equals(Families.O200K)
                || metric == Metric.ENCODE_MBPS
                || metric == Metric.ENCODE_TOKPS
                || metric == Metric.ENCODE_UNSEEN_MBPS
                || metric == Metric.COUNT_UNSEEN_MBPS
                || metric == Metric.SHORT_US;
        if (tiktoken
            && jtokkitMeasured
            && metric != Metric.BATCH_MBPS
            && metric != Metric.BATCH_SPEEDUP) {
          peers.add(JTOKKIT);
        }
        for (String peer : peers) {
          rows.add(row(r, family, metric, peer));
        }
      }
    }
    return rows;
  }

  private static Row row(Results r, String family, Metric metric, String peer) {
    Optional<Value> project = r.get(metric, family, PROJECT);
    Optional<Value> other = r.get(metric, family, peer);
    String projectCell =
        project
            .map(Value::format)
            .orElse(r.status.containsKey(family + "/" + PROJECT) ? NOT_YET : NONE);
    String peerCell = other.map(Value::format).orElse(NONE);
    String ratio = NONE;
    Double ratioValue = null;
    if (metric != Metric.BATCH_SPEEDUP
        && project.isPresent()
        && other.isPresent()
        && other.get().score > 0) {
      ratioValue = project.get().score / other.get().score;
      ratio = String.format(Locale.ROOT, "%.2f×", ratioValue);
    }
    String target = "";
    Boolean met = null;
    boolean loadTarget = Arrays.asList("llama-3", "qwen3", "gpt-4o").contains(family);
    switch (metric) {
      case ENCODE_MBPS:
        target = peer.equals(DJL) ? "≥ 5×" : "≥ 1.0×";
        met = ratioValue == null ? null : ratioValue >= (peer.equals(DJL) ? 5.0 : 1.0);
        break;
      case ENCODE_UNSEEN_MBPS:
      case COUNT_UNSEEN_MBPS:
        if (peer.equals(JTOKKIT)) {
          target = "≥ 1.5×";
          met = ratioValue == null ? null : ratioValue >= 1.5;
        }
        break;
      case BATCH_SPEEDUP:
        target = "project ≥ 1.8×";
        met = project.map(v -> v.score >= 1.8).orElse(null);
        break;
      case SHORT_US:
        if (peer.equals(DJL)) {
          target = "≤ 0.2×";
          met = ratioValue == null ? null : ratioValue <= 0.2;
        }
        break;
      case LOAD_COLD_MS:
      case LOAD_WARM_MS:
        if (peer.equals(DJL) && loadTarget) {
          target = "≤ 0.5×";
          met = ratioValue == null ? null : ratioValue <= 0.5;
        }
        break;
      case HEAP_MIB:
      case HEAP_USED_MIB:
        if (family.equals("llama-3") && peer.equals(DJL)) {
          target = "project ≤ 64 MiB";
          met = project.map(v -> v.score <= 64).orElse(null);
        }
        break;
      default:
        break;
    }
    if (met != null) {
      target += met ? " ✓" : " ✗";
    }
    return new Row(family, metric, projectCell, peerName(peer), peerCell, ratio, target, met);
  }

  static String peerName(String impl) {
    return impl.equals(DJL) ? "DJL" : impl.equals(JTOKKIT) ? "JTokkit" : impl;
  }

  static String table(List<Row> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| family | metric | project | peer | peer's | project/peer | target |\n");
    out.append("| --- | --- | ---: | --- | ---: | ---: | --- |\n");
    for (Row row : rows) {
      out.append("| ")
          .append(row.family)
          .append(" | ")
          .append(row.metric.title())
          .append(" | ")
          .append(row.project)
          .append(" | ")
          .append(row.peer)
          .append(" | ")
          .append(row.peerValue)
          .append(" | ")
          .append(row.ratio)
          .append(" | ")
          .append(row.target)
          .append(" |\n");
    }
    return out.toString();
  }

  static String markdown(
      Results r, List<Row> rows, String table, Map<String, String> unsupported, Duration took) {
    StringBuilder md = new StringBuilder();
    String now =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    md.append("# Benchmark results\n\n");
    md.append("Written by `Report` (")
        .append(now)
        .append(") from JMH's `benchmarks/target/results.json` and `benchmarks/target/heap.json`;")
        .append(" see [README.md](README.md) for what each benchmark measures. Ratios compare")
        .append(" numbers from the same run.\n\n");

    md.append("## Run\n\n");
    md.append("```bash\n").append(COMMAND).append("\n```\n\n");
    if (took != null) {
      md.append("- Whole suite, build included: ")
          .append(took.toMinutes())
          .append(" min ")
          .append(took.getSeconds() % 60)
          .append(" s\n");
    }
    md.append("- Machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores (nproc), ")
        .append(cpuModel())
        .append(", ")
        .append(memory())
        .append("; ")
        .append(System.getProperty("os.name"))
        .append(" ")
        .append(System.getProperty("os.version"))
        .append(" ")
        .append(System.getProperty("os.arch"))
        .append("\n");
    r.jvm.forEach(
        (k, v) ->
            md.append("- ").append(k).append(": ").append(v.isEmpty() ? NONE : v).append("\n"));
    md.append("- Load average when the report was written (1, 5, 15 min): ")
        .append(loadAverage())
        .append(" — over ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" means other processes competed for the cores during the run.\n\n");

    md.append("## Against the issue's targets\n\n");
    Map<String, List<Row>> byTarget = new LinkedHashMap<>();
    for (Row row : rows) {
      if (!row.target.isEmpty()) {
        String key =
            row.metric.title()
                + (row.peer.equals("JTokkit") ? " vs JTokkit" : "")
                + ": "
                + row.target.replace(" ✓", "").replace(" ✗", "");
        byTarget.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
      }
    }
    byTarget.forEach(
        (target, list) -> {
          List<String> met = new ArrayList<>();
          List<String> missed = new ArrayList<>();
          List<String> notYet = new ArrayList<>();
          List<String> open = new ArrayList<>();
          for (Row row : list) {
            String what = row.family + (row.ratio.equals(NONE) ? "" : " " + row.ratio);
            if (row.metric == Metric.BATCH_SPEEDUP
                || row.metric == Metric.HEAP_MIB
                || row.metric == Metric.HEAP_USED_MIB) {
              what = row.family + " " + row.project;
            }
            if (row.met == null && row.project.equals(NOT_YET)) {
              notYet.add(row.family);
            } else if (row.met == null) {
              open.add(row.family);
            } else if (row.met) {
              met.add(what);
            } else {
              missed.add(what);
            }
          }
          md.append("- ")
              .append(target)
              .append(" — met: ")
              .append(join(met))
              .append("; not met: ")
              .append(join(missed))
              .append("; not yet supported: ")
              .append(join(notYet))
              .append(open.isEmpty() ? "" : "; no measurement: " + join(open))
              .append("\n");
        });
    md.append("\n");

    md.append("## Results\n\n");
    md.append("`±x%`: half the spread between the lowest and highest measured iteration (for cold")
        .append(
            " loads: fork), as a share of the score; JMH's own 99.9% confidence intervals are in")
        .append(" the noise table. Memory is one probe per cell. `")
        .append(NOT_YET)
        .append("`: transformers-java cannot load that family yet (below); the peers were measured")
        .append(" all the same.\n\n");
    md.append(table).append("\n");

    md.append("## Noise\n\n");
    List<Double> errors = new ArrayList<>();
    List<Double> spreads = new ArrayList<>();
    for (Noise n : r.noise) {
      if (!Double.isNaN(n.relativeError())) {
        errors.add(n.relativeError());
      }
      if (!Double.isNaN(n.spread())) {
        spreads.add(n.spread());
      }
    }
    errors.sort(Double::compare);
    spreads.sort(Double::compare);
    if (!errors.isEmpty() && !spreads.isEmpty()) {
      md.append(
          String.format(
              Locale.ROOT,
              "Over %d JMH results: the spread (highest − lowest measured iteration, or fork for"
                  + " cold loads, as a share of the score) has a median of %.0f%% and a worst of"
                  + " %.0f%%; JMH's error (half-width of the 99.9%% confidence interval) has a"
                  + " median of %.0f%% and a worst of %.0f%% — wide by construction with 3 samples"
                  + " (Student's t for 2 degrees of freedom is 31.6).\n\n",
              r.noise.size(),
              100 * spreads.get(spreads.size() / 2),
              100 * spreads.get(spreads.size() - 1),
              100 * errors.get(errors.size() / 2),
              100 * errors.get(errors.size() - 1)));
    }
    md.append("| benchmark | family | impl | score | min – max | spread | JMH error | samples |\n");
    md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (Noise n : r.noise) {
      md.append("| ")
          .append(n.benchmark)
          .append(" | ")
          .append(n.family)
          .append(" | ")
          .append(n.impl)
          .append(" | ")
          .append(number(n.value.score))
          .append(' ')
          .append(n.unit)
          .append(" | ")
          .append(number(n.value.min, n.value.score))
          .append(" – ")
          .append(number(n.value.max, n.value.score))
          .append(" | ")
          .append(
              Double.isNaN(n.spread())
                  ? NONE
                  : String.format(Locale.ROOT, "%.0f%%", 100 * n.spread()))
          .append(" | ")
          .append(Double.isNaN(n.value.error) ? NONE : "± " + number(n.value.error, n.value.score))
          .append(" | ")
          .append(n.value.samples)
          .append(" |\n");
    }
    md.append("\n");

    if (!unsupported.isEmpty()) {
      md.append("## Not yet supported by transformers-java\n\n");
      unsupported.forEach(
          (family, why) ->
              md.append("- ")
                  .append(family)
                  .append(": ")
                  .append(why.replaceFirst("^.*?: ", ""))
                  .append("\n"));
      md.append("\n");
    }
    return md.toString();
  }

  /** One row of the hub-download targets: what is measured, the figure, the target, met or not. */
  static final class DownloadRow {
    final String what;
    final String measured;
    final String target;
    final String verdict;

    DownloadRow(String what, String measured, String target, String verdict) {
      this.what = what;
      this.measured = measured;
      this.target = target;
      this.verdict = verdict;
    }
  }

  static final double DOWNLOAD_RATIO_TARGET = 0.9;
  static final double DOWNLOAD_HEAP_TARGET_MIB = 64;
  static final double SNAPSHOT_SPEEDUP_TARGET = 3;

  /**
   * The three rows of the hub-download targets, from JMH's results ({@link DownloadThroughput},
   * {@link SnapshotSpeed}; either may be null or lack them) and {@link DownloadHeap}'s JSON.
   */
  static List<DownloadRow> downloadRows(JsonNode jmh, JsonNode heap) {
    Map<String, Double> downloadMs = new HashMap<>();
    Map<String, Double> snapshotMs = new HashMap<>();
    if (jmh != null) {
      for (JsonNode b : jmh) {
        String full = b.path("benchmark").asText();
        boolean download = full.endsWith("DownloadThroughput.download");
        if (!download && !full.endsWith("SnapshotSpeed.snapshot")) {
          continue; // the tokenizer rows of a whole-suite run, in other units
        }
        JsonNode primary = b.path("primaryMetric");
        double ms = primary.path("score").asDouble(Double.NaN);
        if (Double.isNaN(ms)) {
          continue;
        }
        ms *= toMicros(primary.path("scoreUnit").asText()) / 1000;
        if (download) {
          downloadMs.put(b.path("params").path("impl").asText(), ms);
        } else {
          // Results from before the cache parameter existed were all on disk.
          String cache = b.path("params").path("cache").asText(SnapshotSpeed.DISK);
          snapshotMs.put(b.path("params").path("workers").asText() + "/" + cache, ms);
        }
      }
    }
    List<DownloadRow> rows = new ArrayList<>();
    Double hub = downloadMs.get("hub");
    Double plain = downloadMs.get("plainHttp");
    String target = "hub ÷ plain ≥ " + DOWNLOAD_RATIO_TARGET;
    String what = "download of 1 GiB on loopback (DownloadThroughput): Hub vs plain java.net.http";
    if (hub != null && plain != null) {
      double mb = DownloadThroughput.SIZE / 1e6;
      double hubMbps = mb / (hub / 1000);
      double plainMbps = mb / (plain / 1000);
      double ratio = hubMbps / plainMbps;
      rows.add(
          new DownloadRow(
              what,
              number(hubMbps) + " MB/s vs " + number(plainMbps) + " MB/s = " + String.format(Locale.ROOT, "%.2f", ratio),
              target,
              verdict(ratio >= DOWNLOAD_RATIO_TARGET)));
    } else {
      rows.add(new DownloadRow(what, NONE, target, NONE));
    }
    what = "heap growth while downloading 2 GiB (DownloadHeap)";
    target = "≤ " + number(DOWNLOAD_HEAP_TARGET_MIB) + " MiB";
    if (heap != null && heap.has("maxGrowthMiB")) {
      double growth = heap.path("maxGrowthMiB").asDouble();
      rows.add(
          new DownloadRow(
              what, number(growth) + " MiB", target, verdict(growth <= DOWNLOAD_HEAP_TARGET_MIB)));
    } else {
      rows.add(new DownloadRow(what, NONE, target, NONE));
    }
    target = "speed-up ≥ " + number(SNAPSHOT_SPEEDUP_TARGET) + "×";
    rows.add(
        snapshotRow(
            "snapshot of 200 × 4 KiB, 5 ms per request (SnapshotSpeed): 4 workers vs 1",
            snapshotMs,
            SnapshotSpeed.DISK,
            target,
            true));
    if (snapshotMs.containsKey("4/" + SnapshotSpeed.MEMORY)) {
      rows.add(
          snapshotRow(
              "the same with the cache on tmpfs (/dev/shm): no inode-creation cost",
              snapshotMs,
              SnapshotSpeed.MEMORY,
              "(context; the target is read on disk)",
              false));
    }
    return rows;
  }

  private static DownloadRow snapshotRow(
      String what, Map<String, Double> snapshotMs, String cache, String target, boolean judged) {
    Double one = snapshotMs.get("1/" + cache);
    Double four = snapshotMs.get("4/" + cache);
    if (one == null || four == null) {
      return new DownloadRow(what, NONE, target, NONE);
    }
    double speedup = one / four;
    String measured =
        number(one) + " ms vs " + number(four) + " ms = " + String.format(Locale.ROOT, "%.2f×", speedup);
    String verdict = judged ? verdict(speedup >= SNAPSHOT_SPEEDUP_TARGET) : NONE;
    return new DownloadRow(what, measured, target, verdict);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "NOT met";
  }

  static String downloadTable(List<DownloadRow> rows) {
    StringBuilder out = new StringBuilder();
    out.append("| what | measured | target | |\n");
    out.append("| --- | ---: | --- | --- |\n");
    for (DownloadRow row : rows) {
      out.append("| ")
          .append(row.what)
          .append(" | ")
          .append(row.measured)
          .append(" | ")
          .append(row.target)
          .append(" | ")
          .append(row.verdict)
          .append(" |\n");
    }
    return out.toString();
  }

  private static String join(List<String> items) {
    return items.isEmpty() ? "none" : String.join(", ", items);
  }

  static Value value(JsonNode metric) {
    double score = metric.path("score").asDouble(Double.NaN);
    double error = metric.path("scoreError").asDouble(Double.NaN);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int samples = 0;
    for (JsonNode fork : metric.path("rawData")) {
      for (JsonNode iteration : fork) {
        double v = iteration.asDouble();
        min = Math.min(min, v);
        max = Math.max(max, v);
        samples++;
      }
    }
    if (samples == 0) {
      min = score;
      max = score;
    }
    return new Value(score, error, min, max, samples);
  }

  /** Factor from a JMH time unit ({@code ms/op}, {@code us/op}, ...) to microseconds. */
  static double toMicros(String unit) {
    String u = unit.replace("/op", "");
    switch (u) {
      case "ns":
        return 1e-3;
      case "us":
        return 1;
      case "ms":
        return 1e3;
      case "s":
        return 1e6;
      case "min":
        return 60e6;
      default:
        throw new IllegalArgumentException("unexpected JMH time unit '" + unit + "'");
    }
  }

  static String number(double v) {
    return number(v, v);
  }

  /** {@code v} with as many decimals as {@code scale} needs for three significant digits. */
  static String number(double v, double scale) {
    double a = Math.abs(scale);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    } else if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    } else if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String cpuModel() {
    return procLine("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
  }

  private static String memory() {
    return procLine("/proc/meminfo", "MemTotal")
        .map(
            kb ->
                String.format(
                    Locale.ROOT,
                    "%.0f GiB RAM",
                    Long.parseLong(kb.replaceAll("\\D", "")) / 1048576.0))
        .orElse("RAM unknown");
  }

  private static String loadAverage() {
    try {
      String[] parts =
          new String(Files.readAllBytes(Paths.get("/proc/loadavg")), StandardCharsets.US_ASCII)
              .split(" ");
      return parts[0] + ", " + parts[1] + ", " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static Optional<String> procLine(String file, String key) {
    try {
      for (String line : Files.readAllLines(Paths.get(file), StandardCharsets.UTF_8)) {
        if (line.startsWith(key)) {
          return Optional.of(line.substring(line.indexOf(':') + 1).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return Optional.empty();
  }
}
