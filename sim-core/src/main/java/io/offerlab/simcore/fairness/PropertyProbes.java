package io.offerlab.simcore.fairness;

/**
 * The three fairness properties of the DRF paper (Ghodsi et al., "Dominant Resource Fairness: Fair Allocation of
 * Multiple Resource Types", NSDI 2011, section 2), checked on one {@link ClusterState}. Each framework is judged by its
 * task shape (its most frequent pending request); only frameworks with pending tasks and a non-zero shape are judged,
 * since a framework that wants nothing more can be neither short-changed nor envious.
 *
 * <ul>
 *   <li><b>Sharing incentive:</b> framework i runs at least min(pending_i + running_i, the tasks of its shape that fit
 *       in a 1/n slice of every resource of the cluster), n being the frameworks with pending or running tasks;</li>
 *   <li><b>Envy-freeness:</b> no framework j holds (in running tasks) an allocation in which framework i could run
 *       more tasks of i's shape than in i's own allocation;</li>
 *   <li><b>Pareto efficiency:</b> no agent has idle, unoffered resources that hold one more task of i's shape (GPU
 *       agents count only for GPU-capable frameworks, as Mesos offers them only to those).</li>
 * </ul>
 * "Tasks of a shape that fit in a vector" is the floor of the smallest ratio over the kinds the shape asks for,
 * computed exactly on thousandths. The aggregate checks (sharing incentive, envy) ignore how resources are split among
 * agents, as the paper's model does; Pareto efficiency asks for one agent that fits a whole task.
 */
public final class PropertyProbes {
  private PropertyProbes() {}

  /** Returns how many tasks of {@code shape} fit in {@code vector} (Long.MAX_VALUE for an all-zero shape). */
  public static long fit(long[] shape, long[] vector) {
    long n = Long.MAX_VALUE;
    for (int k = 0; k < ClusterState.KINDS; k++) {
      if (shape[k] > 0) {
        n = Math.min(n, Math.max(0, vector[k]) / shape[k]);
      }
    }
    return n;
  }

  /** Returns how many tasks of {@code shape} fit in a 1/{@code n} slice of {@code total}. */
  public static long fitInSlice(long[] shape, long[] total, int n) {
    long fit = Long.MAX_VALUE;
    for (int k = 0; k < ClusterState.KINDS; k++) {
      if (shape[k] > 0) {
        fit = Math.min(fit, total[k] / (shape[k] * n));
      }
    }
    return fit;
  }

  /**
   * Judges every framework of {@code s} into {@code out}: out.judged[i] says whether framework i was judged, and the
   * three flags whether each property held for it.
   */
  public static void evaluate(ClusterState s, Verdict out) {
    out.reset(s.frameworks);
    int active = 0;
    int holders = 0;
    int[] holding = out.holding;
    for (int i = 0; i < s.frameworks; i++) {
      if (s.pending[i] + s.running[i] > 0) {
        active++;
      }
      if (s.running[i] > 0) {
        holding[holders++] = i;
      }
    }
    // The most idle of each kind on any one agent: a shape above it in some kind fits no agent, without a scan.
    long[] maxIdle = out.maxIdle;
    java.util.Arrays.fill(maxIdle, 0);
    for (int a = 0; a < s.agents; a++) {
      for (int k = 0; k < ClusterState.KINDS; k++) {
        maxIdle[k] = Math.max(maxIdle[k], s.idle[a][k]);
      }
    }
    for (int i = 0; i < s.frameworks; i++) {
      if (s.pending[i] <= 0 || !s.hasShape[i]) {
        continue;
      }
      out.judged[i] = true;
      long[] shape = s.shape[i];
      long share = fitInSlice(shape, s.total, active);
      out.sharingIncentive[i] = s.running[i] >= Math.min(s.pending[i] + s.running[i], share);
      long own = fit(shape, s.alloc[i]);
      // Only frameworks running tasks hold an allocation: an empty one fits nothing, so it is never envied.
      boolean envies = false;
      for (int h = 0; h < holders && !envies; h++) {
        int j = holding[h];
        envies = j != i && fit(shape, s.alloc[j]) > own;
      }
      out.envyFree[i] = !envies;
      boolean room = false;
      boolean possible = true;
      for (int k = 0; k < ClusterState.KINDS; k++) {
        possible &= shape[k] <= maxIdle[k];
      }
      for (int a = 0; possible && a < s.agents && !room; a++) {
        room = (s.gpuCapable[i] || !s.agentHasGpus[a]) && fit(shape, s.idle[a]) >= 1;
      }
      out.paretoEfficient[i] = !room;
    }
  }

  /** The judgement of one snapshot, per framework; reused between samples. */
  public static final class Verdict {
    boolean[] judged = new boolean[0];
    boolean[] sharingIncentive = new boolean[0];
    boolean[] envyFree = new boolean[0];
    boolean[] paretoEfficient = new boolean[0];
    int[] holding = new int[0];
    final long[] maxIdle = new long[ClusterState.KINDS];
    int frameworks;

    void reset(int n) {
      frameworks = n;
      if (judged.length < n) {
        int size = Math.max(n, judged.length * 2);
        holding = new int[size];
        judged = new boolean[size];
        sharingIncentive = new boolean[size];
        envyFree = new boolean[size];
        paretoEfficient = new boolean[size];
      }
      for (int i = 0; i < n; i++) {
        judged[i] = false;
      }
    }

    /** Returns whether framework i had pending work with a shape, and so was judged. */
    public boolean judged(int i) {
      return judged[i];
    }

    /** Returns whether framework i (judged) had its sharing-incentive share. */
    public boolean sharingIncentive(int i) {
      return sharingIncentive[i];
    }

    /** Returns whether framework i (judged) envied nobody. */
    public boolean envyFree(int i) {
      return envyFree[i];
    }

    /** Returns whether no agent had room for one more task of framework i (judged). */
    public boolean paretoEfficient(int i) {
      return paretoEfficient[i];
    }
  }
}
