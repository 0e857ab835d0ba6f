/**
 * The normalized workload model (jobs, tasks, resource shapes) and the entry point {@link io.offerlab.workloads.Workloads}
 * that opens a {@code FORMAT:PATH} spec as a lazy, closeable stream of jobs, with trace statistics and the native writer.
 */
package io.offerlab.workloads;
