/**
 * The native workload format: JSON lines, one job per line with an optional first cluster line; a reader and a
 * writer that round-trip every {@link io.offerlab.workloads.Job} exactly.
 */
package io.offerlab.workloads.jsonl;
