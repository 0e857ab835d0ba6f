/**
 * The simulator's entry points: run a workload against an allocator on a simulated Mesos cluster and write
 * results.json, timeseries.csv, jobs.csv and perf.json (docs/results-schema.md, docs/simulation.md).
 */
package io.offerlab.simcore;
