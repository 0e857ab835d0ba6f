/**
 * Metrics of a run: time-weighted accumulators, the per-interval time series and percentiles; the files are written
 * through {@link io.offerlab.simcore.results} in the format docs/results-schema.md specifies.
 */
package io.offerlab.simcore.metrics;
