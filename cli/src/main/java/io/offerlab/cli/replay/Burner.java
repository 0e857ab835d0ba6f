package io.offerlab.cli.replay;

import io.offerlab.workloads.TaskSpec;
import java.util.Locale;

/**
 * The real work of a replayed task: Debian's {@code stress-ng} CPU stressor stopped after a fixed number of bogo
 * operations ({@code --cpu-ops}), so that CPU contention lengthens it as the cgroup CPU model predicts, plus a
 * {@code --vm} stressor that touches part of the task's memory and holds it. One stressor per started CPU the task
 * asks for, each at the task's duty cycle ({@code --cpu-load}) when its demand is fractional; the work rate (bogo
 * ops per CPU-second) comes from a calibration task on each agent.
 */
public final class Burner {
  /** The stressor method: integer arithmetic, no memory traffic, the same on every x86 and arm host. */
  public static final String METHOD = "int64";
  /** The fraction of a task's memory request the burner touches (the rest is stress-ng's own headroom). */
  public static final double MEMORY_FRACTION = 0.5;

  private Burner() {}

  /** Returns how many CPU stressors a task of {@code cpus} runs: one per started CPU. */
  public static int workers(double cpus) {
    return Math.max(1, (int) Math.ceil(cpus - 1e-9));
  }

  /** Returns the CPU-seconds a task does at {@code speedup}: demand times duration, divided by the speedup. */
  public static double cpuSeconds(TaskSpec task, double speedup) {
    return task.request().cpus() * (task.durationMicros() / 1e6) / speedup;
  }

  /**
   * Returns the shell command of one task.
   *
   * @param cpuSeconds the work in CPU-seconds
   * @param cpus the task's CPU request
   * @param memMb the task's memory request in MB
   * @param opsPerCpuSecond the agent's calibrated rate
   */
  public static String command(double cpuSeconds, double cpus, double memMb, double opsPerCpuSecond) {
    int workers = workers(cpus);
    long ops = Math.max(1, Math.round(cpuSeconds * opsPerCpuSecond / workers));
    // a fractional demand runs each stressor at that duty cycle, so that the task uses at most its demand, as the
    // simulator's tasks do (stress-ng --cpu-load)
    int load = (int) Math.round(100 * cpus / workers);
    String duty = load < 100 ? String.format(Locale.ROOT, " --cpu-load %d", Math.max(1, load)) : "";
    long touchMb = (long) Math.floor(memMb * MEMORY_FRACTION);
    StringBuilder sh = new StringBuilder();
    if (touchMb >= 4) {
      sh.append(String.format(Locale.ROOT,
          "stress-ng --quiet --vm 1 --vm-bytes %dM --vm-keep --vm-hang 0 & v=$!; ", touchMb));
    }
    for (int i = 0; i < workers; i++) {
      sh.append(String.format(Locale.ROOT, "stress-ng --quiet --cpu 1 --cpu-method %s%s --cpu-ops %d & c%d=$!; ",
          METHOD, duty, ops, i));
    }
    // wait for the CPU stressors only, then release the memory
    sh.append("s=0; ");
    for (int i = 0; i < workers; i++) {
      sh.append("wait \"$c").append(i).append("\" || s=1; ");
    }
    if (touchMb >= 4) {
      sh.append("kill \"$v\" 2>/dev/null; wait \"$v\" 2>/dev/null; ");
    }
    sh.append("exit $s");
    return sh.toString();
  }

  /** Returns the calibration command: {@code ops} bogo operations on one CPU stressor. */
  public static String calibration(long ops) {
    return String.format(Locale.ROOT, "stress-ng --quiet --cpu 1 --cpu-method %s --cpu-ops %d", METHOD, ops);
  }
}
