package ai.boinc.transformers.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Memory kept by a loaded tokenizer — not a JMH score, a probe that runs each tokenizer in a JVM of
 * its own and writes {@code heap.json} for the {@link Report}.
 *
 * <p>Method, per family and implementation, in a fresh JVM ({@code -Xms2g -Xmx2g}, G1, {@code
 * -XX:TieredStopAtLevel=1}, {@code MALLOC_ARENA_MAX=1}): settle the heap ({@code System.gc()} until
 * the used heap changes by less than 64 KiB, at most 10 times), then read three figures; load the
 * tokenizer; settle and read again; then encode the 1 MB corpus prefix and read the heap once more
 * (tables built on first use and filled caches). The growths are reported:
 *
 * <ul>
 *   <li><em>heap</em>: used Java heap (MemoryMXBean) — the retained heap of the target;
 *   <li><em>heap after use</em>: the same after the encode;
 *   <li><em>native</em>: bytes in use by C's {@code malloc} ({@link Malloc}; glibc only) — DJL's
 *       Rust tokenizer lives there, so without it DJL would look free;
 *   <li><em>metaspace</em>: class metadata (the "Metaspace" memory pool) of the classes that
 *       loading needed.
 * </ul>
 *
 * <p>The JIT stops at C1: C2 keeps tens of MiB of {@code malloc}'d compiler arenas after compiling
 * a loader (22–32 MiB in a trial), which would pass for the tokenizer's native memory; C1 keeps
 * about 2 MiB, and neither changes what the heap holds. The native reading also waits until it is
 * steady. The tokenizer stays reachable until after the second reading. Not counted: the pages of
 * DJL's native library file and of compiled code.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar ai.boinc.transformers.benchmarks.RetainedHeap \
 *     [--out benchmarks/target/heap.json] [--families llama-3,gpt2] [--heap 2g]
 * </pre>
 */
public final class RetainedHeap {
  private static final String CHILD = "--child";
  private static final String[] PASSED_PROPERTIES = {
    "benchmarks.shared", "transformers.root", "ai.djl.offline", "OPT_OUT_TRACKING"
  };

