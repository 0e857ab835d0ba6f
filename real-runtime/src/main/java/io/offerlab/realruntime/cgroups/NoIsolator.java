package io.offerlab.realruntime.cgroups;

import io.offerlab.isolationmodel.CgroupSettings;
import java.util.List;
import java.util.OptionalLong;

/**
 * No isolation ({@code --isolation none}, Mesos' {@code posix} isolators): tasks share the agent's cgroups, limits are
 * not enforced and a kill reaches the task's descendants only while they are still its descendants.
 */
public final class NoIsolator implements Isolator {
  @Override
  public TaskContainer create(String name, CgroupSettings settings) {
    return new NoContainer();
  }

  @Override
  public void close() {
  }

  @Override
  public String describe() {
    return "none";
  }

  /** A task without cgroups: the agent tracks its process handle and descendants. */
  public static final class NoContainer implements TaskContainer {
    private volatile ProcessHandle root;

    /** Tell the container which process is the task's first. */
    public void attach(ProcessHandle process) {
      root = process;
    }

    @Override
    public List<String> procsFiles() {
      return List.of();
    }

    private List<ProcessHandle> tree() {
      ProcessHandle r = root;
      if (r == null) {
        return List.of();
      }
      var all = new java.util.ArrayList<ProcessHandle>(r.descendants().toList());
      all.add(r);
      return all;
    }

    @Override
    public void terminate() {
      tree().forEach(ProcessHandle::destroy);
    }

    @Override
    public void kill() {
      tree().forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public boolean oomKilled() {
      return false;
    }

    @Override
    public OptionalLong cpuUsageNanos() {
      return OptionalLong.empty();
    }

    @Override
    public void destroy() {
      kill();
    }
  }
}
