package io.offerlab.reports.reproduce;

import io.offerlab.allocators.Resources;
import io.offerlab.reports.ParallelRuns;
import io.offerlab.reports.stats.PairedInterval;
import io.offerlab.simcore.ProgressListener;
import io.offerlab.simcore.RunSpec;
import io.offerlab.simcore.Simulations;
import io.offerlab.simcore.results.Numbers;
import io.offerlab.simcore.results.Results;
import io.offerlab.simcore.results.ResultsJson;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The strategy-proofness probe (DRF paper, Ghodsi et al., NSDI 2011, section 2: "a user should not be able to benefit
 * by lying about its resource demands"): for each allocator and each framework in turn, every seed is run again with
 * that framework's tasks asking for {@value #INFLATION}x their non-dominant resources (the dominant one taken against
 * the cluster total; resources a task does not ask for stay zero). The framework's tasks completed and mean job
 * completion time in the lying run are compared with the honest run of the same seed, with 95% paired t intervals over
 * the seeds (the runs of a seed share random streams). A framework gains when the interval of its extra tasks lies
 * above 0, or that of its JCT speedup (honest over lying) above 1.
 */
public final class StrategyProbe {
  /** How much a lying framework inflates its non-dominant resources. */
  public static final double INFLATION = 1.5;

  private StrategyProbe() {}

  /**
   * What to probe.
   *
   * @param workload the workload spec; {@code {seed}} in it is replaced by each run's seed (a workload file per seed)
   * @param options workload options
   * @param allocators the allocators
   * @param cluster the cluster spec, or null
   * @param config a configuration file, or null
   * @param seeds the seeds
   */
  public record Request(String workload, Map<String, String> options, List<String> allocators, String cluster,
      Path config, List<Long> seeds) {
    /** Copies the collections. */
    public Request {
      options = Map.copyOf(options);
      allocators = List.copyOf(allocators);
      seeds = List.copyOf(seeds);
    }
  }

  /**
   * One framework's outcome under one allocator.
   *
   * @param allocator the allocator
   * @param framework the framework that lied
   * @param honestTasks its tasks completed when honest (mean over seeds)
   * @param lyingTasks its tasks completed when lying (mean over seeds)
   * @param extraTasks lying minus honest tasks completed, paired by seed
   * @param jctSpeedup honest over lying mean JCT, geometric mean over seeds (NaN when no job completed)
   */
  public record Row(String allocator, String framework, double honestTasks, double lyingTasks,
      PairedInterval extraTasks, PairedInterval jctSpeedup) {
    /** Whether lying helped the framework: an interval wholly above no change. */
    public boolean gained() {
      return extraTasks.hasInterval() && extraTasks.low() > 0 || jctSpeedup.hasInterval() && jctSpeedup.low() > 1;
    }

    /** Whether lying hurt the framework: an interval wholly below no change. */
    public boolean lost() {
      return extraTasks.hasInterval() && extraTasks.high() < 0 || jctSpeedup.hasInterval() && jctSpeedup.high() < 1;
    }

    /** Returns "gains", "loses" or "no significant change". */
    public String verdict() {
      return gained() ? "gains by lying" : lost() ? "loses by lying" : "no significant change";
    }
  }

  /** Runs the probe into {@code out} ({@code ALLOCATOR/honest/seed-N}, {@code ALLOCATOR/lies-F/seed-N}). */
  public static List<Row> run(Request request, Path out, int threads) {
    List<SeedRuns.Item> honest = new ArrayList<>();
    for (String allocator : request.allocators()) {
      for (long seed : request.seeds()) {
        honest.add(new SeedRuns.Item(spec(request, allocator, seed),
            out.resolve(allocator).resolve("honest").resolve("seed-" + seed)));
      }
    }
    List<Results> honestResults = SeedRuns.run(honest, threads);
    Results first = honestResults.get(0);
    double[] total = clusterTotal(first);
    List<String> frameworks = first.frameworks().stream().map(Results.Framework::name).toList();
    record Lie(String allocator, String framework, long seed, Path folder) {}
    List<Lie> lies = new ArrayList<>();
    for (String allocator : request.allocators()) {
      for (String fw : frameworks) {
        for (long seed : request.seeds()) {
          lies.add(new Lie(allocator, fw, seed, out.resolve(allocator).resolve("lies-" + fw).resolve("seed-" + seed)));
        }
      }
    }
    ParallelRuns.run("strategy probe", lies, threads, ParallelRuns.Order.SUBMITTED,
        lie -> Simulations.run(spec(request, lie.allocator(), lie.seed()), inflate(lie.framework(), total),
            lie.folder(), ProgressListener.NONE), (lie, done, all) -> { });
    List<Row> rows = new ArrayList<>();
    int n = request.seeds().size();
    for (int a = 0; a < request.allocators().size(); a++) {
      String allocator = request.allocators().get(a);
      for (String fw : frameworks) {
        double[] hTasks = new double[n];
        double[] lTasks = new double[n];
        double[] hJct = new double[n];
        double[] lJct = new double[n];
        for (int s = 0; s < n; s++) {
          Results.Framework h = SeedRuns.framework(honestResults.get(a * n + s), fw);
          Results.Framework l = SeedRuns.framework(ResultsJson.read(out.resolve(allocator).resolve("lies-" + fw)
              .resolve("seed-" + request.seeds().get(s)).resolve("results.json")), fw);
          hTasks[s] = h == null ? Double.NaN : h.tasksCompleted();
          lTasks[s] = l == null ? Double.NaN : l.tasksCompleted();
          hJct[s] = h == null ? Double.NaN : h.jobCompletionSeconds().mean();
          lJct[s] = l == null ? Double.NaN : l.jobCompletionSeconds().mean();
        }
        rows.add(new Row(allocator, fw, mean(hTasks), mean(lTasks), PairedInterval.difference(hTasks, lTasks),
            PairedInterval.ratio(hJct, lJct)));
      }
    }
    return rows;
  }

