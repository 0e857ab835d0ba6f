/**
 * The simulated Mesos cluster: a master running the allocator's offer cycle, agents running tasks under the cgroups
 * isolation model, and framework schedulers (batch, service, gang) fed by a workload's jobs.
 */
package io.offerlab.simcore.cluster;
