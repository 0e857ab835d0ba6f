package io.offerlab.jmh;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.OfferBatch;
import io.offerlab.allocators.Resources;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one full allocation cycle over the grid of Mesos' allocator benchmarks
 * ({@code HierarchicalAllocator_BENCHMARK_Test} in {@code src/tests/hierarchical_allocator_tests.cpp}): agents in
 * {1000 .. 50000} of {@code cpus:2;mem:1024;disk:4096}, frameworks in {1 .. 3000} dealt over {@value #MAX_ROLES}
 * roles, for each allocator.
 *
 * <p>One op recovers every offer the previous op made (no filter) and runs one cycle, which then offers every
 * agent whole again. The reset is folded into the op rather than done in a {@code Level.Invocation} setup
 * (JMHSample_38_PerInvokeSetup), so the score is the cost of giving back and re-offering the whole cluster: it
 * over-states Mesos' measure, which times the cycle only ({@link AllocateOnlyBenchmark} does). The {@code offers}
 * counter (JMHSample_23_AuxCounters) is normalised like the score: in this average-time mode it reads as the time
 * per offer, and the score divided by it is the offers per cycle (equal to the agent count). Compare the time per
 * offer with {@link AgentScanBaseline}, the linearity control that touches each agent once.
 *
 * <p>Left out: Mesos' ports ranges (Offerlab has scalar resources only). JMH classes cannot be final.
 *
 * <p>{@code api} picks the SPI: {@code LIST} (String ids, a list of {@code Offer} objects, what scenarios and the
 * real master use) or {@code BATCH} (indices, offers written into a reused {@link OfferBatch} and given back by
 * index, what the simulator's master core uses).
 *
 * <p>How to run: {@code java -jar jmh/target/benchmarks.jar OfferCycleBenchmark -p allocator=DRF -p agents=10000
 * -p frameworks=1000 -p api=BATCH}; the whole grid (384 configurations) takes about two hours.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class OfferCycleBenchmark {
  /** Frameworks are dealt round-robin over this many roles (fewer when there are fewer frameworks). */
  static final int MAX_ROLES = 4;
  /** An agent of Mesos' benchmark, without its ports. */
  static final Resources AGENT = Resources.parse("cpus:2;mem:1024;disk:4096");

  /** Number of agents. */
  @Param({"1000", "5000", "10000", "20000", "30000", "50000"})
  public int agents;

  /** Number of frameworks. */
  @Param({"1", "50", "100", "200", "500", "1000", "2000", "3000"})
  public int frameworks;

  /** The allocator under test. */
  @Param({"DRF", "RANDOM", "PRIORITY", "STATIC"})
  public AllocatorType allocator;

  /** The SPI driven: String ids and a list of offers, or indices and a reused {@link OfferBatch}. */
  @Param({"LIST", "BATCH"})
  public Api api;

  private Allocator cluster;
  private List<Offer> outstanding;
  private final OfferBatch batch = new OfferBatch();
  private long now;

  /** Offers made, normalised by JMH like the score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    /** Offers made so far in this iteration. */
    public long offers;
  }

  /** Builds the cluster and runs a first cycle, whose offers the first op recovers. */
  @Setup(Level.Trial)
  public void setUp() {
    List<String> roles = Clusters.roles(frameworks, MAX_ROLES);
    cluster = allocator.create(roles);
    Clusters.addAgents(cluster, Clusters.ids("agent", agents), AGENT);
    Clusters.addFrameworks(cluster, Clusters.ids("framework", frameworks), roles);
    now = 0;
    if (api == Api.BATCH) {
      cluster.allocate(now, batch);
    } else {
      outstanding = cluster.allocate(now);
    }
  }

  /** Recovers the previous cycle's offers and runs one allocation cycle. */
  @Benchmark
  public Object cycle(Counters counters) {
    if (api == Api.BATCH) {
      Clusters.recoverAll(cluster, batch, 0, now);
      now += Clusters.INTERVAL_MICROS;
      cluster.allocate(now, batch);
      counters.offers += batch.size();
      return batch;
    }
    Clusters.recoverAll(cluster, outstanding, 0, now);
    now += Clusters.INTERVAL_MICROS;
    outstanding = cluster.allocate(now);
    counters.offers += outstanding.size();
    return outstanding;
  }

  /** Returns the offers of the latest cycle, whichever the SPI (for tests). */
  List<Offer> outstanding() {
    return Clusters.offers(cluster, api, outstanding, batch);
  }
}
