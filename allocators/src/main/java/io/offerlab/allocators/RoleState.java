package io.offerlab.allocators;

/** One role of a {@link HierarchicalAllocator}: its node in the role sorter and the sorter of its frameworks. */
final class RoleState {
  final String name;
  final Client client;
  final Sorter frameworks;
  int frameworkCount;
  int eligibleCount;

  RoleState(String name, Sorter frameworks, int width) {
    this.name = name;
    this.client = new Client(name, this, width);
    this.frameworks = frameworks;
  }
}
