package io.offerlab.jmh;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Capability;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.Resources;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * Mesos' {@code DeclineOffers} benchmark ({@code src/tests/hierarchical_allocator_tests.cpp}): agents of
 * {@code cpus:24;mem:4096;disk:4096}, each with {@code cpus:16;mem:2014;disk:1024} already used by one framework
 * (round-robin), and frameworks in role {@code *} that decline every offer with a filter of {@code INT_MAX} seconds.
 * Mesos runs it at 2000 agents x 200 frameworks (MESOS-4694) and publishes 10,000 x 1,000 (commit 8665335).
 *
 * <ul>
 *   <li>{@link #fillingCycle}: the cycle after {@code round} rounds of declines, each agent carrying {@code round}
 *       filters and still offered to some framework (the phase Mesos' published figures come from). Every agent's
 *       free resources changed since the last cycle, so no cache applies: each agent walks the DRF order past the
 *       frameworks that filtered it. Single shot, the cluster rebuilt before each iteration; only the cycle is timed,
 *       as in Mesos.</li>
 *   <li>{@link #saturatedCycle}: the steady state, every framework filtered on every agent. An event that makes a
 *       cycle run but touches no agent and no framework's eligibility (a role weight set to its value) precedes each
 *       cycle: the allocator's per-agent "all filtered" cache skips each agent in O(1).</li>
 *   <li>{@link #saturatedRescan}: the same state, but one framework's GPU capability is toggled before each cycle
 *       (the agents have no GPUs, so no offer changes). A framework that may have become eligible for an agent
 *       makes each agent check that framework's filter (A checks; A x F before 2026-11-30, what Mesos pays on every
 *       cycle of this state). (Deactivating and re-activating a framework would
 *       clear its filters, as in Mesos, and end the steady state.)</li>
 * </ul>
 *
 * <p>The saturated state is built directly (each agent in turn is offered to every framework, which declines it),
 * which ends in the state Mesos reaches after its rounds; it holds A x F filters (ten million at 10,000 x 1,000).
 * Left out: Mesos' port ranges. JMH classes cannot be final.
 *
 * <p>How to run: {@code java -jar jmh/target/benchmarks.jar DeclineOffersBenchmark -p size=10000x1000}.
 */
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class DeclineOffersBenchmark {
  static final Resources AGENT = Resources.parse("cpus:24;mem:4096;disk:4096");
  static final Resources USED = Resources.parse("cpus:16;mem:2014;disk:1024");
  /** Mesos' benchmark declines with {@code refuse_seconds = INT_MAX}. */
  static final double REFUSE_SECONDS = Integer.MAX_VALUE;
  static final String ROLE = "*";

  /** A cluster of the benchmark: agents, frameworks in role {@code *}, and the used resources placed. */
  @State(Scope.Benchmark)
  public abstract static class Base {
    /** Agents x frameworks. */
    @Param({"2000x200", "10000x1000"})
    public String size;

    /** The allocator under test. */
    @Param({"DRF"})
    public AllocatorType allocator;

    Allocator cluster;
    String[] agentIds;
    String[] frameworkIds;
    long now;

    void build() {
      int[] counts = Clusters.parseSize("size", size);
      agentIds = Clusters.ids("agent", counts[0]);
      frameworkIds = Clusters.ids("framework", counts[1]);
      cluster = allocator.create(List.of(ROLE));
      for (String framework : frameworkIds) {
        cluster.addFramework(framework, ROLE);
      }
      Clusters.addAgents(cluster, agentIds, AGENT);
      now = 0;
      Clusters.preallocate(cluster, frameworkIds, agentIds, USED, now);
    }
  }

  /** The filling phase: the cluster after {@code round} rounds of offers declined with a long filter. */
  public static class Filling extends Base {
    /** Rounds of declines before the measured cycle (each agent then carries this many filters). */
    @Param({"2"})
    public int round;

    private List<Offer> last;
    private long minOffers = Long.MAX_VALUE;
    private long maxOffers;

    /** Rebuilds the cluster and plays the rounds before the measured cycle. */
    @Setup(Level.Iteration)
    public void setUp() {
      build();
      for (int r = 0; r < round; r++) {
        Clusters.recoverAll(cluster, cluster.allocate(now), REFUSE_SECONDS, now);
        now += Clusters.INTERVAL_MICROS;
      }
    }

    /** Records how many offers the measured cycle made. */
    @TearDown(Level.Iteration)
    public void record() {
      minOffers = Math.min(minOffers, last.size());
      maxOffers = Math.max(maxOffers, last.size());
      cluster = null;
    }

    /** Prints the offers per measured cycle, which JMH cannot normalise in single-shot mode. */
    @TearDown(Level.Trial)
    public void report() {
      System.out.printf(Locale.ROOT, "%nround %d cycle made %d..%d offers%n", round, minOffers, maxOffers);
    }
  }

  /** The steady state: every framework has filtered every agent. */
  public static class Saturated extends Base {
    private int next;
    private boolean[] gpus;

    /** Builds the cluster and saturates the filters; fails if a cycle still makes an offer. */
    @Setup(Level.Trial)
    public void setUp() {
      build();
      saturate();
      now += Clusters.INTERVAL_MICROS;
      List<Offer> offers = cluster.allocate(now);
      if (!offers.isEmpty()) {
        throw new IllegalStateException("saturated cluster still made " + offers.size() + " offers");
      }
    }

    /**
     * Filters every framework on every agent, agent by agent: each cycle over the one agent offers it to the first
     * framework in DRF order that has not filtered it yet, which declines it. Shares are equal again after each
     * decline, so the order is by picks: the frameworks that already declined this agent were picked once more and
     * sit behind the others, and each cycle finds its framework at once. (Deactivating the others would be quicker,
     * but deactivation clears a framework's filters, as in Mesos.)
     */
    private void saturate() {
      for (String agent : agentIds) {
        List<String> one = List.of(agent);
        List<Offer> offers = cluster.allocate(now, one);
        while (!offers.isEmpty()) {
          Clusters.recoverAll(cluster, offers, REFUSE_SECONDS, now);
          offers = cluster.allocate(now, one);
        }
      }
    }

    /** Flips framework {@code f}'s GPU capability and returns its new capabilities. */
    Set<Capability> toggleGpus(int f) {
      if (gpus == null) {
        gpus = new boolean[frameworkIds.length];
      }
      gpus[f] = !gpus[f];
      return gpus[f] ? EnumSet.of(Capability.GPU_RESOURCES) : EnumSet.noneOf(Capability.class);
    }

    /** Returns the index of the next framework whose capabilities change, round-robin. */
    int nextFramework() {
      int f = next;
      next = (next + 1) % frameworkIds.length;
      return f;
    }
  }

  /** Runs the cycle of the filling phase. */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 10)
  @Measurement(iterations = 20)
  public List<Offer> fillingCycle(Filling state) {
    state.last = state.cluster.allocate(state.now);
    return state.last;
  }

  /** Runs a cycle in the saturated state after an event that touches no agent. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  public List<Offer> saturatedCycle(Saturated state) {
    state.cluster.setWeight(ROLE, 1.0);
    state.now += Clusters.INTERVAL_MICROS;
    return state.cluster.allocate(state.now);
  }

  /** Runs a cycle in the saturated state after one framework's capabilities changed. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @Warmup(iterations = 5, time = 1)
  @Measurement(iterations = 10, time = 1)
  public List<Offer> saturatedRescan(Saturated state) {
    int f = state.nextFramework();
    state.cluster.updateFramework(state.frameworkIds[f], state.toggleGpus(f));
    state.now += Clusters.INTERVAL_MICROS;
    return state.cluster.allocate(state.now);
  }
}
