package io.offerlab.allocators;

/** One framework of a {@link HierarchicalAllocator}, by index: its sorter node, role and eligibility. */
final class FrameworkState {
  final String id;
  final int index;
  final RoleState role;
  final Client client;
  /** Whether the framework declared the GPU_RESOURCES capability. */
  boolean gpuCapable;
  boolean active = true;
  boolean suppressed;
  boolean eligible;
  /** Bumped by revive and deactivation: filters set in an older epoch no longer apply. */
  int filterEpoch;

  FrameworkState(String id, int index, RoleState role, int width, boolean gpuCapable) {
    this.id = id;
    this.index = index;
    this.role = role;
    this.gpuCapable = gpuCapable;
    this.client = new Client(id, this, width);
  }
}
