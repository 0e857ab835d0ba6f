package io.offerlab.simcore;

import static io.offerlab.simcore.Fixtures.job;
import static io.offerlab.simcore.Fixtures.micros;

import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.UsagePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded mix of everything the cluster model handles: elastic batch jobs (some using more CPU than they request),
 * long service tasks (some unbounded), gang jobs, and tasks whose memory grows past their limit.
 */
final class MixedWorkload {
  static final String CONFIG = config("");

  /** The mix's settings, with more {@code simulation} keys. */
  static String config(String simulation) {
    return """
      master: {offerLatency: 50ms, offerTimeout: 20s}
      allocator: {partitionRoles: [batch, batch2, mpi, mpi2, oomy, svc]}
      agents: {mtbf: 3000s, mttr: 120s}
      frameworks:
        default: {tJob: 0.2s, tTask: 10ms, retryLimit: 2}
        mpi: {gangPolicy: hold}
        mpi2: {gangPolicy: decline}
      metrics: {sampleInterval: 30s}
      simulation: {endTime: 4000s%s}
      """.formatted(simulation.isEmpty() ? "" : ", " + simulation);
  }
  static final String CLUSTER = "uniform:24:cpus:8;mem:32768";

  private MixedWorkload() {}

  static List<Job> jobs(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Job> jobs = new ArrayList<>();
    double t = 0;
    for (int i = 0; i < count; i++) {
      t += -4 * Math.log1p(-random.nextDouble());
      int kind = random.nextInt(10);
      if (kind < 5) {
        List<TaskSpec> tasks = new ArrayList<>();
        int n = 1 + random.nextInt(12);
        for (int k = 0; k < n; k++) {
          double cpus = 0.5 + random.nextInt(4) * 0.5;
          double duration = 5 + random.nextInt(120);
          if (random.nextInt(4) == 0) {
            tasks.add(new TaskSpec(ResourceShape.of(cpus, 1024), micros(duration),
                List.of(new UsagePoint(0, cpus * 2, 800), new UsagePoint(micros(duration / 2), cpus / 2, 900))));
          } else {
            tasks.add(TaskSpec.of(ResourceShape.of(cpus, 512 + random.nextInt(4) * 512), micros(duration)));
          }
        }
        jobs.add(job("b" + i, random.nextBoolean() ? "batch" : "batch2", t, JobKind.BATCH, tasks));
      } else if (kind < 7) {
        long duration = random.nextInt(5) == 0 ? TaskSpec.UNBOUNDED : micros(200 + random.nextInt(800));
        int n = 1 + random.nextInt(3);
        List<TaskSpec> tasks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          tasks.add(TaskSpec.of(ResourceShape.of(1, 2048), duration));
        }
        jobs.add(job("s" + i, "svc", t, JobKind.SERVICE, tasks));
      } else if (kind < 9) {
        int n = 2 + random.nextInt(8);
        List<TaskSpec> tasks = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          tasks.add(TaskSpec.of(ResourceShape.of(2, 4096), micros(30 + random.nextInt(60))));
        }
        jobs.add(job("g" + i, random.nextBoolean() ? "mpi" : "mpi2", t, JobKind.GANG, tasks));
      } else {
        List<TaskSpec> tasks = new ArrayList<>();
        int n = 1 + random.nextInt(4);
        for (int k = 0; k < n; k++) {
          boolean grows = random.nextInt(3) == 0;
          tasks.add(new TaskSpec(ResourceShape.of(1, 1024), micros(60),
              List.of(new UsagePoint(micros(20), 1, grows ? 1500 : 700))));
        }
        jobs.add(job("o" + i, "oomy", t, JobKind.BATCH, tasks));
      }
    }
    return jobs;
  }
}
