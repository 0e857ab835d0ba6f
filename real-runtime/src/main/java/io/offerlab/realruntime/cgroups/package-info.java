/**
 * Task containers on Linux: detection of cgroups v1 or v2, one cgroup per task under the agent's own, limits from
 * isolation-model's {@code CgroupSettings}, OOM detection and whole-tree kills (ARCHITECTURE.md 7.2).
 */
package io.offerlab.realruntime.cgroups;
