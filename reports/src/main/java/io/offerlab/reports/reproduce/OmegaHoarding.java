package io.offerlab.reports.reproduce;

import io.offerlab.reports.stats.PairedInterval;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.results.AtomicFiles;
import io.offerlab.simcore.results.Numbers;
import io.offerlab.simcore.results.Results;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code offerlab reproduce omega-hoarding}: the Mesos experiment of the Omega paper (Schwarzkopf et al., "Omega:
 * flexible, scalable schedulers for large compute clusters", EuroSys 2013, section 4, its Mesos experiment, and
 * Figure 7; the remedy as docs/allocators.md cites it): a batch framework and a service framework share a cluster
 * under Mesos' whole-agent offers; as the service scheduler's per-job decision time tJob grows from 0.1 s to 100 s it
 * holds the offers it is deciding on, and the batch framework starves. Fair-share-sized offers ({@code drf-sized})
 * are the paper's suggested remedy; both are run side by side.
 *
 * <p>The workload (written per seed to {@code workloads/}) follows the paper's description of its two job classes:
 * batch jobs are many and small, service jobs few, larger and long-running. Batch: Poisson arrivals every
 * {@value #BATCH_GAP} s on average for {@value #ARRIVALS} s, 1 + geometric(mean 9) tasks of &lt;1 CPU, 2 GB&gt;,
 * log-normal durations (median 60 s, sigma 0.8). Service: arrivals every {@value #SERVICE_GAP} s on average, 5 to 20
 * tasks of &lt;1 CPU, 2 GB&gt; running 1,800 to 3,600 s. The batch scheduler decides with the paper's batch
 * parameters (tJob 0.1 s, tTask 5 ms); the service scheduler's tJob is swept, its tTask 5 ms. The run stops at
 * {@value #END} s.
 *
 * <p><b>Scheduler busyness</b> is the fraction of the run during which a framework's scheduler was deciding: the sum
 * of its decisions' durations (tJob x jobs placed, at least one when it had work, plus tTask x tasks placed, the
 * Omega model) over the makespan, cut at the end of the run (results.json {@code schedulerBusySeconds}).
 */
final class OmegaHoarding {
  static final double BATCH_GAP = 20;
  static final int BATCH_TASKS = 150;
  static final double SERVICE_GAP = 600;
  static final int ARRIVALS = 3600;
  static final int END = 5400;
  static final String CLUSTER = "uniform:50:cpus:8;mem:16384";
  static final double[] T_JOB = {0.1, 1, 10, 100};
  static final List<String> ALLOCATORS = List.of("drf", "drf-sized");

  private OmegaHoarding() {}

  static List<ReproTable> run(Path dir, List<Long> seeds, int threads) {
    for (long seed : seeds) {
      writeWorkload(dir.resolve("workloads").resolve("seed-" + seed + ".jsonl"), seed);
    }
    List<SeedRuns.Item> items = new ArrayList<>();
    for (double tJob : T_JOB) {
      Path config = dir.resolve("config-tjob-" + label(tJob) + ".yaml");
      AtomicFiles.write(config, String.format(Locale.ROOT, """
          # offerlab reproduce omega-hoarding: the service scheduler's tJob is %s s
          frameworks:
            batch: {tJob: 0.1s, tTask: 5ms}
            service: {tJob: %ss, tTask: 5ms}
          metrics: {sampleInterval: 60s, probeInterval: 10s}
          simulation: {endTime: %ds}
          """, label(tJob), label(tJob), END));
      for (String allocator : ALLOCATORS) {
        for (long seed : seeds) {
          items.add(new SeedRuns.Item(new RunSpec("native:" + dir.resolve("workloads").resolve("seed-" + seed
              + ".jsonl"), Map.of(), allocator, CLUSTER, config, seed), folder(dir, tJob, allocator, seed)));
        }
      }
    }
    List<Results> results = SeedRuns.run(items, threads);
    List<List<String>> rows = new ArrayList<>();
    Map<String, double[]> waitSeries = new LinkedHashMap<>();
    Map<String, double[]> busySeries = new LinkedHashMap<>();
    int k = 0;
    int n = seeds.size();
    double[] wholeWait = new double[n];
    for (int t = 0; t < T_JOB.length; t++) {
      for (String allocator : ALLOCATORS) {
        double[] wait = new double[n];
        double[] busy = new double[n];
        double[] serviceBusy = new double[n];
        double[] done = new double[n];
        for (int s = 0; s < n; s++) {
          Results r = results.get(k++);
          Results.Framework batch = SeedRuns.framework(r, "batch");
          Results.Framework service = SeedRuns.framework(r, "service");
          double makespan = r.summary().makespanSeconds();
          wait[s] = batch.jobWaitSeconds().mean();
          busy[s] = batch.schedulerBusySeconds() / makespan;
          serviceBusy[s] = service.schedulerBusySeconds() / makespan;
          done[s] = batch.jobs() > 0 ? batch.jobsCompleted() / (double) batch.jobs() : Double.NaN;
        }
        PairedInterval w = mean(wait);
        PairedInterval b = mean(busy);
        String paired = "";
        if (allocator.equals(ALLOCATORS.get(0))) {
          wholeWait = wait;
        } else {
          paired = StrategyProbe.interval(PairedInterval.difference(wholeWait, wait));
        }
        rows.add(List.of(label(T_JOB[t]), allocator, StrategyProbe.interval(w), paired, StrategyProbe.interval(b),
            StrategyProbe.interval(mean(serviceBusy)), StrategyProbe.interval(mean(done))));
        String legend = allocator.equals("drf") ? "drf (whole agents)" : allocator + " (fair-share-sized offers)";
        waitSeries.computeIfAbsent(legend, a -> new double[T_JOB.length])[t] = w.estimate();
        busySeries.computeIfAbsent(legend, a -> new double[T_JOB.length])[t] = b.estimate();
      }
    }
    ReproCharts.lines(dir.resolve("batch-wait.png"), "Omega's Mesos experiment: batch job wait vs service tJob",
        "service scheduler tJob (s, log scale)", "mean batch job wait (s)", true, T_JOB, waitSeries);
    ReproCharts.lines(dir.resolve("batch-busyness.png"),
        "Omega's Mesos experiment: batch scheduler busyness vs service tJob", "service scheduler tJob (s, log scale)",
        "batch scheduler busyness", true, T_JOB, busySeries);
    return List.of(new ReproTable("sweep", "Offer hoarding: batch job wait and scheduler busyness against the service "
        + "scheduler's tJob", List.of("service tJob (s)", "allocator", "batch job wait, mean (s)",
            "wait change vs drf, paired (s)", "batch scheduler busyness", "service scheduler busyness",
            "batch jobs completed (fraction)"), rows,
        "Omega paper, section 4 (its Mesos experiment) and Figure 7: as tJob(service) grows, whole-agent offers stay "
            + "locked while the service scheduler decides, the batch scheduler keeps receiving too little, and its "
            + "busyness and job wait grow, with batch jobs abandoned at tJob = 100 s; the paper shows these as "
            + "curves, not numbers. `drf` offers whole agents (Mesos); `drf-sized` offers each framework its fair "
            + "share (the paper's suggested remedy). Means over seeds " + seeds + " with 95% t intervals; busyness "
            + "is the fraction of the run the scheduler spent deciding."));
  }

  private static Path folder(Path dir, double tJob, String allocator, long seed) {
    return dir.resolve("tjob-" + label(tJob)).resolve(allocator).resolve("seed-" + seed);
  }

  private static String label(double tJob) {
    return Numbers.format(tJob);
  }

  private static PairedInterval mean(double[] v) {
    return PairedInterval.difference(new double[v.length], v);
  }

  /** Writes the batch and service jobs of one seed, in arrival order. */
  static void writeWorkload(Path file, long seed) {
    SplittableRandom batchRandom = new SplittableRandom(seed * 31 + 1);
    SplittableRandom serviceRandom = new SplittableRandom(seed * 31 + 2);
    List<double[]> arrivals = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    double t = exponential(batchRandom, BATCH_GAP);
    int i = 0;
    while (t < ARRIVALS) {
      StringBuilder job = new StringBuilder();
      int tasks = 1 + geometric(batchRandom, BATCH_TASKS - 1);
      job.append("{\"id\": \"batch-").append(i++).append("\", \"framework\": \"batch\", \"arrival\": ")
          .append(Numbers.fixed(t, 3)).append(", \"tasks\": [");
      for (int k = 0; k < tasks; k++) {
        double d = Math.max(1, 30 * Math.exp(0.5 * batchRandom.nextGaussian()));
        job.append(k == 0 ? "" : ", ").append("{\"cpus\": 1, \"memMb\": 2048, \"duration\": ")
            .append(Numbers.fixed(d, 3)).append('}');
      }
      lines.add(job.append("]}").toString());
      arrivals.add(new double[] {t, lines.size() - 1});
      t += exponential(batchRandom, BATCH_GAP);
    }
    t = exponential(serviceRandom, SERVICE_GAP);
    i = 0;
    while (t < ARRIVALS) {
      int tasks = 2 + serviceRandom.nextInt(7);
      double d = 1800 + serviceRandom.nextInt(1801);
      lines.add("{\"id\": \"service-" + i++ + "\", \"framework\": \"service\", \"kind\": \"service\", \"arrival\": "
          + Numbers.fixed(t, 3) + ", \"tasks\": [{\"count\": " + tasks + ", \"cpus\": 1, \"memMb\": 2048, "
          + "\"duration\": " + Numbers.fixed(d, 3) + "}]}");
      arrivals.add(new double[] {t, lines.size() - 1});
      t += exponential(serviceRandom, SERVICE_GAP);
    }
    arrivals.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
    StringBuilder out = new StringBuilder();
    for (double[] a : arrivals) {
      out.append(lines.get((int) a[1])).append('\n');
    }
    AtomicFiles.write(file, out.toString());
  }

  private static double exponential(SplittableRandom r, double mean) {
    return -mean * Math.log(1 - r.nextDouble());
  }

  private static int geometric(SplittableRandom r, double mean) {
    double p = 1 / (1 + mean);
    return (int) Math.floor(Math.log(1 - r.nextDouble()) / Math.log(1 - p));
  }
}
