/**
 * Reader for the Alibaba cluster-trace-gpu-v2023 "openb" pod and node lists: long-running pods with CPU, memory and
 * whole or fractional GPUs, and the node list as the cluster hint.
 */
package io.offerlab.workloads.alibaba;
