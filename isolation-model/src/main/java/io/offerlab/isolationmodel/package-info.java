/** The cgroup model of one agent: how Mesos' cgroups isolators share CPU (shares, CFS quota) and enforce memory limits. */
/* Pure functions that sim-core calls on every task start or end, and the cgroup parameters real-runtime writes. */
package io.offerlab.isolationmodel;
