package io.offerlab.jmh;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.OfferBatch;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The companion of {@link OfferCycleBenchmark} that times what Mesos' benchmarks time: the allocation cycle alone,
 * without giving the previous offers back. The recovery runs in a {@code Level.Invocation} setup, which JMH keeps
 * out of the score; that level is safe here only because a cycle takes hundreds of microseconds or more (JMH's
 * warning concerns far shorter ops). Same cluster as {@link OfferCycleBenchmark}; the defaults are the points with
 * published Mesos figures and Offerlab targets.
 *
 * <p>How to run: {@code java -jar jmh/target/benchmarks.jar AllocateOnlyBenchmark}. JMH classes cannot be final.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class AllocateOnlyBenchmark {
  /** Agents x frameworks. */
  @Param({"10000x1000", "20000x2000", "50000x1000"})
  public String size;

  /** The allocator under test. */
  @Param({"DRF"})
  public AllocatorType allocator;

  /** The SPI driven, as in {@link OfferCycleBenchmark}. */
  @Param({"LIST", "BATCH"})
  public Api api;

  private Allocator cluster;
  private List<Offer> outstanding;
  private final OfferBatch batch = new OfferBatch();
  private long now;

  /** Builds the cluster of {@link OfferCycleBenchmark} and runs a first cycle. */
  @Setup(Level.Trial)
  public void setUp() {
    int[] counts = Clusters.parseSize("size", size);
    List<String> roles = Clusters.roles(counts[1], OfferCycleBenchmark.MAX_ROLES);
    cluster = allocator.create(roles);
    Clusters.addAgents(cluster, Clusters.ids("agent", counts[0]), OfferCycleBenchmark.AGENT);
    Clusters.addFrameworks(cluster, Clusters.ids("framework", counts[1]), roles);
    now = 0;
    if (api == Api.BATCH) {
      cluster.allocate(now, batch);
    } else {
      outstanding = cluster.allocate(now);
    }
  }

  /** Gives back the previous cycle's offers, untimed. */
  @Setup(Level.Invocation)
  public void recoverPrevious() {
    if (api == Api.BATCH) {
      Clusters.recoverAll(cluster, batch, 0, now);
    } else {
      Clusters.recoverAll(cluster, outstanding, 0, now);
    }
    now += Clusters.INTERVAL_MICROS;
  }

  /** Runs one allocation cycle over the whole, fully recovered cluster. */
  @Benchmark
  public Object allocate() {
    if (api == Api.BATCH) {
      cluster.allocate(now, batch);
      return batch;
    }
    outstanding = cluster.allocate(now);
    return outstanding;
  }

  /** Returns the offers of the latest cycle, whichever the SPI (for tests). */
  List<Offer> outstanding() {
    return Clusters.offers(cluster, api, outstanding, batch);
  }
}
