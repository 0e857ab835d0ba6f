/**
 * The Offerlab master: the Mesos v1 scheduler HTTP API, agent registration and status updates, {@code /master/state},
 * {@code /metrics/snapshot}, {@code /metrics/history} and the web UI, driving sim-core's clock-free master core and a
 * registered allocator on one thread.
 */
package io.offerlab.realruntime.master;
