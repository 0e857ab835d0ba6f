package io.offerlab.workloads.alibaba;

import static io.offerlab.workloads.ReaderFixtures.options;
import static io.offerlab.workloads.ReaderFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.Fuzz;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ReaderFixtures;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.Traces;
import io.offerlab.workloads.WorkloadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlibabaGpuReaderTest {
  /**
   * A pod on a whole GPU, one sharing 46% of a GPU, a CPU-only pod, a two-GPU pod, and a pod that was still pending
   * when deleted (empty scheduled_time, empty gpu_spec).
   */
  static final String PODS = """
      name,cpu_milli,memory_mib,num_gpu,gpu_milli,gpu_spec,qos,pod_phase,creation_time,deletion_time,scheduled_time
      pod-a,12000,16384,1,1000,,LS,Running,0,100,0
      pod-b,6000,12288,1,460,V100M16|V100M32,BE,Succeeded,10,70,20
      pod-c,8000,30517,0,0,,Burstable,Running,10,40,10
      pod-d,88000,327680,2,1000,,Guaranteed,Failed,30,90,31
      pod-e,4000,1024,1,500,,BE,Pending,40,45,
      """;

  static final String NODES = """
      sn,cpu_milli,memory_mib,gpu,model
      node-0,32000,262144,0,
      node-1,96000,393216,8,G2
      node-2,32000,262144,0,
      """;

  @TempDir
  Path tmp;

  private Path write(String name, String text) {
    return ReaderFixtures.write(tmp.resolve(name), text);
  }

  @Test
  void podsAreServiceJobsWithFractionalGpus() {
    write("openb_pod_list_default.csv", PODS);
    write("openb_node_list_all_node.csv", NODES);
    List<Job> jobs = readAll(new AlibabaGpuReader(tmp.toString(), options()));
    assertEquals(List.of("pod-a", "pod-b", "pod-c", "pod-d", "pod-e"), jobs.stream().map(Job::id).toList());
    Job a = jobs.get(0);
    assertEquals(JobKind.SERVICE, a.kind());
    assertEquals("LS", a.framework());
    assertEquals(2, a.priority());
    assertEquals(List.of(TaskSpec.of(new ResourceShape(12, 16384, 0, 1), 100_000_000)), a.tasks());
    // Shares 460/1000 of one GPU; runs from scheduled (20 s) to deletion (70 s).
    Job b = jobs.get(1);
    assertEquals(10_000_000, b.arrivalMicros());
    assertEquals(List.of(TaskSpec.of(new ResourceShape(6, 12288, 0, 0.46), 50_000_000)), b.tasks());
    assertEquals(0, jobs.get(2).tasks().get(0).request().gpus());
    assertEquals(2, jobs.get(3).tasks().get(0).request().gpus());
    assertEquals(3, jobs.get(3).priority());
    // Never scheduled: runs from creation to deletion.
    assertEquals(5_000_000, jobs.get(4).tasks().get(0).durationMicros());
  }

  @Test
  void pendingPodsCanBeDropped() {
    write("openb_pod_list_default.csv", PODS);
    AlibabaGpuReader r = new AlibabaGpuReader(tmp.resolve("openb_pod_list_default.csv").toString(),
        options("alibaba-gpu2023.pending", "drop"));
    assertEquals(4, readAll(r).size());
    assertEquals(1L, r.stats().counters().get("alibaba-gpu2023.droppedPending"));
    assertTrue(r.clusterHint().isEmpty());
  }

  @Test
  void nodeListIsTheClusterHint() {
    write("openb_pod_list_default.csv", PODS);
    write("openb_node_list_all_node.csv", NODES);
    try (AlibabaGpuReader r = new AlibabaGpuReader(tmp.toString(), options())) {
      assertEquals(List.of(new AgentGroup(2, new ResourceShape(32, 262144, 0, 0)),
          new AgentGroup(1, new ResourceShape(96, 393216, 0, 8))), r.clusterHint().orElseThrow());
    }
  }

  @Test
  void attributesOfferQosPhaseAndGpuClass() {
    write("openb_pod_list_default.csv", PODS);
    try (AlibabaGpuReader r = new AlibabaGpuReader(tmp.toString(), options())) {
      r.next();
      r.next();
      assertEquals("BE", r.attribute("qos"));
      assertEquals("Succeeded", r.attribute("phase"));
      assertEquals("gpu-shared", r.attribute("gpu"));
      assertEquals("V100M16|V100M32", r.attribute("gpuSpec"));
    }
  }

  @Test
  void badRowsAndHeadersNameFileAndLine() {
    write("openb_pod_list_default.csv", PODS.replace("pod-c,8000,30517,0,0,,Burstable,Running,10,40,10",
        "pod-c,8000,30517,0,0,,Burstable,Running,10,5,10"));
    WorkloadException e = assertThrows(WorkloadException.class,
        () -> readAll(new AlibabaGpuReader(tmp.toString(), options())));
    assertEquals(tmp.getFileName() + "/openb_pod_list_default.csv:4: expected a time of at least the scheduled time"
        + " in column 10 (deletion_time), found '5'", e.getMessage());
    write("openb_pod_list_default.csv", PODS.replace("memory_mib", "mem"));
    WorkloadException header = assertThrows(WorkloadException.class,
        () -> new AlibabaGpuReader(tmp.toString(), options()));
    assertTrue(header.getMessage().contains("openb_pod_list_default.csv:1: expected the pod list header"),
        header.getMessage());
    write("openb_pod_list_default.csv", PODS.lines().findFirst().orElseThrow() + "\n");
    WorkloadException empty = assertThrows(WorkloadException.class,
        () -> new AlibabaGpuReader(tmp.toString(), options()));
    assertTrue(empty.getMessage().endsWith("openb_pod_list_default.csv:2: expected a pod row, found end of file"
        + " (empty trace)"), empty.getMessage());
  }

  @Test
  void readsTheSharedSampleEndToEnd() {
    Path dir = Traces.dir("alibaba-gpu-2023");
    AlibabaGpuReader r = new AlibabaGpuReader(dir.toString(), options());
    List<Job> jobs = readAll(r);
    assertEquals(8_152, jobs.size());
    assertEquals(8_152, r.stats().rowsRead());
    assertEquals(1_523L, r.stats().counters().get("alibaba-gpu2023.nodes"));
    List<AgentGroup> hint = r.clusterHint().orElseThrow();
    assertEquals(1_523, hint.stream().mapToInt(AgentGroup::count).sum());
    // Cross-checked with awk: total node GPUs and CPUs, and pod GPU requests (gpu_milli / 1000 when num_gpu = 1).
    assertEquals(6_212, hint.stream().mapToDouble(g -> g.count() * g.shape().gpus()).sum());
    assertEquals(125_514, hint.stream().mapToDouble(g -> g.count() * g.shape().cpus()).sum(), 1e-6);
    assertEquals(6_086.8, jobs.stream().mapToDouble(j -> j.tasks().get(0).request().gpus()).sum(), 1e-6);
    assertEquals(85_436.012, jobs.stream().mapToDouble(j -> j.tasks().get(0).request().cpus()).sum(), 1e-6);
  }

  @Property(tries = 200)
  void garbledRowsFailCleanlyWithFileAndLine(@ForAll long seed) throws IOException {
    Path dir = Files.createTempDirectory("alifuzz");
    Path pods = dir.resolve("openb_pod_list_default.csv");
    try {
      Files.writeString(pods, Fuzz.garble(PODS, seed));
      Fuzz.assertReadsOrFailsCleanly(() -> new AlibabaGpuReader(dir.toString(), options()),
          "openb_pod_list_default.csv");
    } finally {
      Files.delete(pods);
      Files.delete(dir);
    }
  }
}
