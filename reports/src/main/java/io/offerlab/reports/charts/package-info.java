/**
 * Charts drawn with XChart from results files, each written as PNG and SVG: utilisation, framework shares (the
 * Mesos paper's figures), fairness, completion-time CDFs, job-size bins (the DRF paper's), offers, sweeps, benchmarks.
 */
package io.offerlab.reports.charts;