  private RetainedHeap() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals(CHILD)) {
      child(args[1], args[2]);
      return;
    }
    Path out = Paths.get("benchmarks/target/heap.json");
    List<String> families = Families.ALL;
    String heap = "2g";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out":
          out = Paths.get(args[++i]);
          break;
        case "--families":
          families = Arrays.asList(args[++i].split(","));
          break;
        case "--heap":
          heap = args[++i];
          break;
        default:
          System.err.println(
              "usage: RetainedHeap [--out benchmarks/target/heap.json] [--families a,b] [--heap"
                  + " 2g]");
          System.exit(2);
      }
    }
    ObjectMapper json = new ObjectMapper();
    ArrayNode results = json.createArrayNode();
    for (String family : families) {
      List<String> impls = new ArrayList<>(Arrays.asList("project", "djl"));
      if (family.equals(Families.O200K)) {
        impls.add("jtokkit");
      }
      for (String impl : impls) {
        ObjectNode row = runChild(json, heap, impl, family);
        results.add(row);
        System.out.println(describe(row));
      }
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
    System.out.println("retained heap written to " + out);
  }

  private static String describe(ObjectNode row) {
    String head =
        String.format("%-18s %-8s ", row.path("family").asText(), row.path("impl").asText());
    if (!row.path("status").asText().equals("ok")) {
      return head + row.path("status").asText() + ": " + row.path("message").asText();
    }
    return head
        + String.format(
            "heap %7.1f MiB, native %7.1f MiB, metaspace %5.1f MiB",
            row.path("heapBytes").asLong() / 1048576.0,
            row.path("nativeBytes").asLong() / 1048576.0,
            row.path("metaspaceBytes").asLong() / 1048576.0);
  }

  private static ObjectNode runChild(ObjectMapper json, String heap, String impl, String family)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms" + heap);
    command.add("-Xmx" + heap);
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseG1GC");
    for (String name : PASSED_PROPERTIES) {
      String value = System.getProperty(name);
      if (value != null) {
        command.add("-D" + name + "=" + value);
      }
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(RetainedHeap.class.getName());
    command.add(CHILD);
    command.add(impl);
    command.add(family);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("MALLOC_ARENA_MAX", "1"); // Malloc counts the main arena only
    Process process = builder.start();
    String last = null;
    StringBuilder all = new StringBuilder();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        all.append(line).append('\n');
        if (line.startsWith("{")) {
          last = line;
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || last == null) {
      ObjectNode row = json.createObjectNode();
      row.put("family", family);
      row.put("impl", impl);
      row.put("status", "failed");
      row.put("message", "child JVM exited with " + exit + ": " + all.toString().trim());
      return row;
    }
    return (ObjectNode) json.readTree(last);
  }

  private static void child(String impl, String family) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode row = json.createObjectNode();
    row.put("family", family);
    row.put("impl", impl);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    MemoryPoolMXBean metaspace = metaspace();
    // The corpus is read first, so that its strings are not counted as the tokenizer's.
    List<String> corpus = Corpus.prefix(1_000_000);
    settledHeap(memory); // loads what the measurement itself uses
    Malloc.inUse();
    long heapBefore = settledHeap(memory);
    long nativeBefore = settledNative();
    long metaBefore = metaspace == null ? -1 : metaspace.getUsage().getUsed();
    Encoder encoder;
    long start = System.nanoTime();
    try {
      encoder = Encoders.load(impl, family);
    } catch (NotSupportedYet e) {
      row.put("status", "not yet supported");
      row.put("message", e.getMessage());
      System.out.println(json.writeValueAsString(row));
      return;
    }
    long loadNanos = System.nanoTime() - start;
    long heapAfter = settledHeap(memory);
    long nativeAfter = settledNative();
    long metaAfter = metaspace == null ? -1 : metaspace.getUsage().getUsed();
    row.put("status", "ok");
    row.put("heapBytes", heapAfter - heapBefore);
    row.put("nativeBytes", nativeBefore < 0 ? -1 : nativeAfter - nativeBefore);
    row.put("metaspaceBytes", metaBefore < 0 ? -1 : metaAfter - metaBefore);
    row.put("loadMillis", loadNanos / 1e6);
    // Then in use: tables built on first use, caches filled, and pool work of the first encode
    // (a byte-level BPE learns which tokens merge to themselves) given time to finish.
    for (String doc : corpus) {
      encoder.encode(doc);
    }
    Thread.sleep(2000);
    row.put("heapAfterUseBytes", settledHeap(memory) - heapBefore);
    row.put("jvm", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    Reference.reachabilityFence(encoder);
    System.out.println(json.writeValueAsString(row));
    encoder.close();
  }

  /**
   * Reads {@link Malloc#inUse()} every 100 ms until it changes by less than 256 KiB, at most 20
   * times: the JIT compiler threads hold memory from {@code malloc} while they compile, which is
   * not the tokenizer's.
   */
  static long settledNative() throws InterruptedException {
    long used = Malloc.inUse();
    for (int i = 0; i < 20 && used >= 0; i++) {
      Thread.sleep(100);
      long now = Malloc.inUse();
      if (Math.abs(now - used) < 256 * 1024) {
        return Math.min(now, used);
      }
      used = now;
    }
    return used;
  }

  /** Runs full collections until the used heap changes by less than 64 KiB, at most 10 times. */
  static long settledHeap(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(20);
      long now = memory.getHeapMemoryUsage().getUsed();
      if (Math.abs(now - used) < 64 * 1024) {
        return now;
      }
      used = now;
    }
    return used;
  }

  private static MemoryPoolMXBean metaspace() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals("Metaspace")) {
        return pool;
      }
    }
    return null;
  }
}
