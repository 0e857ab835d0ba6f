package io.offerlab.jmh;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mesos' {@code MultiFrameworkAllocations} benchmark ({@code src/tests/hierarchical_allocator_benchmarks.cpp}):
 * 80 agents of {@code cpus:64;mem:488000} shared by
 * <ul>
 *   <li>4 Marathon-like frameworks (roles {@code roleA-1..4}), each with 4000 tasks of 0.07 CPU / 400 MB, at most
 *       100 per offer;</li>
 *   <li>500 Jenkins-like frameworks (all in {@code roleB}), each with 5 tasks of 0.1 CPU / 4000 MB, one per
 *       offer;</li>
 *   <li>50 Spark-like frameworks (roles {@code roleC-1..50}), each with 20 tasks of 1 CPU / 1000 MB, 5 per
 *       offer.</li>
 * </ul>
 * Cycles run until all 19,500 tasks are launched: from each offer a framework launches what it still wants (tasks
 * never finish), gives back the rest without a filter, and suppresses once done (Mesos' benchmark does not
 * suppress; here a done framework stops taking offers, as a well-behaved scheduler does).
 *
 * <p>One op is one whole run on a fresh allocator (the setup folded in, JMHSample_38): the score is the time until
 * all tasks are launched. The {@code cycles} and {@code offers} counters are normalised like the score (time per
 * cycle, time per offer); the cycles per run are printed at the end of the trial. A run that launches nothing for
 * {@value #STALL_CYCLES} cycles fails (for example {@code STATIC}, whose partitions cannot hold the Jenkins tasks).
 * JMH classes cannot be final.
 *
 * <p>How to run: {@code java -jar jmh/target/benchmarks.jar MultiFrameworkBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class MultiFrameworkBenchmark {
  static final int AGENTS = 80;
  static final Resources AGENT = Resources.parse("cpus:64;mem:488000");
  static final int STALL_CYCLES = 100;

  /** The allocator under test. */
  @Param({"DRF"})
  public AllocatorType allocator;

  private String[] agentIds;
  private final List<String> roles = new ArrayList<>();
  private final List<String> frameworkIds = new ArrayList<>();
  private final List<String> frameworkRoles = new ArrayList<>();
  private final List<Profile> frameworkProfiles = new ArrayList<>();
  private final Map<String, Integer> frameworkIndex = new HashMap<>();
  private int totalTasks;
  private Run lastRun;

  /** A kind of framework: how many tasks it launches, their size and how many it takes from one offer. */
  record Profile(int tasks, Resources task, int perOffer, Resources[] launches) {
    Profile(int tasks, String task, int perOffer) {
      this(tasks, Resources.parse(task), perOffer, new Resources[perOffer + 1]);
      launches[0] = Resources.EMPTY;
      for (int n = 1; n <= perOffer; n++) {
        launches[n] = launches[n - 1].plus(this.task);
      }
    }

    /** Returns how many of {@code wanted} tasks fit in {@code offered}, at most {@code perOffer}. */
    int fit(Resources offered, int wanted) {
      long n = Math.min(perOffer, wanted);
      n = Math.min(n, milli(offered.cpus()) / milli(task.cpus()));
      n = Math.min(n, milli(offered.memMb()) / milli(task.memMb()));
      return (int) n;
    }

    private static long milli(double value) {
      return Math.round(value * 1000);
    }
  }

  /** What one run took: cycles, offers and tasks launched. */
  public record Run(long cycles, long offers, long tasks) {}

  /** Cycles and offers, normalised by JMH like the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    /** Allocation cycles run so far in this iteration. */
    public long cycles;
    /** Offers made so far in this iteration. */
    public long offers;
  }

  /** Lists the frameworks of the three profiles. */
  @Setup(Level.Trial)
  public void setUp() {
    agentIds = Clusters.ids("agent", AGENTS);
    Profile marathon = new Profile(4000, "cpus:0.07;mem:400", 100);
    Profile jenkins = new Profile(5, "cpus:0.1;mem:4000", 1);
    Profile spark = new Profile(20, "cpus:1;mem:1000", 5);
    for (int i = 1; i <= 4; i++) {
      addFramework("marathon-" + i, "roleA-" + i, marathon);
    }
    for (int i = 0; i < 500; i++) {
      addFramework(String.format(Locale.ROOT, "jenkins-%03d", i), "roleB", jenkins);
    }
    for (int i = 1; i <= 50; i++) {
      addFramework("spark-" + i, "roleC-" + i, spark);
    }
  }

  private void addFramework(String id, String role, Profile profile) {
    frameworkIndex.put(id, frameworkIds.size());
    frameworkIds.add(id);
    frameworkRoles.add(role);
    frameworkProfiles.add(profile);
    if (!roles.contains(role)) {
      roles.add(role);
    }
    totalTasks += profile.tasks();
  }

  /** Prints the cycles and offers of the last run. */
  @TearDown(Level.Trial)
  public void report() {
    if (lastRun != null) {
      System.out.printf(Locale.ROOT, "%nlast run: %d tasks in %d cycles, %d offers%n",
          lastRun.tasks(), lastRun.cycles(), lastRun.offers());
    }
  }

  /** Builds the cluster and runs cycles until every task is launched. */
  @Benchmark
  public Run launchAll(Counters counters) {
    Run run = run();
    counters.cycles += run.cycles();
    counters.offers += run.offers();
    lastRun = run;
    return run;
  }

  Run run() {
    Allocator cluster = allocator.create(roles);
    Clusters.addAgents(cluster, agentIds, AGENT);
    int frameworks = frameworkIds.size();
    int[] remaining = new int[frameworks];
    for (int f = 0; f < frameworks; f++) {
      cluster.addFramework(frameworkIds.get(f), frameworkRoles.get(f));
      remaining[f] = frameworkProfiles.get(f).tasks();
    }
    long now = 0;
    long cycles = 0;
    long offers = 0;
    long launched = 0;
    int idle = 0;
    while (launched < totalTasks) {
      List<Offer> made = cluster.allocate(now);
      cycles++;
      offers += made.size();
      long before = launched;
      for (Offer offer : made) {
        int f = frameworkIndex.get(offer.frameworkId());
        Profile profile = frameworkProfiles.get(f);
        int n = profile.fit(offer.resources(), remaining[f]);
        remaining[f] -= n;
        launched += n;
        Resources rest = offer.resources().minus(profile.launches()[n]);
        if (!rest.isEmpty()) {
          cluster.recover(offer.frameworkId(), offer.agentId(), rest, 0, now);
        }
        if (remaining[f] == 0) {
          cluster.suppress(offer.frameworkId());
        }
      }
      idle = launched == before ? idle + 1 : 0;
      if (idle == STALL_CYCLES) {
        throw new IllegalStateException(String.format(Locale.ROOT,
            "%s launched %d of %d tasks, then nothing for %d cycles", allocator, launched, totalTasks, idle));
      }
      now += Clusters.INTERVAL_MICROS;
    }
    return new Run(cycles, offers, launched);
  }

  /** Returns the number of tasks a run launches. */
  int totalTasks() {
    return totalTasks;
  }
}
