package io.offerlab.workloads.synthetic;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.ParetoDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/** A source of non-negative samples (durations in seconds, counts), built on Commons Math distributions. */
@FunctionalInterface
interface Sampler {
  /** Draws one sample. */
  double sample();

  /** Always {@code value}. */
  static Sampler constant(double value) {
    return () -> value;
  }

  /** Exponential with the given mean. */
  static Sampler exponential(RandomGenerator rng, double mean) {
    ExponentialDistribution d = new ExponentialDistribution(rng, mean);
    return d::sample;
  }

  /** Log-normal with the given median and shape (sigma of the underlying normal). */
  static Sampler logNormalMedian(RandomGenerator rng, double median, double sigma) {
    LogNormalDistribution d = new LogNormalDistribution(rng, Math.log(median), sigma,
        LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    return d::sample;
  }

  /** Log-normal with the given mean and shape. */
  static Sampler logNormalMean(RandomGenerator rng, double mean, double sigma) {
    return logNormalMedian(rng, mean / Math.exp(sigma * sigma / 2), sigma);
  }

  /** Pareto with the given mean and tail index {@code alpha > 1}. */
  static Sampler pareto(RandomGenerator rng, double mean, double alpha) {
    ParetoDistribution d = new ParetoDistribution(rng, mean * (alpha - 1) / alpha, alpha);
    return d::sample;
  }

  /** Uniform integer in {@code [lo, hi]}. */
  static Sampler uniformInt(RandomGenerator rng, int lo, int hi) {
    return () -> lo + rng.nextInt(hi - lo + 1);
  }

  /** Converts seconds to microseconds, rounding, at least 1 us. */
  static long micros(double seconds) {
    return Math.max(1, Math.round(seconds * 1e6));
  }
}
