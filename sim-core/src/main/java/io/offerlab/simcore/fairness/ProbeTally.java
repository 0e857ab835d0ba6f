package io.offerlab.simcore.fairness;

import io.offerlab.simcore.results.Results.Probes;
import java.util.Arrays;

/**
 * Counts, over the probe's sample points, how often each fairness property held: for the run, at the points where at
 * least one framework was judged (every judged framework must satisfy the property), and per framework, at the points
 * where it was judged. A point stands for the time up to the next one, so with equally spaced points the counts are
 * fractions of time. A state that lasts several points is judged once and counted with that weight.
 */
public final class ProbeTally {
  private long samples;
  private long si;
  private long ef;
  private long pe;
  private long[] fwSamples = new long[0];
  private long[] fwSi = new long[0];
  private long[] fwEf = new long[0];
  private long[] fwPe = new long[0];

  /** Adds one judged snapshot standing for {@code weight} sample points. */
  public void add(PropertyProbes.Verdict v, long weight) {
    grow(v.frameworks);
    boolean any = false;
    boolean allSi = true;
    boolean allEf = true;
    boolean allPe = true;
    for (int i = 0; i < v.frameworks; i++) {
      if (!v.judged[i]) {
        continue;
      }
      any = true;
      fwSamples[i] += weight;
      if (v.sharingIncentive[i]) {
        fwSi[i] += weight;
      } else {
        allSi = false;
      }
      if (v.envyFree[i]) {
        fwEf[i] += weight;
      } else {
        allEf = false;
      }
      if (v.paretoEfficient[i]) {
        fwPe[i] += weight;
      } else {
        allPe = false;
      }
    }
    if (any) {
      samples += weight;
      si += allSi ? weight : 0;
      ef += allEf ? weight : 0;
      pe += allPe ? weight : 0;
    }
  }

  private void grow(int n) {
    if (fwSamples.length < n) {
      int size = Math.max(n, fwSamples.length * 2);
      fwSamples = Arrays.copyOf(fwSamples, size);
      fwSi = Arrays.copyOf(fwSi, size);
      fwEf = Arrays.copyOf(fwEf, size);
      fwPe = Arrays.copyOf(fwPe, size);
    }
  }

  /** Returns the run's fractions (NaN when no framework was ever judged). */
  public Probes run() {
    return probes(samples, si, ef, pe);
  }

  /** Returns framework {@code i}'s fractions (NaN when it was never judged). */
  public Probes framework(int i) {
    if (i >= fwSamples.length) {
      return probes(0, 0, 0, 0);
    }
    return probes(fwSamples[i], fwSi[i], fwEf[i], fwPe[i]);
  }

  private static Probes probes(long n, long si, long ef, long pe) {
    if (n == 0) {
      return new Probes(Double.NaN, Double.NaN, Double.NaN, 0);
    }
    return new Probes(si / (double) n, ef / (double) n, pe / (double) n, n);
  }
}
