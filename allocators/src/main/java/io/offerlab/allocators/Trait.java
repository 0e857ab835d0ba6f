package io.offerlab.allocators;

/** A capability an allocator declares, matched against what a workload or scenario provides. */
public enum Trait {
  /** Shares several resource kinds at once (cpus, mem, gpus...). */
  MULTI_RESOURCE,
  /** Orders roles, then the frameworks within each role. */
  ROLES,
  /** Honours role weights. */
  WEIGHTS,
  /** Honours strict role priorities. */
  PRIORITIES,
  /** Confines each role to a fixed partition of the agents. */
  PARTITIONS,
  /** Draws random numbers: results depend on the seed. */
  RANDOMIZED
}
