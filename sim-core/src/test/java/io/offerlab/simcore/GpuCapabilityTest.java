package io.offerlab.simcore;

import static io.offerlab.simcore.Fixtures.batch;
import static io.offerlab.simcore.Fixtures.copies;
import static io.offerlab.simcore.Fixtures.micros;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offerlab.workloads.Job;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mesos' {@code filterGpuResources} (on by default, MESOS-5634) in simulations: an agent with GPUs is offered only to
 * frameworks with the GPU_RESOURCES capability. A framework has it when one of its jobs asks for GPUs (from that job
 * on, as an UPDATE_FRAMEWORK would declare it) or when the config lists it under {@code capabilities}.
 *
 * <p>The cluster has one GPU agent (8 CPUs, 2 GPUs) and one CPU agent of 1 CPU. Framework {@code web} runs two 10 s
 * tasks of 1 CPU: confined to the CPU agent they run one after the other (finish at 20 s plus decision times); allowed
 * on the GPU agent they run side by side (about 10 s).
 */
class GpuCapabilityTest {
  private static final String NO_DELAYS = "frameworks: {default: {tJob: 0s, tTask: 0s}}\n";

  private static Path cluster(Path dir) throws Exception {
    Path file = dir.resolve("cluster.yaml");
    Files.writeString(file, """
        - {count: 1, resources: "cpus:8;mem:8192;gpus:2"}
        - {count: 1, resources: "cpus:1;mem:1024"}
        """);
    return file;
  }

  private static TaskSpec gpuTask(double seconds) {
    return TaskSpec.of(new ResourceShape(1, 512, 0, 1), micros(seconds));
  }

  private static Map<String, String> job(Fixtures.Run run, String id) {
    return run.jobs().stream().filter(j -> j.get("job_id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  void frameworkWithoutGpuJobsIsNotOfferedTheGpuAgent(@TempDir Path dir) throws Exception {
    List<Job> jobs = List.of(batch("w", "web", 0, copies(2, Fixtures.task(1, 256, 10))));
    var run = Fixtures.run(NO_DELAYS, jobs, "drf", cluster(dir).toString(), 1, dir.resolve("out"));
    assertEquals(1, run.result().jobsCompleted());
    assertEquals(20.0, Double.parseDouble(job(run, "w").get("finish_s")), 1.0, "web's tasks ran one after the other");
  }

  @Test
  void configCapabilityLetsTheFrameworkUseTheGpuAgent(@TempDir Path dir) throws Exception {
    List<Job> jobs = List.of(batch("w", "web", 0, copies(2, Fixtures.task(1, 256, 10))));
    String yaml = "frameworks: {default: {tJob: 0s, tTask: 0s}, web: {capabilities: [GPU_RESOURCES]}}\n";
    var run = Fixtures.run(yaml, jobs, "drf", cluster(dir).toString(), 1, dir.resolve("out"));
    assertEquals(1, run.result().jobsCompleted());
    assertEquals(10.0, Double.parseDouble(job(run, "w").get("finish_s")), 1.0, "web's tasks ran side by side");
  }

  /** A framework whose first job asks for no GPUs gains the capability with its first job that does. */
  @Test
  void aLaterGpuJobDeclaresTheCapability(@TempDir Path dir) throws Exception {
    List<Job> jobs = List.of(
        batch("c", "ml", 0, copies(1, Fixtures.task(1, 256, 10))),
        batch("g", "ml", 30, copies(1, gpuTask(10))));
    var run = Fixtures.run(NO_DELAYS, jobs, "drf", cluster(dir).toString(), 1, dir.resolve("out"));
    assertEquals(2, run.result().jobsCompleted());
    assertEquals(40.0, Double.parseDouble(job(run, "g").get("finish_s")), 1.0);
  }
}
