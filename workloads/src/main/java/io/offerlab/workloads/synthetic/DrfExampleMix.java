package io.offerlab.workloads.synthetic;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.reader.Options;
import java.util.Collections;
import java.util.List;

/**
 * {@code synthetic:drf-example}: the worked example of Ghodsi et al., "Dominant Resource Fairness: Fair Allocation of
 * Multiple Resource Types", NSDI 2011, section 4: one machine of 9 CPUs and 18 GB; framework {@code A} runs tasks of
 * &lt;1 CPU, 4 GB&gt;, framework {@code B} tasks of &lt;3 CPUs, 1 GB&gt;. Each submits one job at time 0 with far more
 * tasks than fit ({@code synthetic.tasks}, default 1000, of {@code synthetic.duration} seconds, default 60), so demand
 * is effectively unbounded; DRF's steady state is A = 3 tasks, B = 2 tasks. Deterministic: no random draws.
 *
 * <p>The paper's DRF picks the user with the lowest dominant share for each single task. Mesos offers a framework the
 * whole agent and re-sorts only after the framework answers, so a framework that launched every task fitting its offer
 * would take A 4 tasks (&lt;4 CPUs, 16 GB&gt;) and leave B 1. The mix therefore suggests {@code maxTasksPerOffer: 1}
 * for every framework ({@link #SUGGESTED_CONFIG}): one task per offer, the rest declined, so each launch is followed
 * by a fresh DRF ordering, and the steady state is the paper's. A run's config can override it.
 */
final class DrfExampleMix {
  /** One task per offer, for every framework (docs/workloads.md, "synthetic:drf-example"). */
  static final String SUGGESTED_CONFIG = "frameworks:\n  default:\n    maxTasksPerOffer: 1\n";

  private DrfExampleMix() {}

  static Generated create(Options options) {
    int tasks = options.positiveInt("synthetic.tasks", 1000);
    long duration = Sampler.micros(options.positiveDouble("synthetic.duration", 60));
    TaskSpec a = TaskSpec.of(ResourceShape.of(1, 4096), duration);
    TaskSpec b = TaskSpec.of(ResourceShape.of(3, 1024), duration);
    return new Generated(List.of(
        new JobSource("A", 0, JobKind.BATCH, 1, JobSource.fixed(0), i -> Collections.nCopies(tasks, a)),
        new JobSource("B", 0, JobKind.BATCH, 1, JobSource.fixed(0), i -> Collections.nCopies(tasks, b))),
        List.of(new AgentGroup(1, ResourceShape.of(9, 18 * 1024))));
  }
}
