package io.offerlab.simcore.fairness;

import java.util.Arrays;

/**
 * A snapshot of what the fairness probes look at, in thousandths of cpus, mem (MB), disk (MB) and gpus: the cluster
 * total; per framework its pending and running task counts, its task shape (its most frequent pending request) and
 * what its running tasks hold; per agent that is up, its idle, unoffered resources. The arrays are reused from one
 * sample to the next, so sampling allocates nothing once they have grown.
 */
public final class ClusterState {
  /** Resource kinds: cpus, mem, disk, gpus. */
  public static final int KINDS = 4;
  /** Index of gpus in every vector. */
  public static final int GPUS = 3;

  final long[] total = new long[KINDS];
  int frameworks;
  long[] pending = new long[0];
  long[] running = new long[0];
  boolean[] hasShape = new boolean[0];
  boolean[] gpuCapable = new boolean[0];
  long[][] shape = new long[0][];
  long[][] alloc = new long[0][];
  int agents;
  long[][] idle = new long[0][];
  boolean[] agentHasGpus = new boolean[0];

  /** Starts a snapshot of {@code frameworks} frameworks and {@code agents} agents, with every vector zero. */
  public void reset(long[] clusterTotal, int frameworks, int agents) {
    System.arraycopy(clusterTotal, 0, total, 0, KINDS);
    this.frameworks = frameworks;
    this.agents = agents;
    if (pending.length < frameworks) {
      int n = Math.max(frameworks, pending.length * 2);
      pending = new long[n];
      running = new long[n];
      hasShape = new boolean[n];
      gpuCapable = new boolean[n];
      shape = vectors(n);
      alloc = vectors(n);
    }
    if (idle.length < agents) {
      int n = Math.max(agents, idle.length * 2);
      idle = vectors(n);
      agentHasGpus = new boolean[n];
    }
    for (int i = 0; i < frameworks; i++) {
      pending[i] = 0;
      running[i] = 0;
      hasShape[i] = false;
      gpuCapable[i] = false;
      Arrays.fill(alloc[i], 0);
    }
    for (int a = 0; a < agents; a++) {
      Arrays.fill(idle[a], 0);
      agentHasGpus[a] = false;
    }
  }

  private static long[][] vectors(int n) {
    long[][] out = new long[n][];
    for (int i = 0; i < n; i++) {
      out[i] = new long[KINDS];
    }
    return out;
  }

  /** Sets framework {@code i}'s task counts and whether it may be offered GPU agents. */
  public void framework(int i, long pendingTasks, long runningTasks, boolean gpu) {
    pending[i] = pendingTasks;
    running[i] = runningTasks;
    gpuCapable[i] = gpu;
  }

  /** Sets framework {@code i}'s task shape. */
  public void shape(int i, long cpus, long mem, long disk, long gpus) {
    long[] s = shape[i];
    s[0] = cpus;
    s[1] = mem;
    s[2] = disk;
    s[GPUS] = gpus;
    hasShape[i] = cpus > 0 || mem > 0 || disk > 0 || gpus > 0;
  }

  /** Adds a running task's resources to framework {@code i}'s allocation. */
  public void addAllocation(int i, long cpus, long mem, long disk, long gpus) {
    long[] v = alloc[i];
    v[0] += cpus;
    v[1] += mem;
    v[2] += disk;
    v[GPUS] += gpus;
  }

  /** Adds to agent {@code a}'s idle, unoffered resources ({@code sign} -1 takes away). */
  public void addIdle(int a, long cpus, long mem, long disk, long gpus, int sign) {
    long[] v = idle[a];
    v[0] += sign * cpus;
    v[1] += sign * mem;
    v[2] += sign * disk;
    v[GPUS] += sign * gpus;
  }

  /** Marks agent {@code a} as a GPU agent (Mesos offers it only to GPU-capable frameworks). */
  public void gpuAgent(int a) {
    agentHasGpus[a] = true;
  }



  /** Returns the number of frameworks in the snapshot. */
  public int frameworks() {
    return frameworks;
  }
}
