package io.offerlab.simcore;

import static io.offerlab.simcore.Fixtures.batch;
import static io.offerlab.simcore.Fixtures.copies;
import static io.offerlab.simcore.Fixtures.job;
import static io.offerlab.simcore.Fixtures.task;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Omega's offer-hoarding result (Schwarzkopf et al., EuroSys 2013, section 5.1, Mesos): a batch framework and a
 * service framework share a cluster of agents with 1 GB per CPU, and the batch framework runs tasks of one CPU and
 * 1 GB, so free resources are balanced. Each service job makes the service framework revive; DRF, which ranks it
 * far below the busy batch framework, then offers it every free agent, and it holds those offers for its whole
 * decision time tJob. Resources freed meanwhile go to it as well, since its share, offers included, stays below the
 * batch framework's. Batch jobs that arrive during the decision find nothing
 * offered to them, so as the service framework's tJob grows from 0.1 s to 1 s to 10 s, batch jobs wait longer: the
 * mean wait must grow monotonically, and by at least 3x from 0.1 s to 10 s.
 */
class OfferHoardingTest {
  private static List<Job> workload() {
    List<Job> jobs = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(42);
    double t = 0;
    for (int i = 0; i < 600; i++) {
      t += -2 * Math.log1p(-random.nextDouble());
      jobs.add(batch("b" + i, "batch", Math.round(t * 1000) / 1000.0, copies(4, task(1, 1024, 30))));
    }
    for (int i = 0; i < 60; i++) {
      jobs.add(job("s" + i, "service", 5.5 + 20 * i, JobKind.SERVICE, List.of(task(0.5, 512, 30))));
    }
    return jobs;
  }

  @Test
  void batchWaitGrowsWithTheServiceFrameworksDecisionTime(@TempDir Path dir) {
    double[] waits = new double[3];
    String[] tJobs = {"0.1s", "1s", "10s"};
    for (int i = 0; i < tJobs.length; i++) {
      var run = Fixtures.run("frameworks: {service: {tJob: " + tJobs[i] + "}}\n", workload(), "drf",
          "uniform:20:cpus:4;mem:4096", 7, dir.resolve("t" + i));
      waits[i] = run.meanWait("batch");
    }
    assertTrue(waits[0] < waits[1] && waits[1] < waits[2], "batch wait grows with service tJob: "
        + java.util.Arrays.toString(waits));
    assertTrue(waits[2] > 3 * waits[0], "batch wait at tJob 10 s is large against 0.1 s: "
        + java.util.Arrays.toString(waits));
  }
}
