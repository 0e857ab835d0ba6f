package io.offerlab.jmh;

import io.offerlab.allocators.Offer;
import io.offerlab.allocators.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * The linearity control of {@link OfferCycleBenchmark} (after JMHSample_34_SafeLooping): the floor cost of an
 * allocation cycle, which touches each agent once in a shuffled order, checks its free resources against the
 * minimum allocatable and makes one offer object, with no sorting, no bookkeeping and no recovery.
 *
 * <p>Its time per agent is what "close to the cost of touching each agent once" means; its score should grow
 * exactly linearly in agents, so a curve of the cycle benchmark bending away from it shows a non-linear cost.
 *
 * <p>How to run: {@code java -jar jmh/target/benchmarks.jar AgentScanBaseline}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AgentScanBaseline {
  private static final Resources MIN_CPUS = Resources.parse("cpus:0.01");
  private static final Resources MIN_MEM = Resources.parse("mem:32");

  /** Number of agents. */
  @Param({"1000", "5000", "10000", "20000", "30000", "50000"})
  public int agents;

  private String[] ids;
  private Resources[] free;
  private int[] order;
  private SplittableRandom random;

  /** Agents touched, normalised by JMH like the score (time per agent). */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Counters {
    /** Agents touched so far in this iteration. */
    public long agentsTouched;
  }

  /** Builds the agents. */
  @Setup(Level.Trial)
  public void setUp() {
    ids = Clusters.ids("agent", agents);
    free = new Resources[agents];
    order = new int[agents];
    for (int i = 0; i < agents; i++) {
      free[i] = OfferCycleBenchmark.AGENT;
      order[i] = i;
    }
    random = new SplittableRandom(AllocatorType.SEED);
  }

  /** Shuffles the agents and offers each whole to one framework. */
  @Benchmark
  public List<Offer> touchEachAgent(Counters counters) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    List<Offer> offers = new ArrayList<>();
    for (int index : order) {
      Resources available = free[index];
      if (available.contains(MIN_CPUS) || available.contains(MIN_MEM)) {
        offers.add(new Offer("framework", ids[index], available));
      }
    }
    counters.agentsTouched += order.length;
    return offers;
  }
}
