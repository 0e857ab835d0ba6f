package io.offerlab.simcore.master;

import java.util.Arrays;

/**
 * The master's mirror of every agent's free resources (total less running tasks and outstanding offers), in
 * thousandths, and whether each is allocatable by Mesos' default minimum ({@code cpus:0.01} or {@code mem:32}). It
 * lives in flat arrays indexed by agent, so that turning thousands of offers over does not visit thousands of agent
 * objects scattered in the heap. A failed agent's mirror is zero, hence not allocatable.
 */
final class FreeMirror {
  private static final long MIN_CPUS = 10;
  private static final long MIN_MEM = 32_000;

  /** Per agent: cpus, mem, disk, gpus. */
  private long[] free = new long[64];
  /** Per agent: one bit, whether it was allocatable at its last {@link #refresh}. */
  private long[] allocatable = new long[1];

  /** Makes room for the agent {@code index}, with nothing free. */
  void ensure(int index) {
    if (4 * index + 4 > free.length) {
      free = Arrays.copyOf(free, Math.max(4 * index + 4, 2 * free.length));
    }
    if ((index >>> 6) >= allocatable.length) {
      allocatable = Arrays.copyOf(allocatable, Math.max((index >>> 6) + 1, 2 * allocatable.length));
    }
  }

  /** Adds {@code sign} times {@code r} to the agent's free resources. */
  void change(int index, io.offerlab.allocators.Resources r, int sign) {
    change(index, milli(r.cpus()), milli(r.memMb()), milli(r.diskMb()), milli(r.gpus()), sign);
  }

  private static long milli(double value) {
    return Math.round(value * 1000);
  }

  /** Adds {@code sign} times the given thousandths to the agent's free resources. */
  void change(int index, long cpus, long mem, long disk, long gpus, int sign) {
    int i = 4 * index;
    long[] f = free;
    f[i] += sign * cpus;
    f[i + 1] += sign * mem;
    f[i + 2] += sign * disk;
    f[i + 3] += sign * gpus;
  }

  /** Sets the agent's free resources to zero (it failed). */
  void clear(int index) {
    Arrays.fill(free, 4 * index, 4 * index + 4, 0);
  }

  /** Returns whether the agent's free resources are allocatable now. */
  boolean computeAllocatable(int index) {
    return free[4 * index] >= MIN_CPUS || free[4 * index + 1] >= MIN_MEM;
  }

  /** Returns whether the agent was allocatable at its last {@link #refresh}. */
  boolean allocatable(int index) {
    return (allocatable[index >>> 6] & (1L << index)) != 0;
  }

  /** Records whether the agent is allocatable now: returns 1 if it became so, -1 if it stopped, 0 otherwise. */
  int refresh(int index) {
    boolean now = computeAllocatable(index);
    if (now == allocatable(index)) {
      return 0;
    }
    allocatable[index >>> 6] ^= 1L << index;
    return now ? 1 : -1;
  }

  /** Returns whether the agent's mirror is all zero. */
  boolean isZero(int index) {
    return cpus(index) == 0 && mem(index) == 0 && disk(index) == 0 && gpus(index) == 0;
  }

  /** Returns whether the agent's mirror equals {@code r}. */
  boolean matches(int index, io.offerlab.allocators.Resources r) {
    return milli(r.cpus()) == cpus(index) && milli(r.memMb()) == mem(index) && milli(r.diskMb()) == disk(index)
        && milli(r.gpus()) == gpus(index);
  }

  long cpus(int index) {
    return free[4 * index];
  }

  long mem(int index) {
    return free[4 * index + 1];
  }

  long disk(int index) {
    return free[4 * index + 2];
  }

  long gpus(int index) {
    return free[4 * index + 3];
  }
}
