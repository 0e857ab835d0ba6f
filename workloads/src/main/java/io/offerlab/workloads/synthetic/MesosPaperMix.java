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
 * Sharing in the Data Center", NSDI 2011, section 6.1.1: four frameworks sharing 96 nodes of 4 CPUs and 15 GB, each
 * run the way the paper's scripts ran it. How each number was calibrated is in docs/workloads.md
 * ("synthetic:mesos-paper").
 *
 * <ul>
 *   <li>{@code facebook}: a Hadoop mix after Facebook's, the 100 jobs of the paper's Table 3 (eight bins of selection,
 *       text search, aggregation and join jobs of 1 to 400 maps), in a seeded order, submitted independently with
 *       Poisson arrivals of mean 14 s (the paper: 100 jobs over 25 minutes, mean inter-arrival time 14 s).</li>
 *   <li>{@code hadoop-large}: ten IO-bound text-search jobs of 2,400 maps, each submitted when the previous one ends
 *       (chained, delay 0), the first at time 0.</li>
 *   <li>{@code spark}: five iterative ALS jobs, each submitted 2 minutes after the previous one ends (chained, delay
 *       120 s), the first at time 0; each job runs its iterations in order (one stage per iteration).</li>
 *   <li>{@code mpi}: eight rigid (GANG) Torque/MPI tachyon jobs of 24 tasks, six small and two large, submitted at
 *       fixed times, every rank running the same time.</li>
 * </ul>
 *
 * <p>Task durations are log-normal; tasks are sized as the paper's slots. Deliberately left out: data locality, delay
 * scheduling, Spark's caching and broadcasts (beyond a fixed per-iteration cost) and Torque's own queueing policy.
 */
final class MesosPaperMix {
  private static final ResourceShape HADOOP = ResourceShape.of(1, 2048);
  private static final ResourceShape SPARK = ResourceShape.of(1, 4096);
  private static final ResourceShape MPI = ResourceShape.of(2, 4096);
  /**
   * Priorities for the {@code priority} allocator (larger first): the small production Hadoop jobs, then Spark, then
   * Torque/MPI, then the large batch Hadoop jobs. DRF and the other allocators ignore them.
   */
  private static final int PRIORITY_FACEBOOK = 3;
  private static final int PRIORITY_SPARK = 2;
  private static final int PRIORITY_MPI = 1;
  private static final int PRIORITY_HADOOP_LARGE = 0;
  /** Median map time of the large Hadoop jobs (s). */
  private static final double LARGE_MAP_MEDIAN_S = 11;
  /** Iterations of a Spark job, tasks per iteration and their median time (s). */
  private static final int SPARK_ITERATIONS = 10;
  private static final int SPARK_TASKS = 96;
  private static final double SPARK_TASK_MEDIAN_S = 13.5;
  /** Median run time of the small and large tachyon jobs (s). */
  private static final double MPI_SMALL_MEDIAN_S = 300;
  private static final double MPI_LARGE_MEDIAN_S = 700;

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
    return new JobSource("facebook", PRIORITY_FACEBOOK, JobKind.BATCH, order.size(), JobSource.poisson(gaps, 0), i -> {
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
    Sampler maps = Sampler.logNormalMedian(rng, LARGE_MAP_MEDIAN_S, 0.3);
    return new JobSource("hadoop-large", PRIORITY_HADOOP_LARGE, JobKind.BATCH, 10, JobSource.fixed(new double[10]),
        i -> sampleTasks(HADOOP, 2400, maps)).chained(0);
  }

  private static JobSource spark(RandomGenerator rng) {
    Sampler tasks = Sampler.logNormalMedian(rng, SPARK_TASK_MEDIAN_S, 0.25);
    return new JobSource("spark", PRIORITY_SPARK, JobKind.BATCH, 5, JobSource.fixed(new double[5]),
        i -> sampleTasks(SPARK, SPARK_ITERATIONS * SPARK_TASKS, tasks))
        .chained(Sampler.micros(120))
        .staged((i, n) -> Collections.nCopies(SPARK_ITERATIONS, SPARK_TASKS));
  }

  private static JobSource mpi(RandomGenerator rng) {
    double[] times = {30, 240, 450, 660, 870, 1080, 1290, 1500};
    Sampler small = Sampler.logNormalMedian(rng, MPI_SMALL_MEDIAN_S, 0.2);
    Sampler large = Sampler.logNormalMedian(rng, MPI_LARGE_MEDIAN_S, 0.2);
    return new JobSource("mpi", PRIORITY_MPI, JobKind.GANG, times.length, JobSource.fixed(times), i -> {
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
