package io.offerlab.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offerlab.simcore.results.Json;
import io.offerlab.simcore.results.Numbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes results files that follow docs/results-schema.md, for tests of the code that reads them. A run's job
 * completion times are the fixture's base times divided by {@code speed}, so speedups between runs are known exactly.
 */
public final class Fixtures {
  /** The task counts of the fixture's jobs, cycled; they fall into several of the DRF paper's size bins. */
  public static final int[] TASKS = {1, 5, 20, 80, 300, 1500};
  public static final int JOBS = 120;
  public static final int ROWS = 90;

  private Fixtures() {}

  /** Returns the fixture's framework names: fw-00, fw-01, ... */
  public static List<String> frameworks(int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(String.format(Locale.ROOT, "fw-%02d", i));
    }
    return names;
  }

  /** Returns the fixture's base completion time of job {@code i} (before dividing by speed). */
  public static double baseJct(int i) {
    return 30 + 7 * (i % 13) + TASKS[i % TASKS.length] / 10.0;
  }

  /** Writes a run folder with the four files; utilisation grows with speed so allocators differ. */
  public static Path writeRun(Path folder, String allocator, double speed, int frameworkCount) throws IOException {
    Files.createDirectories(folder);
    List<String> fws = frameworks(frameworkCount);
    Random random = new Random(42);
    double cpusTotal = 384;
    double memTotal = 96 * 15360.0;
    double util = Math.min(0.95, 0.4 * speed);
    StringBuilder ts = new StringBuilder("time_s,cpus_total,cpus_allocated,cpus_used,cpus_offered,mem_total,"
        + "mem_allocated,mem_used,mem_offered,gpus_total,gpus_allocated,gpus_used,gpus_offered,tasks_running,"
        + "tasks_pending,jain");
    fws.forEach(fw -> ts.append(",share:").append(fw));
    fws.forEach(fw -> ts.append(",cpus:").append(fw));
    ts.append('\n');
    for (int r = 0; r < ROWS; r++) {
      double wave = 0.5 + 0.5 * Math.sin(r / 9.0 + speed);
      double allocated = cpusTotal * util * (0.6 + 0.4 * wave);
      double[] weights = new double[fws.size()];
      double sum = 0;
      for (int k = 0; k < weights.length; k++) {
        weights[k] = 1 + k + 3 * random.nextDouble();
        sum += weights[k];
      }
      double jainNum = 0;
      double jainDen = 0;
      List<String> shares = new ArrayList<>();
      List<String> cpus = new ArrayList<>();
      for (double w : weights) {
        double c = allocated * w / sum;
        double share = c / cpusTotal;
        jainNum += share;
        jainDen += share * share;
        shares.add(Numbers.format(share));
        cpus.add(Numbers.format(c));
      }
      double jain = jainNum * jainNum / (weights.length * jainDen);
      List<String> row = new ArrayList<>(List.of(Numbers.format(60.0 * (r + 1)), Numbers.format(cpusTotal),
          Numbers.format(allocated), Numbers.format(allocated * 0.8), Numbers.format(cpusTotal * 0.02 * wave),
          Numbers.format(memTotal), Numbers.format(memTotal * util * 0.7), Numbers.format(memTotal * util * 0.5),
          Numbers.format(memTotal * 0.01), "0", "0", "0", "0", Integer.toString(100 + r), Integer.toString(r % 7),
          Numbers.format(jain)));
      row.addAll(shares);
      row.addAll(cpus);
      ts.append(String.join(",", row)).append('\n');
    }
    Files.writeString(folder.resolve("timeseries.csv"), ts);

    StringBuilder jobs = new StringBuilder("job_id,framework,role,kind,arrival_s,first_start_s,finish_s,tasks,"
        + "tasks_completed,tasks_failed,tasks_killed,outcome,wait_s,jct_s\n");
    for (int i = 0; i < JOBS; i++) {
      String fw = fws.get(i % fws.size());
      double arrival = 30.0 * i;
      int tasks = TASKS[i % TASKS.length];
      double wait = (i % 5) * 2 / speed;
      double jct = baseJct(i) / speed;
      boolean unfinished = i == JOBS - 1;
      jobs.append(String.join(",", "job-" + i, fw, fw, "batch", Numbers.format(arrival),
          Numbers.format(arrival + wait), unfinished ? "" : Numbers.format(arrival + jct), Integer.toString(tasks),
          Integer.toString(unfinished ? 0 : tasks), "0", "0", unfinished ? "UNFINISHED" : "COMPLETED",
          Numbers.format(wait), unfinished ? "" : Numbers.format(jct))).append('\n');
    }
    Files.writeString(folder.resolve("jobs.csv"), jobs);

    ObjectNode root = Json.mapper().createObjectNode();
    root.put("offerlab", "0.1.0-SNAPSHOT");
    ObjectNode run = root.putObject("run");
    run.put("allocator", allocator);
    run.putObject("allocatorOptions").put("refuseSeconds", 5.0);
    run.put("workload", "synthetic:fixture");
    run.put("cluster", "uniform:96:cpus:4;mem:15360");
    run.put("seed", 1);
    run.putObject("config").putObject("metrics").put("sampleInterval", 60);
    ObjectNode summary = root.putObject("summary");
    summary.put("makespanSeconds", 60.0 * ROWS);
    ObjectNode u = summary.putObject("utilisation");
    u.putObject("cpus").put("allocated", util * 0.8).put("used", util * 0.64).put("offered", 0.01);
    u.putObject("mem").put("allocated", util * 0.7).put("used", util * 0.5).put("offered", 0.01);
    summary.putObject("jobs").put("submitted", JOBS).put("completed", JOBS - 1).put("failed", 0).put("killed", 0)
        .put("unfinished", 1);
    summary.putObject("tasks").put("launched", 5000).put("completed", 4990).put("failed", 5).put("killed", 0)
        .put("lost", 5);
    summary.putObject("jobCompletionSeconds").put("mean", 60 / speed).put("p50", 40 / speed).put("p95", 200 / speed)
        .put("p99", 300 / speed);
    summary.putObject("jobWaitSeconds").put("mean", 4 / speed).put("p50", 4 / speed).put("p95", 8 / speed)
        .put("p99", 8 / speed);
    summary.putObject("fairness").put("jainDominantShare", 0.9);
    summary.putObject("offers").put("made", Math.round(1000 * speed)).put("accepted", Math.round(800 * speed))
        .put("declined", Math.round(190 * speed)).put("rescinded", 10);
    ArrayNode frameworks = root.putArray("frameworks");
    for (int k = 0; k < fws.size(); k++) {
      ObjectNode f = frameworks.addObject();
      f.put("name", fws.get(k)).put("role", fws.get(k)).put("jobs", JOBS / fws.size())
          .put("jobsCompleted", JOBS / fws.size()).put("tasksLaunched", 100).put("meanDominantShare", 0.1 + k * 0.01)
          .put("meanCpus", 10.0 + k);
      f.putObject("jobCompletionSeconds").put("mean", 50.0 / speed).put("p50", 30.0).put("p95", 150.0)
          .put("p99", 250.0);
      f.putObject("jobWaitSeconds").put("mean", 1.0).put("p50", 0.5).put("p95", 4.0).put("p99", 6.0);
    }
    Files.writeString(folder.resolve("results.json"),
        Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    Files.writeString(folder.resolve("perf.json"), "{\"wallSeconds\": 0.5, \"events\": 12000, \"eventsPerSecond\": "
        + "24000.0, \"allocatorNanosPerCycle\": {\"mean\": 1200.0}, \"peakHeapBytes\": 64000000}\n");
    return folder;
  }
}
