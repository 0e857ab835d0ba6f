package io.offerlab.simcore.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Time-weighted means, nearest-rank percentiles and the cycle-time histogram. */
class AccumulatorsTest {
  @Test
  void timeWeightedMeanIsTheExactIntegral() {
    TimeWeighted t = new TimeWeighted();
    t.set(0, 2);
    t.set(10, 4);
    assertEquals(2.0, t.closeWindow(10, 10));
    t.add(30, -4);
    assertEquals(2 * 10 + 4 * 20, t.integralAt(40));
    assertEquals(80.0 / 30, t.closeWindow(40, 30), 1e-12);
  }

  @Test
  void nearestRankPercentiles() {
    Percentiles p = new Percentiles();
    assertTrue(Double.isNaN(p.summary().mean()));
    for (int i = 1; i <= 100; i++) {
      p.add(i);
    }
    assertEquals(50.5, p.mean());
    assertEquals(50.0, p.percentile(50));
    assertEquals(95.0, p.percentile(95));
    assertEquals(99.0, p.percentile(99));
    Percentiles one = new Percentiles();
    one.add(7);
    assertEquals(7.0, one.percentile(99));
  }

  @Test
  void histogramPercentilesAreWithinTheBucketWidth() {
    NanoHistogram h = new NanoHistogram();
    for (int i = 1; i <= 1000; i++) {
      h.record(i * 1000L);
    }
    assertEquals(500_500, h.mean(), 1e-6);
    assertEquals(500_000, h.percentile(50), 500_000 * 0.03);
    assertEquals(990_000, h.percentile(99), 990_000 * 0.03);
  }
}
