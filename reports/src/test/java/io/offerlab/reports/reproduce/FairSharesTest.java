package io.offerlab.reports.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The computed allocations against the DRF paper's numbers (Ghodsi et al., NSDI 2011): its example of 9 CPUs and
 * 18 GB with A &lt;1 CPU, 4 GB&gt; and B &lt;3 CPUs, 1 GB&gt;. DRF: A 3, B 2 (section 4); asset fairness: A 2.52, B
 * 2.16 (section 2: equal asset shares 1/3 x_A = 7/18 x_B on the CPU constraint x_A + 3 x_B = 9); CEEI: A 45/11, B
 * 18/11 (section 3: both constraints bind). Slot fair sharing as the {@code slots} allocator orders clients, with
 * slots of &lt;1 CPU, 1 GB&gt;: A's task is 4 slots (memory), B's 3 (CPUs), each taking its slots' resources, so A's
 * task takes &lt;4 CPUs, 4 GB&gt; and B's &lt;3 CPUs, 3 GB&gt;; equal slots 4 x_A = 3 x_B until the CPUs run out,
 * 4 x_A + 3 x_B = 9: A 1.125, B 1.5. The four answers all differ.
 */
class FairSharesTest {
  private static final double[][] DEMAND = {{1, 4}, {3, 1}};
  private static final double[] CAPACITY = {9, 18};

  @Test
  void drfIsThreeAndTwo() {
    double[] x = FairShares.drf(DEMAND, CAPACITY);
    assertEquals(3, x[0], 1e-12);
    assertEquals(2, x[1], 1e-12);
  }

  @Test
  void assetFairnessIs252And216() {
    double[] x = FairShares.asset(DEMAND, CAPACITY);
    assertEquals(2.52, x[0], 1e-12);
    assertEquals(2.16, x[1], 1e-12);
  }

  @Test
  void ceeiIs45Over11And18Over11() {
    double[] x = FairShares.ceei(DEMAND, CAPACITY);
    assertEquals(45.0 / 11, x[0], 1e-9);
    assertEquals(18.0 / 11, x[1], 1e-9);
  }

  @Test
  void slotsIs1125And15AndAllFourDiffer() {
    double[] x = FairShares.slots(DEMAND, CAPACITY, new double[] {1, 1024 / 1024.0});
    assertEquals(1.125, x[0], 1e-12);
    assertEquals(1.5, x[1], 1e-12);
    // Slots of <1 CPU, 2 GB>, proportional to the cluster, would give DRF's 3 and 2 if tasks took what they ask; whole
    // slots waste the rounding: A's task is 2 slots <2 CPUs, 4 GB>, B's 3 slots <3 CPUs, 6 GB>; 2 x_A = 3 x_B and
    // 2 x_A + 3 x_B = 9 CPUs: A 2.25, B 1.5.
    double[] proportional = FairShares.slots(DEMAND, CAPACITY, new double[] {1, 2});
    assertEquals(2.25, proportional[0], 1e-12);
    assertEquals(1.5, proportional[1], 1e-12);
    double[][] all = {FairShares.drf(DEMAND, CAPACITY), FairShares.asset(DEMAND, CAPACITY), x,
        FairShares.ceei(DEMAND, CAPACITY)};
    for (int i = 0; i < all.length; i++) {
      for (int j = i + 1; j < all.length; j++) {
        assertTrue(Math.abs(all[i][0] - all[j][0]) > 0.1 && Math.abs(all[i][1] - all[j][1]) > 0.1, i + " vs " + j);
      }
    }
  }

  @Test
  void assetViolatesSharingIncentiveOnThePapersSecondExample() {
    // Section 2: 30 CPUs, 30 GB; A <1, 3>, B <1, 1>: asset fairness gives A 6 and B 12, where B's half runs 15.
    double[] x = FairShares.asset(new double[][] {{1, 3}, {1, 1}}, new double[] {30, 30});
    assertEquals(6, x[0], 1e-12);
    assertEquals(12, x[1], 1e-12);
    // CEEI with one user bottlenecked on one resource: three users, the third asks for memory only.
    double[] c = FairShares.ceei(new double[][] {{1, 1}, {1, 1}, {0, 1}}, new double[] {10, 30});
    // CPU binds for the first two (x1 + x2 = 10, equal by symmetry: 5 each), memory: 5 + 5 + x3 = 30 -> x3 = 20.
    assertEquals(5, c[0], 1e-8);
    assertEquals(5, c[1], 1e-8);
    assertEquals(20, c[2], 1e-8);
  }
}
