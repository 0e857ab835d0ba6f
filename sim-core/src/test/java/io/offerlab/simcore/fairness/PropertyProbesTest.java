package io.offerlab.simcore.fairness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.simcore.results.Results.Probes;
import org.junit.jupiter.api.Test;

/**
 * The three probes on snapshots built by hand, each with a case where the property holds and one where it fails.
 * Quantities are in thousandths (cpus x1000, mem MB x1000). The cluster is the DRF paper's (Ghodsi et al., NSDI 2011,
 * section 4) unless said otherwise: 9 CPUs, 18 GB on one agent; A asks &lt;1 CPU, 4 GB&gt;, B &lt;3 CPUs, 1 GB&gt;.
 */
class PropertyProbesTest {
  private static final long C = 1000;
  private static final long GB = 1024 * 1000;

  /** Builds the snapshot: one agent, frameworks A (index 0) and B (1) with the given running tasks. */
  private static ClusterState drfExample(int runA, int runB, int offeredCpus, int offeredGb) {
    ClusterState s = new ClusterState();
    s.reset(new long[] {9 * C, 18 * GB, 0, 0}, 2, 1);
    s.framework(0, 100, runA, false);
    s.framework(1, 100, runB, false);
    s.shape(0, C, 4 * GB, 0, 0);
    s.shape(1, 3 * C, GB, 0, 0);
    s.addAllocation(0, runA * C, runA * 4 * GB, 0, 0);
    s.addAllocation(1, runB * 3 * C, runB * GB, 0, 0);
    s.addIdle(0, 9 * C, 18 * GB, 0, 0, 1);
    s.addIdle(0, runA * C + runB * 3 * C + offeredCpus * C, runA * 4 * GB + runB * GB + offeredGb * GB, 0, 0, -1);
    return s;
  }

  private static PropertyProbes.Verdict judge(ClusterState s) {
    PropertyProbes.Verdict v = new PropertyProbes.Verdict();
    PropertyProbes.evaluate(s, v);
    return v;
  }

  @Test
  void drfAllocationHasAllThreeProperties() {
    // DRF's A 3, B 2: uses 9 CPUs and 14 GB; the 4 GB left hold no task of either shape (A needs 1 CPU).
    var v = judge(drfExample(3, 2, 0, 0));
    for (int i = 0; i < 2; i++) {
      assertTrue(v.judged(i));
      // A's half: 4.5 CPUs, 9 GB -> floor(min(4.5, 9/4)) = 2 tasks <= 3; B's half: floor(min(1.5, 9)) = 1 <= 2.
      assertTrue(v.sharingIncentive(i), "sharing incentive " + i);
      // A in B's <6, 2 GB>: floor(min(6, 0.5)) = 0 < 3; B in A's <3, 12 GB>: floor(min(1, 12)) = 1 < 2.
      assertTrue(v.envyFree(i), "envy-free " + i);
      assertTrue(v.paretoEfficient(i), "Pareto " + i);
    }
  }

  @Test
  void sharingIncentiveFailsWhenAFrameworkRunsBelowItsSlice() {
    // B runs nothing while A holds 4 tasks: B's half holds 1 task of B's shape, and B has 100 pending.
    var v = judge(drfExample(4, 0, 0, 0));
    assertFalse(v.sharingIncentive(1));
    assertTrue(v.sharingIncentive(0));
  }

  @Test
  void aFrameworkWithoutPendingWorkIsNotJudged() {
    // B runs nothing and wants nothing: it is not judged (and, running nothing, does not count in n either).
    ClusterState s = drfExample(4, 0, 0, 0);
    s.framework(1, 0, 0, false);
    var v = judge(s);
    assertFalse(v.judged(1));
    // With n = 1, A's slice is the whole cluster: floor(min(9, 18/4)) = 4 tasks, and A runs 4.
    assertTrue(v.sharingIncentive(0));
  }

