package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Resources;

/**
 * How a task's request is counted under the {@code slots} allocator, Hadoop-style slot fair sharing (DRF paper,
 * Ghodsi et al., NSDI 2011, section 1; Hadoop's Fair Scheduler): a task uses k = max over the slot's kinds of
 * ceil(request / slot) whole slots, so it takes k x the slot of each of the slot's kinds (and what it asks of the
 * kinds the slot does not name). Under any other allocator requests are taken as they are ({@link #NONE}).
 */
final class SlotRounding {
  /** Takes requests as they are. */
  static final SlotRounding NONE = new SlotRounding(new long[4]);

  /** The slot in thousandths: CPUs, memory, disk, GPUs; 0 for a kind the slot does not name. */
  private final long[] slot;

  private SlotRounding(long[] slot) {
    this.slot = slot;
  }

  /** Returns the rounding for slots of {@code slotSize} (kinds other than the simulator's four are ignored). */
  static SlotRounding of(Resources slotSize) {
    return new SlotRounding(new long[] {slotSize.milli("cpus"), slotSize.milli("mem"), slotSize.milli("disk"),
        slotSize.milli("gpus")});
  }

  /**
   * Rounds the request {@code milli} (thousandths: CPUs, memory, disk, GPUs) up to whole slots in place: each kind the
   * slot names becomes k x the slot's; a request of none of the slot's kinds is left as it is.
   */
  void round(long[] milli) {
    long k = 0;
    for (int i = 0; i < 4; i++) {
      if (slot[i] > 0 && milli[i] > 0) {
        k = Math.max(k, (milli[i] + slot[i] - 1) / slot[i]);
      }
    }
    if (k == 0) {
      return;
    }
    for (int i = 0; i < 4; i++) {
      if (slot[i] > 0) {
        milli[i] = k * slot[i];
      }
    }
  }

  /** Whether requests are rounded at all. */
  boolean rounds() {
    return this != NONE;
  }
}
