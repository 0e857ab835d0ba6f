package io.offerlab.cli.replay;

import io.offerlab.cli.replay.Replay.JobRow;
import io.offerlab.simcore.Simulations;
import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.Numbers;
import io.offerlab.simcore.results.Results;
import io.offerlab.simcore.results.Results.Distribution;
import io.offerlab.simcore.results.ResultsJson;
import io.offerlab.simcore.results.ResultsKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a replay's jobs.csv, timeseries.csv and results.json in sim-core's one results format. */
final class ReplayResults {
  private ReplayResults() {}

  static void write(Replay.Options o, List<JobRow> jobs, Map<String, String> roles, ReplaySampler sampler,
      ReplayCounters counters, Calibration calibration, double end) {
    try {
      Files.createDirectories(o.out());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + o.out(), e);
    }
    StringBuilder jobsCsv = new StringBuilder(Csv.line(ResultsKeys.JOBS_CSV_COLUMNS)).append('\n');
    for (JobRow j : jobs) {
      double wait = j.firstStart() - j.arrival();
      double jct = "COMPLETED".equals(j.outcome()) ? j.finish() - j.arrival() : Double.NaN;
      jobsCsv.append(Csv.line(List.of(j.id(), j.framework(), j.role(), j.kind(), Numbers.format(j.arrival()),
          Numbers.format(j.firstStart()), Numbers.format(j.finish()), Integer.toString(j.tasks()),
          Integer.toString(j.completed()), Integer.toString(j.failed()), Integer.toString(j.killed()), j.outcome(),
          Numbers.format(wait), Numbers.format(jct), ""))).append('\n');
    }
    AtomicFiles.write(o.out().resolve(ResultsKeys.JOBS_CSV), jobsCsv.toString());

    List<String> names = new ArrayList<>(roles.keySet());
    List<String> header = new ArrayList<>(ResultsKeys.TIMESERIES_COLUMNS);
    names.forEach(n -> header.add(ResultsKeys.SHARE_PREFIX + n));
    names.forEach(n -> header.add(ResultsKeys.CPUS_PREFIX + n));
    StringBuilder ts = new StringBuilder(Csv.line(header)).append('\n');
    List<double[]> rows = sampler.rows();
    double[] shareSum = new double[names.size()];
    double cpuAlloc = 0;
    double memAlloc = 0;
    double jainSum = 0;
    for (double[] r : rows) {
      double cpusTotal = r[1];
      double memTotal = r[2];
      double cpus = 0;
      double mem = 0;
      double[] shares = new double[names.size()];
      for (int f = 0; f < names.size(); f++) {
        cpus += r[5 + 2 * f];
        mem += r[6 + 2 * f];
        shares[f] = Math.max(cpusTotal > 0 ? r[5 + 2 * f] / cpusTotal : 0, memTotal > 0 ? r[6 + 2 * f] / memTotal : 0);
        shareSum[f] += shares[f];
      }
      double jain = jain(shares);
      jainSum += Double.isNaN(jain) ? 0 : jain;
      cpuAlloc += cpusTotal > 0 ? cpus / cpusTotal : 0;
      memAlloc += memTotal > 0 ? mem / memTotal : 0;
      List<String> line = new ArrayList<>(Arrays.asList(Numbers.format(r[0]), Numbers.format(cpusTotal),
          Numbers.format(cpus), Numbers.format(cpus), "0", Numbers.format(memTotal), Numbers.format(mem),
          Numbers.format(mem), "0", "0", "0", "0", "0", Numbers.format(r[3]), Numbers.format(r[4]),
          Numbers.format(jain)));
      for (double s : shares) {
        line.add(Numbers.format(s));
      }
      for (int f = 0; f < names.size(); f++) {
        line.add(Numbers.format(r[5 + 2 * f]));
      }
      ts.append(Csv.line(line)).append('\n');
    }
    AtomicFiles.write(o.out().resolve(ResultsKeys.TIMESERIES_CSV), ts.toString());

