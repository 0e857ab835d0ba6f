package io.offerlab.realruntime.cgroups;

import io.offerlab.isolationmodel.CgroupSettings;
import java.io.IOException;

/** Creates task containers on one agent: cgroups v1, cgroups v2 or none, as Mesos' {@code --isolation} chooses. */
public interface Isolator {
  /** Create the container of a task named {@code name} (a safe file name) with the given cgroup values. */
  TaskContainer create(String name, CgroupSettings settings) throws IOException;

  /** Remove the agent's own cgroup directories when they are empty; called when the agent stops. */
  void close() throws IOException;

  /** Return a short description for logs and state ({@code cgroups v1}, {@code cgroups v2}, {@code none}). */
  String describe();
}
