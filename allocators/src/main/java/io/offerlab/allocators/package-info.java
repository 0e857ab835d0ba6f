/**
 * The resource model and the allocation modules: DRF, weighted random, strict priority and static partitioning,
 * following Mesos' hierarchical allocator. No clock lives here: every call that needs time takes it as an argument.
 */
package io.offerlab.allocators;
