package io.offerlab.workloads.synthetic;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@code synthetic:mesos-paper}: the macrobenchmark of Hindman et al., "Mesos: A Platform for Fine-Grained Resource
 * Sharing in the Data Center", NSDI 2011, section 6.1: four frameworks sharing 96 nodes of 4 CPUs and 15 GB.
 *
 * <ul>
 *   <li>{@code facebook}: a Hadoop mix of small and large jobs after Facebook's, the 100 jobs of the paper's Table 3
 *       (eight bins of selection, text search, aggregation and join jobs of 1 to 400 maps), in a seeded order, with
 *       Poisson arrivals of mean 14 s (about 23 minutes).</li>
 *   <li>{@code hadoop-large}: ten IO-bound text-search jobs of 2,400 short maps. The paper submits each after the
 *       previous one ends; a stream cannot, so they arrive every 180 s from time 0.</li>
 *   <li>{@code spark}: five iterative (ALS-like) jobs, here 10 iterations of 96 tasks each, elastic, arriving every
 *       360 s from 60 s (the paper waits 2 minutes after each one ends). Iterations are not ordered.</li>
 *   <li>{@code mpi}: eight rigid (GANG) Torque/MPI jobs of 24 tasks, six small and two large, at fixed times.</li>
 * </ul>
 *
 * <p>Task durations are log-normal; every task is 1 or 2 CPUs. Demand comes in bursts (the large Hadoop jobs, the
 * Spark waves, the MPI gangs) over about 30 minutes, so that static partitioning (24 nodes each) and dynamic sharing
 * differ as in the paper's Figure 5. Deliberately left out: data locality and delay scheduling.
 */
final class MesosPaperMix {
  private static final ResourceShape HADOOP = ResourceShape.of(1, 2048);
  private static final ResourceShape SPARK = ResourceShape.of(1, 4096);
  private static final ResourceShape MPI = ResourceShape.of(2, 4096);

  /** Table 3: bin type, maps, reduces, jobs run. */
  private record Bin(String type, int maps, int reduces, int jobs, double mapMedianSeconds) {}

  private static final List<Bin> BINS = List.of(
      new Bin("selection", 1, 0, 38, 15),
      new Bin("text search", 2, 0, 18, 25),
      new Bin("aggregation", 10, 2, 14, 30),
      new Bin("selection", 50, 0, 12, 15),
      new Bin("aggregation", 100, 10, 6, 30),
      new Bin("selection", 200, 0, 6, 15),
      new Bin("text search", 400, 0, 4, 25),
      new Bin("join", 400, 30, 2, 40));

  private MesosPaperMix() {}

  static Generated create(long seed) {
    List<JobSource> sources = new ArrayList<>();
    sources.add(facebook(Streams.of(seed, "facebook")));
    sources.add(hadoopLarge(Streams.of(seed, "hadoop-large")));
    sources.add(spark(Streams.of(seed, "spark")));
    sources.add(mpi(Streams.of(seed, "mpi")));
    return new Generated(sources, List.of(new AgentGroup(96, ResourceShape.of(4, 15 * 1024))));
  }

  private static JobSource facebook(RandomGenerator rng) {
    List<Bin> order = new ArrayList<>();
    for (Bin b : BINS) {
      order.addAll(Collections.nCopies(b.jobs(), b));
    }
    for (int i = order.size() - 1; i > 0; i--) {
      Collections.swap(order, i, rng.nextInt(i + 1));
    }
    Sampler gaps = Sampler.exponential(rng, 14);
    return new JobSource("facebook", 0, JobKind.BATCH, order.size(), JobSource.poisson(gaps, 0), i -> {
      Bin b = order.get(i);
      Sampler maps = Sampler.logNormalMedian(rng, b.mapMedianSeconds(), 0.5);
      Sampler reduces = Sampler.logNormalMedian(rng, 60, 0.5);
      List<TaskSpec> tasks = new ArrayList<>(b.maps() + b.reduces());
      for (int k = 0; k < b.maps(); k++) {
        tasks.add(TaskSpec.of(HADOOP, Sampler.micros(maps.sample())));
      }
      for (int k = 0; k < b.reduces(); k++) {
        tasks.add(TaskSpec.of(HADOOP, Sampler.micros(reduces.sample())));
      }
      return tasks;
    });
  }

  private static JobSource hadoopLarge(RandomGenerator rng) {
    Sampler maps = Sampler.logNormalMedian(rng, 10, 0.3);
    double[] times = new double[10];
    for (int i = 0; i < times.length; i++) {
      times[i] = 180.0 * i;
    }
    return new JobSource("hadoop-large", 0, JobKind.BATCH, times.length, JobSource.fixed(times),
        i -> sampleTasks(HADOOP, 2400, maps));
  }

  private static JobSource spark(RandomGenerator rng) {
    Sampler tasks = Sampler.logNormalMedian(rng, 12, 0.25);
    double[] times = {60, 420, 780, 1140, 1500};
    return new JobSource("spark", 0, JobKind.BATCH, times.length, JobSource.fixed(times),
        i -> sampleTasks(SPARK, 10 * 96, tasks));
  }

  private static JobSource mpi(RandomGenerator rng) {
    double[] times = {30, 240, 450, 660, 870, 1080, 1290, 1500};
    Sampler small = Sampler.logNormalMedian(rng, 150, 0.2);
    Sampler large = Sampler.logNormalMedian(rng, 450, 0.2);
    return new JobSource("mpi", 0, JobKind.GANG, times.length, JobSource.fixed(times), i -> {
      boolean isLarge = i == 2 || i == 5;
      // All ranks of an MPI job run for the same time.
      long d = Sampler.micros((isLarge ? large : small).sample());
      return Collections.nCopies(24, TaskSpec.of(MPI, d));
    });
  }

  static List<TaskSpec> sampleTasks(ResourceShape shape, int n, Sampler durations) {
    List<TaskSpec> tasks = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      tasks.add(TaskSpec.of(shape, Sampler.micros(durations.sample())));
    }
    return tasks;
  }
}