    int n = Math.max(1, rows.size());
    List<Double> jcts = new ArrayList<>();
    List<Double> waits = new ArrayList<>();
    long completed = 0;
    long failed = 0;
    long killed = 0;
    long tasksCompleted = 0;
    long tasksFailed = 0;
    long tasksKilled = 0;
    for (JobRow j : jobs) {
      switch (j.outcome()) {
        case "COMPLETED" -> {
          completed++;
          jcts.add(j.finish() - j.arrival());
        }
        case "FAILED" -> failed++;
        case "KILLED" -> killed++;
        default -> {
        }
      }
      if (!Double.isNaN(j.firstStart())) {
        waits.add(j.firstStart() - j.arrival());
      }
      tasksCompleted += j.completed();
      tasksFailed += j.failed();
      tasksKilled += j.killed();
    }
    Results.Utilisation cpu = new Results.Utilisation(cpuAlloc / n, cpuAlloc / n, 0);
    Results.Utilisation mem = new Results.Utilisation(memAlloc / n, memAlloc / n, 0);
    var summary = new Results.Summary(end, cpu, mem, null,
        new Results.JobCounts(jobs.size(), completed, failed, killed, jobs.size() - completed - failed - killed),
        new Results.TaskCounts(counters.launched.get(), tasksCompleted, tasksFailed, tasksKilled, 0),
        distribution(jcts), distribution(waits), jainSum / n,
        new Results.OfferCounts(counters.made.get(), counters.accepted.get(), counters.declined.get(), 0), 0,
        jobs.size() == completed + failed + killed ? "completed" : "stalled", null);
    var isolation = new Results.Isolation("shares", "limit", Double.NaN, Double.NaN, Double.NaN, 0,
        Distribution.EMPTY);
    List<Results.Framework> fws = new ArrayList<>();
    for (int f = 0; f < names.size(); f++) {
      String name = names.get(f);
      List<Double> fj = new ArrayList<>();
      List<Double> fw = new ArrayList<>();
      long fJobs = 0;
      long fDone = 0;
      long fFailed = 0;
      long fTasks = 0;
      long fTasksDone = 0;
      long fTasksFailed = 0;
      long fTasksKilled = 0;
      for (JobRow j : jobs) {
        if (!j.framework().equals(name)) {
          continue;
        }
        fJobs++;
        fTasks += j.completed() + j.failed() + j.killed();
        fTasksDone += j.completed();
        fTasksFailed += j.failed();
        fTasksKilled += j.killed();
        if ("COMPLETED".equals(j.outcome())) {
          fDone++;
          fj.add(j.finish() - j.arrival());
        } else if ("FAILED".equals(j.outcome())) {
          fFailed++;
        }
        if (!Double.isNaN(j.firstStart())) {
          fw.add(j.firstStart() - j.arrival());
        }
      }
      double cpuSeconds = 0;
      for (int k = 1; k < rows.size(); k++) {
        cpuSeconds += rows.get(k - 1)[5 + 2 * f] * (rows.get(k)[0] - rows.get(k - 1)[0]);
      }
      fws.add(new Results.Framework(name, roles.get(name), fJobs, fDone, fFailed, fTasks, fTasksDone, fTasksFailed,
          fTasksKilled, 0, shareSum[f] / n, Double.NaN, end > 0 ? cpuSeconds / end : Double.NaN, cpuSeconds, cpuSeconds, 0,
          0, 0, Map.of(), distribution(fj), distribution(fw), Distribution.EMPTY, null, Double.NaN));
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("replay", Map.of("master", o.master(), "speedup", o.speedup(), "limit", (long) o.limit()));
    Map<String, Object> rates = new LinkedHashMap<>();
    calibration.rates().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> rates.put(e.getKey(), e.getValue()));
    config.put("burnerOpsPerCpuSecond", rates);
    StringBuilder cluster = new StringBuilder();
    List<Results.AgentGroup> groups = new ArrayList<>();
    for (double[] a : calibration.agents().values()) {
      groups.add(new Results.AgentGroup(1, "cpus:" + Numbers.format(a[0]) + ";mem:" + Numbers.format(a[1])));
    }
    cluster.append("real:").append(o.master());
    var run = new Results.Run(o.allocator(), Map.of(), o.workload(), cluster.toString(),
        calibration.agents().size(), groups, 0, config);
    ResultsJson.write(o.out(), new Results(Simulations.VERSION, run, summary, isolation, fws, 0));
  }

  /** Jain's index of the shares: (sum x)^2 / (n sum x^2); NaN when all are 0. */
  private static double jain(double[] x) {
    double s = 0;
    double s2 = 0;
    for (double v : x) {
      s += v;
      s2 += v * v;
    }
    return s2 == 0 ? Double.NaN : s * s / (x.length * s2);
  }

  /** Mean and nearest-rank percentiles. */
  static Distribution distribution(List<Double> values) {
    if (values.isEmpty()) {
      return Distribution.EMPTY;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double mean = Arrays.stream(v).average().orElse(Double.NaN);
    return new Distribution(mean, rank(v, 0.5), rank(v, 0.95), rank(v, 0.99));
  }

  /** The nearest-rank percentile of sorted values. */
  static double rank(double[] sorted, double p) {
    int k = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, k - 1))];
  }
}
