package io.offerlab.realruntime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.mesos.v1.Protos.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mesos' {@code --resources} text and its detection rules (containerizer.cpp). */
class AgentResourcesTest {
  @TempDir
  Path work;

  @Test
  void parsesScalarsAndRanges() {
    List<Resource> rs = AgentResources.parse("cpus:4;mem:4096; ports:[31000-32000, 40000-40001]");
    assertEquals(4.0, AgentResources.scalarOf(rs, "cpus"));
    assertEquals(4096.0, AgentResources.scalarOf(rs, "mem"));
    assertEquals(2, rs.get(2).getRanges().getRangeCount());
    assertEquals(40001, rs.get(2).getRanges().getRange(1).getEnd());
  }

  @Test
  void badTextNamesThePart() {
    var e = assertThrows(IllegalArgumentException.class, () -> AgentResources.parse("cpus:four"));
    assertEquals("--resources: expected a number or [begin-end,...] ranges, found 'cpus:four'", e.getMessage());
    var r = assertThrows(IllegalArgumentException.class, () -> AgentResources.parse("ports:[5-1]"));
    assertTrue(r.getMessage().contains("'ports:[5-1]'"), r.getMessage());
  }

  @Test
  void detectsAsMesosDoesAndGivenValuesWin() throws Exception {
    List<Resource> rs = AgentResources.resolve("cpus:1.5", work);
    assertEquals(1.5, AgentResources.scalarOf(rs, "cpus"));
    long memMb = AgentResources.memoryTotalMb();
    assertEquals(memMb >= 2048 ? memMb - 1024 : memMb / 2, (long) AgentResources.scalarOf(rs, "mem"));
    long diskMb = Files.getFileStore(work).getTotalSpace() / (1024 * 1024);
    assertEquals(diskMb >= 10240 ? diskMb - 5120 : diskMb / 2, (long) AgentResources.scalarOf(rs, "disk"));
    assertEquals(List.of(31000L, 31001L), AgentResources.portsOf(rs).subList(0, 2));
    assertEquals(1001, AgentResources.portsOf(rs).size());
  }
}
