package io.offerlab.realruntime.cgroups;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/** The container of one task: the files its first process joins, how to signal and kill its whole tree, what it used. */
public interface TaskContainer {
  /** Return the {@code cgroup.procs} files the task's first process writes its pid to before it execs; may be empty. */
  List<String> procsFiles();

  /** Send SIGTERM to every process of the task. */
  void terminate() throws IOException;

  /** SIGKILL every process of the task, also those that left its session or process group, and wait until none is left. */
  void kill() throws IOException;

  /** Return true when the kernel's OOM killer killed a process of the task (read before {@link #destroy()}). */
  boolean oomKilled() throws IOException;

  /** Return the CPU time the task's processes used, in nanoseconds, when the container accounts it. */
  OptionalLong cpuUsageNanos() throws IOException;

  /** Kill what is left and remove the task's cgroups; safe to call more than once. */
  void destroy() throws IOException;
}