  private static RunSpec spec(Request r, String allocator, long seed) {
    return new RunSpec(r.workload().replace("{seed}", Long.toString(seed)), r.options(), allocator, r.cluster(),
        r.config(), seed);
  }

  /** Returns the cluster total (cpus, mem, disk, gpus) of a run's resolved agent groups. */
  static double[] clusterTotal(Results results) {
    double[] total = new double[4];
    for (Results.AgentGroup g : results.run().agentGroups()) {
      Resources r = Resources.parse(g.resources());
      total[0] += g.count() * r.cpus();
      total[1] += g.count() * r.memMb();
      total[2] += g.count() * r.diskMb();
      total[3] += g.count() * r.gpus();
    }
    return total;
  }

  /** Returns the transform that makes {@code framework}'s tasks inflate their non-dominant resources. */
  static UnaryOperator<Job> inflate(String framework, double[] total) {
    return job -> {
      if (!job.framework().equals(framework)) {
        return job;
      }
      List<TaskSpec> tasks = new ArrayList<>(job.tasks().size());
      for (TaskSpec t : job.tasks()) {
        tasks.add(new TaskSpec(inflate(t.request(), total), t.durationMicros(), t.usage()));
      }
      return new Job(job.id(), job.framework(), job.role(), job.priority(), job.arrivalMicros(), job.kind(), tasks,
          job.afterPreviousMicros(), job.stages());
    };
  }

  /** Returns the request with every resource but the dominant one (largest share of the total) times 1.5. */
  static ResourceShape inflate(ResourceShape r, double[] total) {
    double[] v = {r.cpus(), r.memMb(), r.diskMb(), r.gpus()};
    int dominant = 0;
    double best = -1;
    for (int k = 0; k < 4; k++) {
      double share = total[k] > 0 ? v[k] / total[k] : 0;
      if (share > best) {
        best = share;
        dominant = k;
      }
    }
    for (int k = 0; k < 4; k++) {
      if (k != dominant) {
        v[k] *= INFLATION;
      }
    }
    return new ResourceShape(v[0], v[1], v[2], v[3]);
  }

  private static double mean(double[] v) {
    double sum = 0;
    int n = 0;
    for (double d : v) {
      if (!Double.isNaN(d)) {
        sum += d;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Returns the probe's rows as a table. */
  public static ReproTable table(String name, String title, List<Row> rows, List<Long> seeds) {
    List<List<String>> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(List.of(r.allocator(), r.framework(), fmt(r.honestTasks()), fmt(r.lyingTasks()),
          interval(r.extraTasks()), interval(r.jctSpeedup()), r.verdict()));
    }
    return new ReproTable(name, title, List.of("allocator", "lying framework", "tasks done (honest)",
        "tasks done (lying)", "extra tasks (95% CI)", "JCT speedup from lying (95% CI)", "verdict"), out,
        String.format(Locale.ROOT, "Each framework in turn asks for %.1fx its non-dominant resources; seeds %s; paired "
            + "t intervals over the seeds. A framework gains when an interval lies wholly above no change (0 extra "
            + "tasks, speedup 1).", INFLATION, seeds));
  }

  /** Formats an interval as {@code est (low to high)}, to two decimals. */
  static String interval(PairedInterval p) {
    if (Double.isNaN(p.estimate())) {
      return "n/a";
    }
    if (!p.hasInterval()) {
      return fmt(p.estimate());
    }
    return fmt(p.estimate()) + " (" + fmt(p.low()) + " to " + fmt(p.high()) + ")";
  }

  /** Formats a table number to two decimals ({@code -0.00} shown as {@code 0.00}). */
  static String fmt(double v) {
    String s = Numbers.fixed(v, 2);
    return s.equals("-0.00") ? "0.00" : s;
  }
}
