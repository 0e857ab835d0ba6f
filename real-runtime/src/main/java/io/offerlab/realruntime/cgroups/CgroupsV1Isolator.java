package io.offerlab.realruntime.cgroups;

import io.offerlab.isolationmodel.CgroupSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Task containers in cgroups v1, one cgroup per task in each hierarchy at {@code <agent's cgroup>/offerlab/<agent>/<task>}
 * as Mesos' cgroups isolators place them under {@code --cgroups_root}. Values come from isolation-model's
 * {@link CgroupSettings#v1Files()}; kills freeze the task with the freezer, SIGKILL every pid, then thaw, so that no
 * child escapes by forking or by starting a new session. An optional cpuset pins every task to given CPUs; its
 * {@code cpuset.cpus} and {@code cpuset.mems} are written at each level before any pid joins, as the kernel requires.
 */
public final class CgroupsV1Isolator implements Isolator {
  private static final List<String> REQUIRED = List.of("cpu", "cpuacct", "memory", "freezer");

  private final Map<String, Path> agentDirs = new LinkedHashMap<>();
  private final String cpuset;

  /** Use the hierarchies of {@code host} (v1) for an agent named {@code agentName}; {@code cpuset} may be null. */
  public CgroupsV1Isolator(CgroupHost host, String agentName, String cpuset) throws IOException {
    if (host.version() != 1) {
      throw new IOException("cgroups: expected a v1 host, found v" + host.version());
    }
    var controllers = new ArrayList<>(REQUIRED);
    if (cpuset != null) {
      controllers.add("cpuset");
    }
    for (String controller : controllers) {
      Path own = host.controllerDirs().get(controller);
      if (own == null) {
        throw new IOException("cgroups: the v1 '" + controller + "' controller is not mounted");
      }
      if (!Files.isWritable(own)) {
        throw new IOException("cgroups: " + own + " is not writable");
      }
      agentDirs.put(controller, own.resolve("offerlab").resolve(agentName));
    }
    this.cpuset = cpuset;
  }

  @Override
  public TaskContainer create(String name, CgroupSettings settings) throws IOException {
    var dirs = new LinkedHashMap<String, Path>();
    for (var entry : agentDirs.entrySet()) {
      dirs.put(entry.getKey(), entry.getValue().resolve(name));
    }
    var distinct = new LinkedHashSet<>(dirs.values());
    for (Path dir : distinct) {
      if (dir.equals(dirs.get("cpuset"))) {
        makeCpusetDirs(dir);
      } else {
        Files.createDirectories(dir);
      }
    }
    for (var file : settings.v1Files().entrySet()) {
      String controller = file.getKey().substring(0, file.getKey().indexOf('.'));
      CgroupFiles.write(dirs.get(controller).resolve(file.getKey()), file.getValue());
    }
    return new V1Container(dirs, distinct);
  }

  private void makeCpusetDirs(Path taskDir) throws IOException {
    Path own = taskDir.getParent().getParent().getParent();
    Path dir = own;
    for (Path part : own.relativize(taskDir)) {
      Path parent = dir;
      dir = dir.resolve(part);
      if (!Files.isDirectory(dir)) {
        Files.createDirectory(dir);
        CgroupFiles.write(dir.resolve("cpuset.mems"), CgroupFiles.read(parent.resolve("cpuset.mems")));
        CgroupFiles.write(dir.resolve("cpuset.cpus"), dir.equals(taskDir) ? cpuset
            : CgroupFiles.read(parent.resolve("cpuset.cpus")));
      }
    }
  }

  @Override
  public void close() {
    for (Path agentDir : new LinkedHashSet<>(agentDirs.values())) {
      CgroupFiles.rmdir(agentDir);
      CgroupFiles.rmdir(agentDir.getParent());
    }
  }

  @Override
  public String describe() {
    return "cgroups v1";
  }

  private static final class V1Container implements TaskContainer {
    private final Map<String, Path> dirs;
    private final LinkedHashSet<Path> distinct;

    V1Container(Map<String, Path> dirs, LinkedHashSet<Path> distinct) {
      this.dirs = dirs;
      this.distinct = distinct;
    }

    @Override
    public List<String> procsFiles() {
      return distinct.stream().map(d -> d.resolve("cgroup.procs").toString()).toList();
    }

    private List<Long> pids() throws IOException {
      var all = new LinkedHashSet<Long>();
      for (Path dir : distinct) {
        all.addAll(CgroupFiles.pids(dir.resolve("cgroup.procs")));
      }
      return new ArrayList<>(all);
    }

    @Override
    public void terminate() throws IOException {
      CgroupFiles.signal(pids(), false);
    }

    @Override
    public void kill() throws IOException {
      Path freezer = dirs.get("freezer");
      if (!Files.isDirectory(freezer)) {
        return;
      }
      Path state = freezer.resolve("freezer.state");
      for (int round = 0; round < 5 && !pids().isEmpty(); round++) {
        CgroupFiles.write(state, "FROZEN");
        CgroupFiles.await(() -> CgroupFiles.read(state).equals("FROZEN"), 1_000);
        CgroupFiles.signal(pids(), true);
        CgroupFiles.write(state, "THAWED");
        CgroupFiles.await(() -> pids().isEmpty(), 2_000);
      }
    }

    @Override
    public boolean oomKilled() throws IOException {
      Path memory = dirs.get("memory");
      return CgroupFiles.keyed(memory.resolve("memory.oom_control"), "oom_kill") > 0;
    }

    @Override
    public OptionalLong cpuUsageNanos() throws IOException {
      Path usage = dirs.get("cpuacct").resolve("cpuacct.usage");
      return Files.exists(usage) ? OptionalLong.of(Long.parseLong(CgroupFiles.read(usage))) : OptionalLong.empty();
    }

    @Override
    public void destroy() throws IOException {
      if (!pids().isEmpty()) {
        kill();
      }
      for (Path dir : distinct) {
        CgroupFiles.await(() -> CgroupFiles.rmdir(dir), 2_000);
        if (Files.exists(dir)) {
          throw new IOException("cgroups: cannot remove " + dir);
        }
      }
    }
  }
}
