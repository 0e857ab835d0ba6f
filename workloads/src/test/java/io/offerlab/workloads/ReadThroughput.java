package io.offerlab.workloads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures read throughput in rows per second (not a test: run by hand, never timed in the suite).
 *
 * <p>How to run, from the repository root after {@code mvn -pl workloads test-compile}:
 * {@code java -cp workloads/target/classes:workloads/target/test-classes:$(deps) io.offerlab.workloads.ReadThroughput
 * [SPEC] [RUNS]}; the default spec is the shared Google 2011 part. Each run opens the workload, drains every job and
 * divides the rows read by the wall time; the median of the runs is printed last.
 */
public final class ReadThroughput {
  private ReadThroughput() {}

  /** Runs the measurement. */
  public static void main(String[] args) {
    String spec = args.length > 0 ? args[0] : "google2011:" + Path.of("..", "shared", "traces", "google-2011");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    List<Double> rates = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      long t0 = System.nanoTime();
      long rows;
      long jobs;
      try (Workload w = Workloads.open(spec, Map.of())) {
        jobs = w.jobs().count();
        rows = w.skipped().rowsRead();
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      rates.add(rows / secs);
      System.out.printf(Locale.ROOT, "run %d: %d rows, %d jobs in %.3f s = %.0f rows/s%n", r + 1, rows, jobs, secs,
          rows / secs);
    }
    Collections.sort(rates);
    System.out.printf(Locale.ROOT, "median: %.0f rows/s over %d runs%n", rates.get(rates.size() / 2), runs);
  }
}
