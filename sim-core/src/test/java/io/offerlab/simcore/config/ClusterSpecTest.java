package io.offerlab.simcore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.allocators.Resources;
import io.offerlab.workloads.AgentGroup;
import io.offerlab.workloads.ResourceShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cluster specs: uniform, a YAML file of agent groups, or the workload's own cluster. */
class ClusterSpecTest {
  @Test
  void uniform() {
    ClusterSpec spec = ClusterSpec.parse("uniform:96:cpus:4;mem:15360", Optional.empty());
    assertEquals(96, spec.agentCount());
    assertEquals(Resources.parse("cpus:384;mem:1474560"), spec.total());
  }

  @Test
  void yamlGroups(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cluster.yaml");
    Files.writeString(file, """
        - {count: 2, resources: "cpus:8;mem:32768"}
        - {count: 1, cpus: 32, mem: 131072, gpus: 4}
        """);
    ClusterSpec spec = ClusterSpec.parse(file.toString(), Optional.empty());
    assertEquals(3, spec.agentCount());
    assertEquals(Resources.parse("cpus:48;mem:196608;gpus:4"), spec.total());
  }

  @Test
  void traceUsesTheWorkloadsHint() {
    var hint = Optional.of(List.of(new AgentGroup(5, ResourceShape.of(2, 4096))));
    assertEquals(5, ClusterSpec.parse("trace", hint).agentCount());
    var e = assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse("trace", Optional.empty()));
    assertTrue(e.getMessage().startsWith("cluster 'trace': the workload implies no cluster"), e.getMessage());
  }

  @Test
  void badSpecsSayWhatWasExpected(@TempDir Path dir) throws Exception {
    assertEquals("cluster 'uniform:x:cpus:4': expected an agent count N in uniform:N:RESOURCES, found 'x'",
        assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse("uniform:x:cpus:4", Optional.empty()))
            .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse("uniform:0:cpus:4",
        Optional.empty())).getMessage().contains("expected an agent count > 0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse("uniform:2:mem:4",
        Optional.empty())).getMessage().contains("cpus > 0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse("big", Optional.empty()))
        .getMessage().startsWith("cluster 'big': expected uniform:N:RESOURCES"));
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "- {count: 2, cores: 8}\n");
    assertEquals(file + ": [0].cores: unknown key; expected one of count, cpus, disk, gpus, mem, resources",
        assertThrows(IllegalArgumentException.class, () -> ClusterSpec.parse(file.toString(), Optional.empty()))
            .getMessage());
  }
}
