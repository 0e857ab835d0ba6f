package io.offerlab.workloads.synthetic;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.reader.Options;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * {@code synthetic:poisson}: a parameterized open workload, the textbook model of cluster-scheduler studies (e.g.
 * the Omega paper's lightweight simulator, Schwarzkopf et al., EuroSys 2013, section 4.1): {@code synthetic.frameworks}
 * frameworks share {@code synthetic.jobs} jobs, each framework with Poisson arrivals at
 * {@code synthetic.rate / frameworks} jobs per second; task counts are fixed or exponential around
 * {@code synthetic.tasksPerJob}; durations are exponential, log-normal, Pareto or constant around
 * {@code synthetic.duration} seconds. For example {@code jobs=10000, tasksPerJob=100, frameworks=20} is a 1-million-task
 * load. The cluster hint is {@code synthetic.agents} agents of {@code agentCpus}, {@code agentMemMb} and
 * {@code agentGpus}.
 */
final class PoissonMix {
  private PoissonMix() {}

  static Generated create(long seed, Options o) {
    int jobs = o.positiveInt("synthetic.jobs", 1000);
    int frameworks = o.positiveInt("synthetic.frameworks", 4);
    double tasksPerJob = o.positiveDouble("synthetic.tasksPerJob", 10);
    String tasksDist = o.choice("synthetic.tasksDist", "fixed", "fixed", "exponential");
    double rate = o.positiveDouble("synthetic.rate", 1);
    double duration = o.positiveDouble("synthetic.duration", 60);
    String durationDist = o.choice("synthetic.durationDist", "exponential", "exponential", "lognormal", "pareto",
        "constant");
    double sigma = o.positiveDouble("synthetic.lognormalSigma", 1);
    double alpha = o.positiveDouble("synthetic.paretoAlpha", 2);
    if (alpha <= 1) {
      throw o.bad("synthetic.paretoAlpha", "a tail index above 1 (a finite mean)");
    }
    ResourceShape shape = new ResourceShape(o.positiveDouble("synthetic.cpus", 1), o.positiveDouble("synthetic.memMb",
        1024), 0, o.nonNegativeDouble("synthetic.gpus", 0));
    JobKind kind = JobKind.parse(o.choice("synthetic.kind", "batch", "batch", "service", "gang"));
    AgentGroup agents = new AgentGroup(o.positiveInt("synthetic.agents", 100), new ResourceShape(
        o.positiveDouble("synthetic.agentCpus", 8), o.positiveDouble("synthetic.agentMemMb", 32768), 0,
        o.nonNegativeDouble("synthetic.agentGpus", 0)));
    if (frameworks > jobs) {
      throw o.bad("synthetic.frameworks", "at most synthetic.jobs=" + jobs + " frameworks");
    }
    int width = Integer.toString(frameworks).length();
    List<JobSource> sources = new ArrayList<>();
    for (int f = 0; f < frameworks; f++) {
      String name = String.format(Locale.ROOT, "fw%0" + Math.max(2, width) + "d", f + 1);
      RandomGenerator rng = Streams.of(seed, name);
      int count = jobs / frameworks + (f < jobs % frameworks ? 1 : 0);
      Sampler gaps = Sampler.exponential(rng, frameworks / rate);
      Sampler counts = tasksDist.equals("fixed") ? Sampler.constant(tasksPerJob)
          : Sampler.exponential(rng, tasksPerJob);
      Sampler durations = switch (durationDist) {
        case "lognormal" -> Sampler.logNormalMean(rng, duration, sigma);
        case "pareto" -> Sampler.pareto(rng, duration, alpha);
        case "constant" -> Sampler.constant(duration);
        default -> Sampler.exponential(rng, duration);
      };
      sources.add(new JobSource(name, 0, kind, count, JobSource.poisson(gaps, 0), i -> {
        int n = (int) Math.max(1, Math.min(10_000_000, Math.round(counts.sample())));
        if (durationDist.equals("constant")) {
          return Collections.nCopies(n, TaskSpec.of(shape, Sampler.micros(duration)));
        }
        return MesosPaperMix.sampleTasks(shape, n, durations);
      }));
    }
    return new Generated(sources, List.of(agents));
  }
}
