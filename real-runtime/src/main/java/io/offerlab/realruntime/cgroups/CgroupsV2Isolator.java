package io.offerlab.realruntime.cgroups;

import io.offerlab.isolationmodel.CgroupSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Task containers in cgroups v2 at {@code <agent's cgroup>/offerlab/<agent>/<task>}, with the values of
 * isolation-model's {@link CgroupSettings#v2Files()} ({@code cpu.weight}, {@code cpu.max}, {@code memory.max},
 * {@code memory.low}). Controllers are enabled down the path through {@code cgroup.subtree_control}; kills write
 * {@code cgroup.kill}; an OOM kill is the {@code oom_kill} counter of {@code memory.events}.
 *
 * <p>The agent's own cgroup must not hold processes of its own once controllers are enabled below it (the v2
 * "no internal processes" rule): the tasks live two levels down. Tested here against a fake directory only, as the
 * build machine mounts cgroups v1.
 */
public final class CgroupsV2Isolator implements Isolator {
  private final Path own;
  private final Path agentDir;
  private final String cpuset;

  /** Use the v2 hierarchy of {@code host} for an agent named {@code agentName}; {@code cpuset} may be null. */
  public CgroupsV2Isolator(CgroupHost host, String agentName, String cpuset) throws IOException {
    if (host.version() != 2) {
      throw new IOException("cgroups: expected a v2 host, found v" + host.version());
    }
    own = host.controllerDirs().get("");
    if (!Files.isWritable(own)) {
      throw new IOException("cgroups: " + own + " is not writable");
    }
    agentDir = own.resolve("offerlab").resolve(agentName);
    this.cpuset = cpuset;
  }

  @Override
  public TaskContainer create(String name, CgroupSettings settings) throws IOException {
    String enable = cpuset == null ? "+cpu +memory" : "+cpu +memory +cpuset";
    Path dir = own;
    for (Path part : own.relativize(agentDir.resolve(name))) {
      if (!Files.isDirectory(dir.resolve(part))) {
        Files.createDirectory(dir.resolve(part));
      }
      CgroupFiles.write(dir.resolve("cgroup.subtree_control"), enable);
      dir = dir.resolve(part);
    }
    for (var file : settings.v2Files().entrySet()) {
      CgroupFiles.write(dir.resolve(file.getKey()), file.getValue());
    }
    if (cpuset != null) {
      CgroupFiles.write(dir.resolve("cpuset.cpus"), cpuset);
    }
    return new V2Container(dir);
  }

  @Override
  public void close() {
    CgroupFiles.rmdir(agentDir);
    CgroupFiles.rmdir(agentDir.getParent());
  }

  @Override
  public String describe() {
    return "cgroups v2";
  }

  private record V2Container(Path dir) implements TaskContainer {
    @Override
    public List<String> procsFiles() {
      return List.of(dir.resolve("cgroup.procs").toString());
    }

    @Override
    public void terminate() throws IOException {
      CgroupFiles.signal(CgroupFiles.pids(dir.resolve("cgroup.procs")), false);
    }

    @Override
    public void kill() throws IOException {
      if (Files.isDirectory(dir)) {
        CgroupFiles.write(dir.resolve("cgroup.kill"), "1");
        CgroupFiles.await(() -> CgroupFiles.pids(dir.resolve("cgroup.procs")).isEmpty(), 5_000);
      }
    }

    @Override
    public boolean oomKilled() throws IOException {
      return CgroupFiles.keyed(dir.resolve("memory.events"), "oom_kill") > 0;
    }

    @Override
    public OptionalLong cpuUsageNanos() throws IOException {
      long usec = CgroupFiles.keyed(dir.resolve("cpu.stat"), "usage_usec");
      return Files.exists(dir.resolve("cpu.stat")) ? OptionalLong.of(usec * 1_000) : OptionalLong.empty();
    }

    @Override
    public void destroy() throws IOException {
      if (!CgroupFiles.pids(dir.resolve("cgroup.procs")).isEmpty()) {
        kill();
      }
      CgroupFiles.await(() -> CgroupFiles.rmdir(dir), 2_000);
      if (Files.exists(dir)) {
        throw new IOException("cgroups: cannot remove " + dir);
      }
    }
  }
}
