package io.offerlab.reports.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Paired t intervals, checked against values computed by hand (t quantiles from a printed table). */
class PairedIntervalTest {
  /**
   * Speedups 2, 4 and 8 (baseline 2, 4, 8 against 1): log2-spaced, so the geometric mean is 4. The logs are ln 2 x
   * (1, 2, 3): mean 2 ln 2, sample sd ln 2, t(0.975, 2 df) = 4.302653, half-width 4.302653 x ln 2 / sqrt 3 = 1.72188.
   * The interval is exp(2 ln 2 -+ 1.72188) = 4 x e^-+1.72188 = 0.71450 to 22.3938.
   */
  @Test
  void ratioIsAGeometricMeanWithAnIntervalOnTheLogs() {
    PairedInterval i = PairedInterval.ratio(new double[] {2, 4, 8}, new double[] {1, 1, 1});
    assertEquals(4.0, i.estimate(), 1e-12);
    assertEquals(4 * Math.exp(-4.302653 * Math.log(2) / Math.sqrt(3)), i.low(), 1e-5);
    assertEquals(4 * Math.exp(4.302653 * Math.log(2) / Math.sqrt(3)), i.high(), 1e-4);
    assertEquals(3, i.n());
  }

  /**
   * Differences (other minus baseline) 0.1, 0.2, 0.3, 0.2: mean 0.2, sample sd sqrt(0.02 / 3) = 0.0816497,
   * t(0.975, 3 df) = 3.182446, half-width 3.182446 x 0.0816497 / 2 = 0.129923.
   */
  @Test
  void differenceIsAMeanWithATInterval() {
    PairedInterval i = PairedInterval.difference(new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {0.6, 0.7, 0.8, 0.7});
    assertEquals(0.2, i.estimate(), 1e-12);
    assertEquals(0.2 - 0.129923, i.low(), 1e-6);
    assertEquals(0.2 + 0.129923, i.high(), 1e-6);
  }

  @Test
  void onePairHasNoIntervalAndEqualPairsCollapse() {
    PairedInterval one = PairedInterval.ratio(new double[] {3}, new double[] {2});
    assertEquals(1.5, one.estimate(), 1e-12);
    assertFalse(one.hasInterval());
    PairedInterval same = PairedInterval.ratio(new double[] {3, 3}, new double[] {2, 2});
    assertTrue(same.hasInterval());
    assertEquals(1.5, same.low(), 1e-12);
    assertEquals(1.5, same.high(), 1e-12);
  }

  @Test
  void missingValuesAreLeftOut() {
    PairedInterval i = PairedInterval.ratio(new double[] {2, Double.NaN, 2}, new double[] {1, 1, 0});
    assertEquals(1, i.n());
    assertEquals(2.0, i.estimate(), 1e-12);
    assertEquals(0, PairedInterval.difference(new double[] {Double.NaN}, new double[] {1}).n());
  }
}
