package io.offerlab.simcore.cluster;

import io.offerlab.simcore.fairness.ClusterState;
import io.offerlab.simcore.fairness.ProbeTally;
import io.offerlab.simcore.fairness.PropertyProbes;
import io.offerlab.workloads.ResourceShape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the fairness-property probes ({@link PropertyProbes}) on a fixed grid of simulated time (metrics.probeInterval),
 * never per offer or per event: at each grid point it reads the state left by every event before that point (running
 * tasks, outstanding offers, pending tasks), judges it once, and counts it once for each grid point the state spans.
 * A look costs O(running tasks + outstanding offers + agents x judged frameworks + frameworks^2), plus at most
 * {@value #SHAPE_SCAN} pending tasks per framework to find its most frequent request (docs/fairness.md).
 */
final class ProbeSampler {
  /** The most pending tasks per framework looked at to find its task shape: the head of its queue. */
  static final int SHAPE_SCAN = 4096;

  private final long interval;
  private final long[] clusterTotal;
  private final ClusterState state = new ClusterState();
  private final PropertyProbes.Verdict verdict = new PropertyProbes.Verdict();
  private final ProbeTally tally = new ProbeTally();
  private final List<OfferState> offers = new ArrayList<>();
  private final Map<ResourceShape, int[]> counts = new HashMap<>();
  private long next;
  /** How a task's request is counted (whole slots under the {@code slots} allocator): its shape is what it takes. */
  private final SlotRounding slots;
  private final long[] shape = new long[4];

  ProbeSampler(long intervalMicros, long[] clusterTotal, SlotRounding slots) {
    this.slots = slots;
    this.interval = intervalMicros;
    this.next = intervalMicros;
    this.clusterTotal = clusterTotal.clone();
  }

  /** Returns the next grid point. */
  long next() {
    return next;
  }

  /** Judges the current state for every grid point at or before {@code time}. */
  void sampleUpTo(long time, SimulatedMaster master, List<FrameworkScheduler> frameworks) {
    if (next > time) {
      return;
    }
    long points = (time - next) / interval + 1;
    next += points * interval;
    look(master, frameworks);
    tally.add(verdict, points);
  }

  /** Judges the grid points up to the end of the run (a run shorter than one interval has none). */
  void finish(long end, SimulatedMaster master, List<FrameworkScheduler> frameworks) {
    sampleUpTo(end, master, frameworks);
  }

  ProbeTally tally() {
    return tally;
  }

  private void look(SimulatedMaster master, List<FrameworkScheduler> frameworks) {
    List<Agent> agents = master.agentList;
    state.reset(clusterTotal, frameworks.size(), agents.size());
    for (FrameworkScheduler f : frameworks) {
      state.framework(f.index, f.pendingTasks(), f.runningTasks(), f.gpuCapable());
      if (f.pendingTasks() > 0) {
        shape(f);
      }
    }
    for (Agent agent : agents) {
      if (!agent.up()) {
        continue;
      }
      state.addIdle(agent.index, agent.totalCpus, agent.totalMem, agent.totalDisk, agent.totalGpus, 1);
      if (agent.totalGpus > 0) {
        state.gpuAgent(agent.index);
      }
      for (TaskRun t : agent.tasks) {
        state.addIdle(agent.index, t.cpus, t.mem, t.disk, t.gpus, -1);
        state.addAllocation(t.framework.index, t.cpus, t.mem, t.disk, t.gpus);
      }
    }
    offers.clear();
    master.collectOutstanding(-1, offers);
    for (OfferState o : offers) {
      if (o.agent.up()) {
        state.addIdle(o.agent.index, o.cpus, o.mem, o.disk, o.gpus, -1);
      }
    }
    PropertyProbes.evaluate(state, verdict);
  }

  /** Sets the framework's shape: its most frequent pending request (ties: the one that reached the count first). */
  private void shape(FrameworkScheduler f) {
    counts.clear();
    ResourceShape best = null;
    int bestCount = 0;
    int scanned = 0;
    ResourceShape last = null;
    int[] lastCount = null;
    for (JobRun job : f.queued()) {
      int n = job.pending();
      for (int k = 0; k < n && scanned < SHAPE_SCAN; k++, scanned++) {
        ResourceShape r = job.pendingSpec(k).request();
        int[] c;
        if (r == last || r.equals(last)) {
          c = lastCount;
        } else {
          c = counts.computeIfAbsent(r, x -> new int[1]);
          last = r;
          lastCount = c;
        }
        if (++c[0] > bestCount) {
          bestCount = c[0];
          best = r;
        }
      }
      if (scanned >= SHAPE_SCAN) {
        break;
      }
    }
    if (best != null) {
      shape[0] = Milli.of(best.cpus());
      shape[1] = Milli.of(best.memMb());
      shape[2] = Milli.of(best.diskMb());
      shape[3] = Milli.of(best.gpus());
      slots.round(shape);
      state.shape(f.index, shape[0], shape[1], shape[2], shape[3]);
    }
  }
}
