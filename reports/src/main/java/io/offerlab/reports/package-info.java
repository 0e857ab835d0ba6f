/**
 * Reports: turns Offerlab results files (results.json, timeseries.csv, jobs.csv, perf.json) into charts, tables and
 * one self-contained HTML page. Charts are derived from the per-run CSVs, so re-plotting never re-runs a simulation.
 */
package io.offerlab.reports;
