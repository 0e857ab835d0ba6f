/**
 * Metrics and results files: time-weighted accumulators, the per-interval time series, percentiles, a fixed number
 * format and atomic file writes, as docs/results-schema.md specifies.
 */
package io.offerlab.simcore.metrics;
