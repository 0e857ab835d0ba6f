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
 * {@code offerlab reproduce drf-paper}: the examples of the DRF paper (Ghodsi et al., "Dominant Resource Fairness: Fair
 * Allocation of Multiple Resource Types", NSDI 2011), each measured from simulations (over seeds, with 95% t
 * intervals) and from the solvers of {@link FairShares}, beside the paper's numbers:
 * <ol>
 *   <li>the worked example (section 4): 9 CPUs, 18 GB; A &lt;1 CPU, 4 GB&gt;, B &lt;3 CPUs, 1 GB&gt;. DRF A 3, B 2;
 *       asset fairness 2.52 and 2.16 (section 2); CEEI 45/11 and 18/11 (section 3); slots (not in the paper) as a
 *       fourth answer, so that the four differ;</li>
 *   <li>asset fairness violating sharing incentive (section 2): 30 CPUs, 30 GB; A &lt;1, 3&gt;, B &lt;1, 1&gt;: A 6,
 *       B 12 where B's static half runs 15, and the sharing-incentive probe must say so;</li>
 *   <li>the strategy-proofness probe on the worked example ({@link StrategyProbe}).</li>
 * </ol>
 * Each framework submits one job of {@value #TASKS} tasks at time 0 (demand never runs out); task durations are drawn
 * uniformly from 60 to 180 s by the seed, so tasks end and are replaced throughout the {@value #END_SECONDS} s run.
 * Frameworks launch one task per offer ({@code maxTasksPerOffer: 1}, as synthetic:drf-example does), so each cycle's
 * offer goes to the client the allocator ranks first, which is the progressive filling of the paper. Tasks counted
 * are the steady state: the mean of the time series over the second half of the run.
 */
final class DrfPaper {
  static final int TASKS = 400;
  static final int END_SECONDS = 1200;
  static final String CONFIG = """
      # offerlab reproduce drf-paper: one task per offer, so that each allocation cycle is one progressive-filling step
      frameworks: {default: {tJob: 0s, tTask: 0s, maxTasksPerOffer: 1}}
      # slots of <1 CPU, 1 GB>: not proportional to the cluster, so that slots differ from DRF (docs/reproduce.md)
      allocator: {slotSize: "cpus:1;mem:1024"}
      metrics: {sampleInterval: 10s, probeInterval: 10s}
      simulation: {endTime: %ds}
      """.formatted(END_SECONDS);
  static final String EXAMPLE_CLUSTER = "uniform:1:cpus:9;mem:18432";
  static final String VIOLATION_CLUSTER = "uniform:1:cpus:30;mem:30720";

  private DrfPaper() {}

  /** Runs every part into {@code dir} and returns the tables. */
  static List<ReproTable> run(Path dir, List<Long> seeds, int threads) {
    Path config = dir.resolve("config.yaml");
    AtomicFiles.write(config, CONFIG);
    for (long seed : seeds) {
      writeWorkload(dir.resolve("workloads").resolve("example-seed-" + seed + ".jsonl"), seed, 1, 4096, 3, 1024);
      writeWorkload(dir.resolve("workloads").resolve("violation-seed-" + seed + ".jsonl"), seed, 1, 3072, 1, 1024);
    }
    List<ReproTable> tables = new ArrayList<>();
    tables.add(example(dir, config, seeds, threads, 1));
    tables.add(example(dir, config, seeds, threads, 10));
    tables.add(violation(dir, config, seeds, threads));
    List<StrategyProbe.Row> probe = StrategyProbe.run(new StrategyProbe.Request(
        "native:" + dir.resolve("workloads").toAbsolutePath() + "/example-seed-{seed}.jsonl", Map.of(),
        List.of("drf", "asset", "slots"), EXAMPLE_CLUSTER, config, seeds), dir.resolve("strategy"), threads);
    tables.add(StrategyProbe.table("strategy", "Strategy-proofness probe on the worked example", probe, seeds));
    tables.add(computedStrategy());
    return tables;
  }

  private static void writeWorkload(Path file, long seed, double aCpus, double aMem, double bCpus, double bMem) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder();
    for (String[] fw : new String[][] {{"A", num(aCpus), num(aMem)}, {"B", num(bCpus), num(bMem)}}) {
      out.append("{\"id\": \"").append(fw[0].toLowerCase(Locale.ROOT)).append("\", \"framework\": \"").append(fw[0])
          .append("\", \"arrival\": 0, \"tasks\": [");
      for (int i = 0; i < TASKS; i++) {
        out.append(i == 0 ? "" : ", ").append("{\"cpus\": ").append(fw[1]).append(", \"memMb\": ").append(fw[2])
            .append(", \"duration\": ").append(60 + random.nextInt(121)).append('}');
      }
      out.append("]}\n");
    }
    AtomicFiles.write(file, out.toString());
  }

  private static String num(double v) {
    return Numbers.format(v);
  }

  private static RunSpec spec(Path dir, String which, String allocator, String cluster, Path config, long seed) {
    return new RunSpec("native:" + dir.resolve("workloads").resolve(which + "-seed-" + seed + ".jsonl"), Map.of(),
        allocator, cluster, config, seed);
  }

  /** Runs each allocator on every seed; returns the run folders, allocator-major. */
  private static Map<String, List<Path>> simulate(Path dir, String workload, String which, List<String> allocators,
      String cluster, Path config, List<Long> seeds, int threads) {
    List<SeedRuns.Item> items = new ArrayList<>();
    Map<String, List<Path>> folders = new LinkedHashMap<>();
    for (String allocator : allocators) {
      for (long seed : seeds) {
        Path folder = dir.resolve(which).resolve(allocator).resolve("seed-" + seed);
        items.add(new SeedRuns.Item(spec(dir, workload, allocator, cluster, config, seed), folder));
        folders.computeIfAbsent(allocator, a -> new ArrayList<>()).add(folder);
      }
    }
    SeedRuns.run(items, threads);
    return folders;
  }

  /** Returns the steady-state tasks of a framework over the seeds' runs, with its interval. */
  private static PairedInterval tasks(List<Path> folders, String framework, double taskCpus) {
    double[] v = new double[folders.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = SeedRuns.steadyMean(folders.get(i), "cpus:" + framework) / taskCpus;
    }
    return PairedInterval.difference(new double[v.length], v);
  }

  /** The worked example, its capacities times {@code scale} (one agent): scale 10 lets whole tasks show the split. */
  private static ReproTable example(Path dir, Path config, List<Long> seeds, int threads, int scale) {
    double[][] demand = {{1, 4}, {3, 1}};
    double[] capacity = {9 * scale, 18 * scale};
    String which = scale == 1 ? "example" : "example-x" + scale;
    String cluster = "uniform:1:cpus:" + 9 * scale + ";mem:" + 18432 * scale;
    Map<String, List<Path>> runs = simulate(dir, "example", which, List.of("drf", "asset", "slots"), cluster, config,
        seeds, threads);
    List<List<String>> rows = new ArrayList<>();
    String sim = "simulated, seeds " + seeds;
    String x = scale == 1 ? "" : scale + " x ";
    rows.add(simRow("DRF (`drf`)", sim, runs.get("drf"), x + "3", x + "2"));
    rows.add(computedRow("DRF", "progressive filling on dominant shares", FairShares.drf(demand, capacity),
        x + "3", x + "2"));
    rows.add(simRow("asset fairness (`asset`)", sim, runs.get("asset"), x + "2.52 (fractional)",
        x + "2.16 (fractional)"));
    rows.add(computedRow("asset fairness", "progressive filling on summed shares",
        FairShares.asset(demand, capacity), x + "2.52", x + "2.16"));
    // Under slots a task holds its whole slots: A's <1 CPU, 4 GB> is 4 slots of <1 CPU, 1 GB>, 4 CPUs; B's 3, 3 CPUs.
    rows.add(simRow("slots (`slots`, slot <1 CPU, 1 GB>)", sim, runs.get("slots"), 4, 3, "not in the paper",
        "not in the paper"));
    rows.add(computedRow("slots", "progressive filling on whole slots (A's task 4 slots, B's 3)",
        FairShares.slots(demand, capacity, new double[] {1, 1}), "not in the paper", "not in the paper"));
    rows.add(computedRow("CEEI", "Eisenberg-Gale, barrier method, gap < 1e-12", FairShares.ceei(demand, capacity),
        x + "45/11 = " + StrategyProbe.fmt(scale * 45.0 / 11), x + "18/11 = " + StrategyProbe.fmt(scale * 18.0 / 11)));
    chart(dir.resolve(which + ".png"), rows, scale);
    String title = scale == 1 ? "The worked example: 9 CPUs, 18 GB; A <1 CPU, 4 GB>, B <3 CPUs, 1 GB>"
        : "The worked example scaled " + scale + "x: 90 CPUs, 180 GB on one agent";
    String note = scale == 1
        ? "DRF paper sections 2-4. Simulated rows: steady-state running tasks, mean over the seeds with a 95% t "
            + "interval; computed rows: fractional tasks from the solvers. The computed DRF, asset, slots and CEEI "
            + "answers all differ; simulated allocators place whole tasks, and asset fairness lands on DRF's 3 and 2 "
            + "here (its fill A, B, A, B, A leaves no room for B's third task), and the `slots` allocator runs one "
            + "task of each: a task takes whole slots of <1 CPU, 1 GB>, A's 4 and B's 3, and the 2 slots left fit "
            + "neither. The scaled table below tells them apart."
        : "The same shapes on ten times the capacity, where whole tasks can follow the fractional answers: "
            + "simulated drf, asset and slots differ from each other and from CEEI, each near its computed value.";
    return new ReproTable(which, title, List.of("allocation", "how", "A tasks", "B tasks", "paper A", "paper B"),
        rows, note);
  }

  private static List<String> simRow(String name, String how, List<Path> folders, String paperA, String paperB) {
    return simRow(name, how, folders, 1, 3, paperA, paperB);
  }

  /** A simulated row whose tasks hold {@code cpusA} and {@code cpusB} CPUs each (more than asked under slots). */
  private static List<String> simRow(String name, String how, List<Path> folders, double cpusA, double cpusB,
      String paperA, String paperB) {
    return List.of(name, how, StrategyProbe.interval(tasks(folders, "A", cpusA)),
        StrategyProbe.interval(tasks(folders, "B", cpusB)), paperA, paperB);
  }

  private static List<String> computedRow(String name, String how, double[] x, String paperA, String paperB) {
    return List.of(name, "computed: " + how, StrategyProbe.fmt(x[0]), StrategyProbe.fmt(x[1]), paperA, paperB);
  }

  private static void chart(Path png, List<List<String>> rows, int scale) {
    List<String> categories = new ArrayList<>();
    double[] a = new double[rows.size()];
    double[] b = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      categories.add(r.get(0).replaceAll(" \\(.*", "").replace("asset fairness", "asset")
          + (r.get(1).startsWith("computed") ? ", computed" : ", simulated"));
      a[i] = Double.parseDouble(r.get(2).split(" ")[0]);
      b[i] = Double.parseDouble(r.get(3).split(" ")[0]);
    }
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("A tasks", a);
    series.put("B tasks", b);
    ReproCharts.bars(png, "DRF paper example" + (scale == 1 ? "" : " x " + scale) + ": tasks per user by allocation",
        "", "tasks", categories, series);
  }

  /**
   * The strategy-proofness probe on the solvers: each user in turn inflates its non-dominant resource 1.5x; its tasks
   * (what it can run with its true demand, i.e. the tasks it is given) are compared with the honest answer. The DRF
   * paper (section 3) shows CEEI is not strategy-proof; DRF is (section 4.1).
   */
  private static ReproTable computedStrategy() {
    double[][] honest = {{1, 4}, {3, 1}};
    double[] capacity = {9, 18};
    double[][][] lies = {{{1.5, 4}, {3, 1}}, {{1, 4}, {3, 1.5}}};
    List<List<String>> rows = new ArrayList<>();
    for (String method : List.of("DRF", "asset fairness", "CEEI")) {
      double[] h = solve(method, honest, capacity);
      for (int user = 0; user < 2; user++) {
        double[] l = solve(method, lies[user], capacity);
        String verdict = l[user] > h[user] + 1e-6 ? "gains by lying" : l[user] < h[user] - 1e-6 ? "loses by lying"
            : "no change";
        rows.add(List.of(method, user == 0 ? "A (CPU 1 -> 1.5)" : "B (mem 1 GB -> 1.5 GB)",
            StrategyProbe.fmt(h[user]), StrategyProbe.fmt(l[user]), verdict));
      }
    }
    return new ReproTable("strategy-computed", "Strategy-proofness of the computed allocations",
        List.of("allocation", "lying user", "its tasks (honest)", "its tasks (lying)", "verdict"), rows,
        "The solvers' fractional answers on the worked example with one user's non-dominant demand inflated 1.5x. "
            + "DRF paper: CEEI is not strategy-proof (section 3), DRF is (section 4.1); asset fairness is "
            + "strategy-proof in its Table 2.");
  }

  private static double[] solve(String method, double[][] demand, double[] capacity) {
    return switch (method) {
      case "DRF" -> FairShares.drf(demand, capacity);
      case "asset fairness" -> FairShares.asset(demand, capacity);
      default -> FairShares.ceei(demand, capacity);
    };
  }

  private static ReproTable violation(Path dir, Path config, List<Long> seeds, int threads) {
    Map<String, List<Path>> runs = simulate(dir, "violation", "violation", List.of("asset", "drf"), VIOLATION_CLUSTER,
        config,
        seeds, threads);
    double[][] demand = {{1, 3}, {1, 1}};
    double[] capacity = {30, 30};
    double half = Math.floor(Math.min(15 / 1.0, 15 / 1.0));
    List<List<String>> rows = new ArrayList<>();
    for (String allocator : List.of("asset", "drf")) {
      List<Path> folders = runs.get(allocator);
      double[] bSi = new double[folders.size()];
      double[] runSi = new double[folders.size()];
      for (int i = 0; i < folders.size(); i++) {
        Results r = io.offerlab.simcore.results.ResultsJson.read(folders.get(i).resolve("results.json"));
        bSi[i] = SeedRuns.framework(r, "B").probes().sharingIncentive();
        runSi[i] = r.summary().probes().sharingIncentive();
      }
      double[] x = allocator.equals("asset") ? FairShares.asset(demand, capacity) : FairShares.drf(demand, capacity);
      rows.add(List.of("`" + allocator + "`", StrategyProbe.interval(tasks(folders, "A", 1)),
          StrategyProbe.interval(tasks(folders, "B", 1)), StrategyProbe.fmt(x[0]) + ", " + StrategyProbe.fmt(x[1]),
          Numbers.format(half), StrategyProbe.interval(PairedInterval.difference(new double[bSi.length], bSi)),
          StrategyProbe.interval(PairedInterval.difference(new double[runSi.length], runSi)),
          allocator.equals("asset") ? "A 6, B 12; B's half 15" : "not given (DRF has sharing incentive)"));
    }
    return new ReproTable("violation", "Asset fairness violates sharing incentive: 30 CPUs, 30 GB; A <1, 3>, B <1, 1>",
        List.of("allocator", "A tasks (sim)", "B tasks (sim)", "computed A, B", "B's static half",
            "B's sharing-incentive probe", "run's sharing-incentive probe", "paper"), rows,
        "DRF paper section 2. The probe is the fraction of looks (every 10 s) at which B ran at least its static "
            + "half's tasks (docs/fairness.md); seeds " + seeds + ", mean and 95% t interval.");
  }
}