  @Test
  void envyFailsWhenAnotherAllocationHoldsMoreOfMyTasks() {
    // A runs 1 task <1, 4 GB>; B runs 2 <3, 1 GB> -> <6 CPUs, 2 GB>: A could run floor(min(6, 0.5)) = 0 there: no
    // envy. Give B 4 GB of memory more (B's 2 tasks hold <6, 6 GB> as if B asked <3, 3 GB>): A could run 1 = own.
    // Give A nothing: own 0 < 1 -> A envies B.
    ClusterState s = drfExample(0, 2, 0, 0);
    s.addAllocation(1, 0, 4 * GB, 0, 0);
    var v = judge(s);
    assertFalse(v.envyFree(0), "A could run a task in B's <6 CPUs, 6 GB>");
    assertTrue(v.envyFree(1), "B cannot run anything in A's empty allocation");
  }

  @Test
  void paretoFailsWhenAnAgentHasIdleRoomForOneMoreTask() {
    // A 2, B 2: 8 CPUs, 10 GB used; 1 CPU and 8 GB idle hold one more A task.
    var v = judge(drfExample(2, 2, 0, 0));
    assertFalse(v.paretoEfficient(0), "one more A task fits in <1, 8 GB>");
    assertTrue(v.paretoEfficient(1), "no B task fits in <1, 8 GB>");
    // The same room locked in an outstanding offer is not idle: nothing to give.
    var offered = judge(drfExample(2, 2, 1, 8));
    assertTrue(offered.paretoEfficient(0));
  }

  @Test
  void paretoIsPerAgent() {
    // Two agents of <1 CPU, 2 GB> free each: 2 CPUs free in total, but a <2 CPU> task fits on neither.
    ClusterState s = new ClusterState();
    s.reset(new long[] {2 * C, 4 * GB, 0, 0}, 1, 2);
    s.framework(0, 5, 0, false);
    s.shape(0, 2 * C, GB, 0, 0);
    s.addIdle(0, C, 2 * GB, 0, 0, 1);
    s.addIdle(1, C, 2 * GB, 0, 0, 1);
    assertTrue(judge(s).paretoEfficient(0));
    // GPU agents count only for GPU-capable frameworks.
    ClusterState g = new ClusterState();
    g.reset(new long[] {4 * C, 4 * GB, 0, C}, 1, 1);
    g.framework(0, 5, 0, false);
    g.shape(0, C, GB, 0, 0);
    g.addIdle(0, 4 * C, 4 * GB, 0, C, 1);
    g.gpuAgent(0);
    assertTrue(judge(g).paretoEfficient(0));
    g.framework(0, 5, 0, true);
    assertFalse(judge(g).paretoEfficient(0));
  }

  @Test
  void fitIsExactOnThousandths() {
    assertEquals(3, PropertyProbes.fit(new long[] {1000, 0, 0, 0}, new long[] {3999, 5, 0, 0}));
    assertEquals(Long.MAX_VALUE, PropertyProbes.fit(new long[4], new long[] {1, 1, 1, 1}));
    // 30 CPUs, 30 GB in halves: B <1, 1 GB> fits 15 (the asset-fairness example of the DRF paper, section 2).
    assertEquals(15, PropertyProbes.fitInSlice(new long[] {C, GB, 0, 0}, new long[] {30 * C, 30 * GB, 0, 0}, 2));
  }

  @Test
  void tallyTurnsWeightedLooksIntoFractions() {
    ProbeTally tally = new ProbeTally();
    tally.add(judge(drfExample(3, 2, 0, 0)), 3);
    tally.add(judge(drfExample(4, 0, 0, 0)), 1);
    Probes run = tally.run();
    assertEquals(4, run.samples());
    assertEquals(0.75, run.sharingIncentive(), 1e-12);
    assertEquals(0.75, tally.framework(1).sharingIncentive(), 1e-12);
    assertEquals(1.0, tally.framework(0).sharingIncentive(), 1e-12);
    assertTrue(Double.isNaN(new ProbeTally().run().envyFreeness()));
  }
}
