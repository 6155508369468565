package ai.boinc.transformers.benchmarks;

import ai.boinc.transformers.hub.DownloadOptions;
import ai.boinc.transformers.hub.Hub;
import ai.boinc.transformers.testkit.HubRepo;
import ai.boinc.transformers.testkit.LocalHub;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Heap used while {@link Hub#download} streams a 2 GiB file — not a JMH score, a probe that writes
 * {@code download-heap.json} for the {@link Report}. The target: the heap stays flat, under
 * 64 MiB of growth.
 *
 * <p>Method, in this JVM: start a {@link LocalHub} with a 2 GiB virtual LFS file and make it hash
 * the file (not measured); settle the heap ({@code System.gc()} until the used heap changes by less
 * than 64 KiB, at most 10 times) and read the used heap (MemoryMXBean) as the baseline; download
 * the file into a fresh cache while a daemon thread reads the used heap every 50 ms; the figure is
 * the largest reading minus the baseline. After the download the heap is settled again and read
 * ({@code retainedAfterMiB}, for information).
 *
 * <p>Garbage not yet collected counts in a reading, and the JDK's HttpClient (and the LocalHub in the
 * same JVM) allocate a short-lived buffer per chunk: 2 GiB of garbage pass through the young
 * generation. With G1 sizing the young generation itself (up to 60% of a 2 GiB heap) the readings
 * would show how far eden was let grow (1,095 MiB in a trial), not what the download keeps. So run
 * it with the young generation fixed at 16 MiB: a reading is then the live heap plus at most 16 MiB
 * of young garbage, and anything the download kept would be promoted and show in full:
 *
 * <pre>
 * java -Xms2g -Xmx2g -Xmn16m -cp benchmarks/target/benchmarks.jar ai.boinc.transformers.benchmarks.DownloadHeap \
 *     [--out benchmarks/target/download-heap.json] [--size-mib 2048]
 * </pre>
 */
public final class DownloadHeap {
  static final String REPO = "bench/huge";
  static final String FILE = "huge.bin";
  static final long SAMPLE_MS = 50;

  private DownloadHeap() {}

  public static void main(String[] args) throws Exception {
    Path out = Paths.get("benchmarks/target/download-heap.json");
    long size = 2L << 30;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out":
          out = Paths.get(args[++i]);
          break;
        case "--size-mib":
          size = Long.parseLong(args[++i]) << 20;
          break;
        default:
          System.err.println("usage: DownloadHeap [--out benchmarks/target/download-heap.json] [--size-mib 2048]");
          System.exit(2);
      }
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Path dir = HubBench.tempDir("download-heap-");
    try (LocalHub local =
        LocalHub.builder().repo(HubRepo.model(REPO).virtualLfsFile(FILE, size, 7).build()).start()) {
      HubBench.resolveOnce(local, REPO, FILE);
      Hub hub = HubBench.hub(local, dir, 1);
      long baseline = settle(memory);
      AtomicLong max = new AtomicLong(baseline);
      AtomicLong samples = new AtomicLong();
      Thread sampler =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  long used = memory.getHeapMemoryUsage().getUsed();
                  max.accumulateAndGet(used, Math::max);
                  samples.incrementAndGet();
                  try {
                    Thread.sleep(SAMPLE_MS);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "heap-sampler");
      sampler.setDaemon(true);
      long started = System.nanoTime();
      sampler.start();
      Path file = hub.download(REPO, FILE, DownloadOptions.builder().forceDownload(true).build());
      sampler.interrupt();
      sampler.join();
      max.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      double seconds = (System.nanoTime() - started) / 1e9;
      double retainedMib = (settle(memory) - baseline) / (1024.0 * 1024.0);
      long got = Files.size(file);
      if (got != size) {
        throw new IllegalStateException(file + ": " + got + " bytes, expected " + size);
      }
      double growthMib = (max.get() - baseline) / (1024.0 * 1024.0);
      ObjectNode json = new ObjectMapper().createObjectNode();
      json.put("fileBytes", size);
      json.put("baselineHeapBytes", baseline);
      json.put("maxHeapBytes", max.get());
      json.put("maxGrowthMiB", growthMib);
      json.put("samples", samples.get());
      json.put("sampleMillis", SAMPLE_MS);
      json.put("seconds", seconds);
      json.put("retainedAfterMiB", retainedMib);
      json.put("maxHeapSetting", memory.getHeapMemoryUsage().getMax());
      json.put("jvmArgs", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), json);
      System.out.printf(
          "download of %d MiB in %.1f s: heap growth at most %.1f MiB over a baseline of %.1f MiB"
              + " (%d samples), %.1f MiB after the download and a GC%n",
          size >> 20, seconds, growthMib, baseline / (1024.0 * 1024.0), samples.get(), retainedMib);
      System.out.println("written to " + out);
    } finally {
      HubBench.delete(dir);
    }
  }

  private static long settle(MemoryMXBean memory) {
    long previous = Long.MAX_VALUE;
    long used = memory.getHeapMemoryUsage().getUsed();
    for (int i = 0; i < 10 && Math.abs(previous - used) >= 64 * 1024; i++) {
      previous = used;
      System.gc();
      used = memory.getHeapMemoryUsage().getUsed();
    }
    return used;
  }
}
