/**
 * The comparison report: one run per allocator on the same workload, cluster and seed, summarised in summary.csv,
 * summary.md, charts and a self-contained index.html, with speedups against the first allocator.
 */
package io.offerlab.reports.compare;
