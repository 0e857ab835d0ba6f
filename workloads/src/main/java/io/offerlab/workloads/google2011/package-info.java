/**
 * Reader for the Google clusterdata-2011-2 trace (task_events, job_events, machine_events): streams jobs in arrival
 * order with memory bounded by the jobs still open, as documented in docs/workloads.md.
 */
package io.offerlab.workloads.google2011;
