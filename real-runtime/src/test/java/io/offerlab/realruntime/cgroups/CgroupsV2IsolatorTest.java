package io.offerlab.realruntime.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.isolationmodel.CgroupSettings;
import io.offerlab.isolationmodel.IsolationConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cgroups v2 against a fake directory (this machine mounts v1): the files and values written, where the task's pid
 * goes, and how an OOM kill and a kill are read and written. A real v2 kernel is not exercised here.
 */
class CgroupsV2IsolatorTest {
  @TempDir
  Path root;

  @Test
  void writesTheModelsV2ValuesEnablesControllersAndReadsOomFromMemoryEvents() throws IOException {
    Path own = root.resolve("agent.slice");
    Files.createDirectories(own);
    var isolator = new CgroupsV2Isolator(new CgroupHost(2, Map.of("", own)), "a1", "0");
    CgroupSettings settings = CgroupSettings.forTask(1.5, 100, IsolationConfig.mesosCgroups());
    TaskContainer container = isolator.create("t1-run", settings);
    Path dir = own.resolve("offerlab/a1/t1-run");
    assertEquals(List.of(dir.resolve("cgroup.procs").toString()), container.procsFiles());
    assertEquals(Long.toString(settings.cpuWeight()), Files.readString(dir.resolve("cpu.weight")));
    assertEquals("max 100000", Files.readString(dir.resolve("cpu.max")));
    assertEquals(Long.toString(100L * 1024 * 1024), Files.readString(dir.resolve("memory.max")));
    assertEquals(Long.toString(100L * 1024 * 1024), Files.readString(dir.resolve("memory.low")));
    assertEquals("0", Files.readString(dir.resolve("cpuset.cpus")));
    for (Path level : List.of(own, own.resolve("offerlab"), own.resolve("offerlab/a1"))) {
      assertEquals("+cpu +memory +cpuset", Files.readString(level.resolve("cgroup.subtree_control")));
    }
    assertEquals(59, settings.cpuWeight(), "1 + (1536 - 2) * 9999 / 262142 = 59, as runc converts shares");

    assertFalse(container.oomKilled());
    Files.writeString(dir.resolve("memory.events"), "low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n");
    assertTrue(container.oomKilled());
    Files.writeString(dir.resolve("cpu.stat"), "usage_usec 2500\nuser_usec 2000\n");
    assertEquals(2_500_000, container.cpuUsageNanos().orElseThrow());

    Files.writeString(dir.resolve("cgroup.procs"), "");
    container.kill();
    assertEquals("1", Files.readString(dir.resolve("cgroup.kill")));
  }
}
