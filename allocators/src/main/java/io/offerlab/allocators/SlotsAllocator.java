package io.offerlab.allocators;

/**
 * Hadoop-style slot fair sharing, the single-resource baseline the DRF paper compares with (Ghodsi et al., NSDI 2011,
 * sections 1 and 6; Hadoop's Fair Scheduler, Zaharia et al., EuroSys 2010): each agent is cut into slots of the
 * {@code slotSize} option ({@code cpus:1;mem:2048} by default) and clients are ordered by the slots they hold.
 *
 * <ul>
 *   <li>An agent has {@code k} = the minimum over the slot's kinds of floor(free / slot) free slots. An agent with no
 *       free slot is offered to nobody; otherwise the offer holds {@code k} slots, {@code k x slotSize} of the slot's
 *       kinds, and all that is free of the kinds the slot does not name (disk, GPUs...). What is left of the slot's
 *       kinds, less than a slot, is not offered until resources come back. Range resources (ports) go with an offer
 *       only when it holds all that is free, as for fair-share-sized offers.
 *   <li>A client holds max over the slot's kinds of ceil(allocated / slot) slots, counted on its allocation summed
 *       over the agents. A task uses ceil(task / slot) slots in its most demanding resource: the simulator rounds
 *       each task's request up to those whole slots under this allocator, so the sum is the tasks' slots. Roles are
 *       ordered by slots held divided by their weight, as {@code drf} weights shares, then the frameworks of each role
 *       by slots held; ties go to fewer picks, then the smaller name, as in {@code drf}.
 *   <li>Everything else is {@code drf}'s: roles, weights, decline filters (checked against the offer as sized), GPU
 *       agents offered only to GPU-capable frameworks.
 * </ul>
 */
@AllocatorSpec(name = "slots", traits = {Trait.ROLES, Trait.WEIGHTS},
    description = "Hadoop-style slot fair sharing: offers whole slots of slotSize, orders by slots held")
public final class SlotsAllocator extends HierarchicalAllocator {
  /** The slot in thousandths by kind. */
  private final long[] slot;

  /** Creates the allocator with the slot of {@code options.slotSize()}. */
  public SlotsAllocator(AllocatorOptions options) {
    super(options);
    this.slot = options.slotSize().toMilliArray(0);
  }

  @Override
  Sorter newSorter(boolean forRoles) {
    // newSorter runs in the super constructor, before this.slot is set: read the options instead.
    long[] size = options.slotSize().toMilliArray(0);
    return new DrfSorter(clusterTotal(), false, (client, total) -> slotsHeld(client.allocated, size) / client.weight);
  }

  /** Returns max over the slot's kinds of ceil(allocated / slot). */
  static long slotsHeld(long[] allocated, long[] slot) {
    long held = 0;
    for (int i = 0; i < slot.length; i++) {
      if (slot[i] > 0 && i < allocated.length && allocated[i] > 0) {
        held = Math.max(held, (allocated[i] + slot[i] - 1) / slot[i]);
      }
    }
    return held;
  }

  /** Returns min over the slot's kinds of floor(free / slot): the agent's free slots. */
  static long freeSlots(long[] free, long[] slot) {
    long slots = Long.MAX_VALUE;
    for (int i = 0; i < slot.length; i++) {
      if (slot[i] > 0) {
        slots = Math.min(slots, i < free.length ? Math.max(0, free[i]) / slot[i] : 0);
      }
    }
    return slots;
  }

  @Override
  boolean sizesOffers() {
    return true;
  }

  @Override
  long[] offerFor(int agent, FrameworkState framework, long[] available, long[] into) {
    long k = freeSlots(available, slot);
    if (k == 0) {
      return null;
    }
    System.arraycopy(available, 0, into, 0, available.length);
    for (int i = 0; i < slot.length; i++) {
      if (slot[i] > 0) {
        into[i] = k * slot[i];
      }
    }
    return into;
  }
}
