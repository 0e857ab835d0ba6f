package io.offerlab.workloads.synthetic;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@code synthetic:omega-batch-service}: the two workload types of Schwarzkopf et al., "Omega: flexible, scalable
 * schedulers for large compute clusters", EuroSys 2013, section 2.1: most jobs are short batch jobs, but long-running
 * service jobs hold most of the resources.
 *
 * <ul>
 *   <li>{@code batch}: 900 jobs, Poisson arrivals of mean 4 s over the first hour; log-normal task counts (median 5,
 *       sigma 1, at most 200) of &lt;0.5 CPU, 1 GB&gt;, log-normal durations (median 45 s, sigma 1).</li>
 *   <li>{@code service}: 10 SERVICE jobs, Poisson arrivals of mean 60 s, 20 to 40 tasks of &lt;2 CPUs, 8 GB&gt; that
 *       run until the end of the hour plus an exponential tail (mean 5 minutes): about 75% of the cluster.</li>
 * </ul>
 *
 * <p>Sized for 100 agents of 8 CPUs and 32 GB. Service jobs have priority 1, batch jobs 0. Left out: Omega's
 * per-cluster parameter fits and the many-days span of its traces.
 */
final class OmegaBatchServiceMix {
  private static final double SPAN_SECONDS = 3600;

  private OmegaBatchServiceMix() {}

  static Generated create(long seed) {
    List<JobSource> sources = new ArrayList<>();
    sources.add(batch(Streams.of(seed, "batch")));
    sources.add(service(Streams.of(seed, "service")));
    return new Generated(sources, List.of(new AgentGroup(100, ResourceShape.of(8, 32 * 1024))));
  }

  private static JobSource batch(RandomGenerator rng) {
    ResourceShape shape = ResourceShape.of(0.5, 1024);
    Sampler counts = Sampler.logNormalMedian(rng, 5, 1);
    Sampler durations = Sampler.logNormalMedian(rng, 45, 1);
    return new JobSource("batch", 0, JobKind.BATCH, 900, JobSource.poisson(Sampler.exponential(rng, 4), 0), i -> {
      int n = (int) Math.max(1, Math.min(200, Math.round(counts.sample())));
      return MesosPaperMix.sampleTasks(shape, n, durations);
    });
  }

  private static JobSource service(RandomGenerator rng) {
    ResourceShape shape = ResourceShape.of(2, 8 * 1024);
    Sampler counts = Sampler.uniformInt(rng, 20, 40);
    Sampler tail = Sampler.exponential(rng, 300);
    JobSource.Arrivals arrivals = JobSource.poisson(Sampler.exponential(rng, 60), 0);
    long[] arrival = new long[1];
    return new JobSource("service", 1, JobKind.SERVICE, 10, (i, previous) -> {
      arrival[0] = arrivals.next(i, previous);
      return arrival[0];
    }, i -> {
      int n = (int) counts.sample();
      List<TaskSpec> tasks = new ArrayList<>(n);
      double untilEnd = Math.max(0, SPAN_SECONDS - arrival[0] / 1e6);
      for (int k = 0; k < n; k++) {
        tasks.add(TaskSpec.of(shape, Sampler.micros(untilEnd + tail.sample())));
      }
      return tasks;
    });
  }
}
