package io.offerlab.realruntime.cgroups;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Version and hierarchy detection from mount tables as real hosts write them (ARCHITECTURE.md 7.2). */
class CgroupHostTest {
  private static final Path ROOT = Path.of("/sys/fs/cgroup");

  @Test
  void tmpfsWithSeparateCpuAndCpuacctMountsIsV1AndAStrayCgroup2MountDoesNotMakeItV2() throws IOException {
    var host = CgroupHost.detect(ROOT, List.of(
        "tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0",
        "cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0",
        "cgroup /sys/fs/cgroup/cpuacct cgroup rw,relatime,cpuacct 0 0",
        "cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0",
        "cgroup /sys/fs/cgroup/systemd cgroup rw,relatime,name=systemd 0 0",
        "cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0"), List.of(
        "9:name=systemd:/",
        "4:memory:/process_api/abc",
        "2:cpuacct:/",
        "1:cpu:/",
        "0::/"));
    assertEquals(1, host.version());
    assertEquals(Path.of("/sys/fs/cgroup/cpu"), host.controllerDirs().get("cpu"));
    assertEquals(Path.of("/sys/fs/cgroup/cpuacct"), host.controllerDirs().get("cpuacct"));
    assertEquals(Path.of("/sys/fs/cgroup/memory/process_api/abc"), host.controllerDirs().get("memory"));
  }

  @Test
  void aCombinedCpuCpuacctMountServesBothControllers() throws IOException {
    var host = CgroupHost.detect(ROOT, List.of(
        "tmpfs /sys/fs/cgroup tmpfs ro,nosuid,nodev,noexec,mode=755 0 0",
        "cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,nosuid,nodev,noexec,relatime,cpu,cpuacct 0 0",
        "cgroup /sys/fs/cgroup/freezer cgroup rw,nosuid,nodev,noexec,relatime,freezer 0 0"), List.of(
        "5:freezer:/docker/x",
        "3:cpu,cpuacct:/docker/x"));
    assertEquals(1, host.version());
    assertEquals(Path.of("/sys/fs/cgroup/cpu,cpuacct/docker/x"), host.controllerDirs().get("cpu"));
    assertEquals(host.controllerDirs().get("cpu"), host.controllerDirs().get("cpuacct"));
    assertEquals(Path.of("/sys/fs/cgroup/freezer/docker/x"), host.controllerDirs().get("freezer"));
  }

  @Test
  void cgroup2AtTheRootIsV2() throws IOException {
    var host = CgroupHost.detect(ROOT, List.of("cgroup2 /sys/fs/cgroup cgroup2 rw,nosuid,nodev,noexec,relatime 0 0"),
        List.of("0::/user.slice/user-0.slice/session-1.scope"));
    assertEquals(2, host.version());
    assertEquals(Path.of("/sys/fs/cgroup/user.slice/user-0.slice/session-1.scope"), host.controllerDirs().get(""));
  }

  @Test
  void nothingMountedFailsWithAClearMessage() {
    var e = assertThrows(IOException.class, () -> CgroupHost.detect(ROOT, List.of("proc /proc proc rw 0 0"),
        List.of()));
    assertEquals("cgroups: nothing is mounted at /sys/fs/cgroup", e.getMessage());
  }
}
