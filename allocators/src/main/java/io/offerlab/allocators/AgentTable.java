package io.offerlab.allocators;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The agents of a {@link HierarchicalAllocator} as flat primitive arrays indexed by agent (structure of arrays):
 * totals and free resources as vectors of {@link #width} thousandths each, the per-agent record of the "all filtered"
 * cache ({@link #cache}, one cache line an agent), and who holds what as a small inline list of (framework index,
 * amount) per agent. Rarely used state (ranges, excess after a shrink, uses of frameworks not added yet, partitions)
 * sits in object arrays that stay null for most agents. Indices are the order agents were added; never reused.
 */
final class AgentTable {
  /** Slots of an agent's record in {@link #cache}. */
  static final int VERSION = 0;
  static final int BLOCKED_VERSION = 1;
  static final int BLOCKED_EPOCH = 2;
  static final int BLOCKED_UNTIL = 3;
  static final int BLOCKED_INELIGIBILITY = 4;
  static final int BLOCKED_GPU_LOSS = 5;
  static final int RECORD = 8;

  /** Kinds per vector: every vector here has exactly this many entries (grown for a new kind). */
  int width;
  int count;
  String[] ids = new String[16];
  boolean[] present = new boolean[16];
  boolean[] hasGpu = new boolean[16];
  long[] total;
  long[] free;
  /** Per agent: version (bumped when its free resources change) and the blocked record, {@link #RECORD} longs. */
  long[] cache = new long[16 * RECORD];
  /** Per agent: the frameworks holding something and their amounts ({@link #width} each); counts. */
  int[][] holderFrameworks = new int[16][];
  long[][] holderAmounts = new long[16][];
  int[] holderCount = new int[16];
  /** Cold per-agent state: null for most agents. */
  long[][] excess = new long[16][];
  NamedRanges[] freeRanges = new NamedRanges[16];
  @SuppressWarnings("unchecked")
  Map<Integer, NamedRanges>[] heldRanges = new Map[16];
  @SuppressWarnings("unchecked")
  Map<String, Resources>[] pending = new Map[16];
  Object[] partition = new Object[16];

  AgentTable(int width) {
    this.width = width;
    total = new long[16 * width];
    free = new long[16 * width];
  }

  /** Adds an agent with a total of at most {@link #width} kinds; returns its index. */
  int add(String id, long[] agentTotal) {
    int a = count++;
    if (a == ids.length) {
      grow(2 * a);
    }
    ids[a] = id;
    present[a] = true;
    System.arraycopy(agentTotal, 0, total, a * width, agentTotal.length);
    System.arraycopy(agentTotal, 0, free, a * width, agentTotal.length);
    hasGpu[a] = ResourceKinds.GPUS < width && total[a * width + ResourceKinds.GPUS] > 0;
    int r = a * RECORD;
    cache[r + BLOCKED_VERSION] = -1;
    cache[r + BLOCKED_EPOCH] = -1;
    cache[r + BLOCKED_UNTIL] = Long.MAX_VALUE;
    cache[r + BLOCKED_INELIGIBILITY] = -1;
    cache[r + BLOCKED_GPU_LOSS] = -1;
    return a;
  }

  private void grow(int n) {
    ids = Arrays.copyOf(ids, n);
    present = Arrays.copyOf(present, n);
    hasGpu = Arrays.copyOf(hasGpu, n);
    total = Arrays.copyOf(total, n * width);
    free = Arrays.copyOf(free, n * width);
    cache = Arrays.copyOf(cache, n * RECORD);
    holderFrameworks = Arrays.copyOf(holderFrameworks, n);
    holderAmounts = Arrays.copyOf(holderAmounts, n);
    holderCount = Arrays.copyOf(holderCount, n);
    excess = Arrays.copyOf(excess, n);
    freeRanges = Arrays.copyOf(freeRanges, n);
    heldRanges = Arrays.copyOf(heldRanges, n);
    pending = Arrays.copyOf(pending, n);
    partition = Arrays.copyOf(partition, n);
  }

  /** Widens every vector to {@code kinds} entries (a kind no agent had before appeared). */
  void widen(int kinds) {
    if (kinds <= width) {
      return;
    }
    int cap = ids.length;
    total = relayout(total, cap, width, kinds);
    free = relayout(free, cap, width, kinds);
    for (int a = 0; a < count; a++) {
      if (holderAmounts[a] != null) {
        holderAmounts[a] = relayout(holderAmounts[a], holderAmounts[a].length / width, width, kinds);
      }
      if (excess[a] != null) {
        excess[a] = Arrays.copyOf(excess[a], kinds);
      }
    }
    width = kinds;
  }

  /** Copies {@code rows} vectors of {@code from} entries into vectors of {@code to} entries. */
  static long[] relayout(long[] flat, int rows, int from, int to) {
    long[] out = new long[rows * to];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(flat, i * from, out, i * to, from);
    }
    return out;
  }

  void bumpVersion(int a) {
    cache[a * RECORD + VERSION]++;
  }

  /** Returns a copy of the agent's free vector. */
  long[] freeCopy(int a) {
    return Arrays.copyOfRange(free, a * width, a * width + width);
  }

  /** Returns a copy of the agent's total. */
  long[] totalCopy(int a) {
    return Arrays.copyOfRange(total, a * width, a * width + width);
  }

  /** Takes {@code amount} (at most {@link #width} entries) from the free resources, and {@code ranges} if any. */
  void take(int a, long[] amount, NamedRanges ranges) {
    int base = a * width;
    for (int i = 0, n = Math.min(amount.length, width); i < n; i++) {
      free[base + i] -= amount[i];
    }
    if (ranges != null) {
      freeRanges[a] = NamedRanges.minus(freeRanges[a], ranges);
    }
    bumpVersion(a);
  }

  /** Gives {@code amount} back, first settling what holders use beyond a shrunk total. */
  void give(int a, long[] amount, NamedRanges ranges) {
    int base = a * width;
    long[] over = excess[a];
    for (int i = 0, n = Math.min(amount.length, width); i < n; i++) {
      long back = amount[i];
      if (over != null && i < over.length && over[i] > 0) {
        long covered = Math.min(over[i], back);
        over[i] -= covered;
        back -= covered;
      }
      free[base + i] += back;
    }
    if (ranges != null) {
      freeRanges[a] = NamedRanges.plus(freeRanges[a], ranges);
    }
    bumpVersion(a);
  }

  /** Undoes a {@link #take} exactly (no excess is settled), for a use that changes hands. */
  void untake(int a, long[] amount, NamedRanges ranges) {
    int base = a * width;
    for (int i = 0, n = Math.min(amount.length, width); i < n; i++) {
      free[base + i] += amount[i];
    }
    if (ranges != null) {
      freeRanges[a] = NamedRanges.plus(freeRanges[a], ranges);
    }
    bumpVersion(a);
  }

  /** Sets a new total: what is used (total less free, plus any excess) stays, the free part is what is left. */
  void updateTotal(int a, long[] next) {
    int base = a * width;
    long[] over = excess[a];
    long[] newExcess = new long[width];
    boolean anyOver = false;
    for (int i = 0; i < width; i++) {
      long newTotal = i < next.length ? next[i] : 0;
      long used = total[base + i] - free[base + i] + (over != null && i < over.length ? over[i] : 0);
      total[base + i] = newTotal;
      free[base + i] = Math.max(0, newTotal - used);
      newExcess[i] = Math.max(0, used - newTotal);
      anyOver |= newExcess[i] > 0;
    }
    excess[a] = anyOver ? newExcess : null;
    hasGpu[a] = ResourceKinds.GPUS < width && total[base + ResourceKinds.GPUS] > 0;
    bumpVersion(a);
  }

  /** Returns the slot of framework {@code f} among the agent's holders, or -1. */
  int holderSlot(int a, int f) {
    int[] fs = holderFrameworks[a];
    for (int i = holderCount[a] - 1; i >= 0; i--) {
      if (fs[i] == f) {
        return i;
      }
    }
    return -1;
  }

  /** Adds {@code amount} to what framework {@code f} holds on the agent; returns its slot. */
  int hold(int a, int f, long[] amount) {
    int slot = holderSlot(a, f);
    long[] amounts;
    if (slot < 0) {
      slot = holderCount[a]++;
      if (holderFrameworks[a] == null) {
        holderFrameworks[a] = new int[2];
        holderAmounts[a] = new long[2 * width];
      } else if (slot == holderFrameworks[a].length) {
        holderFrameworks[a] = Arrays.copyOf(holderFrameworks[a], 2 * slot);
        holderAmounts[a] = Arrays.copyOf(holderAmounts[a], 2 * slot * width);
      }
      holderFrameworks[a][slot] = f;
      amounts = holderAmounts[a];
      int base = slot * width;
      for (int i = 0; i < width; i++) {
        amounts[base + i] = i < amount.length ? amount[i] : 0;
      }
      return slot;
    }
    amounts = holderAmounts[a];
    int base = slot * width;
    for (int i = 0, n = Math.min(amount.length, width); i < n; i++) {
      amounts[base + i] = Math.addExact(amounts[base + i], amount[i]);
    }
    return slot;
  }

  /** Subtracts {@code amount} from the holder in {@code slot}, dropping it when it holds nothing any more. */
  void release(int a, int slot, long[] amount) {
    long[] amounts = holderAmounts[a];
    int base = slot * width;
    boolean empty = true;
    for (int i = 0; i < width; i++) {
      long left = amounts[base + i] - (i < amount.length ? amount[i] : 0);
      amounts[base + i] = left;
      empty &= left == 0;
    }
    if (empty) {
      int last = --holderCount[a];
      if (slot != last) {
        holderFrameworks[a][slot] = holderFrameworks[a][last];
        System.arraycopy(amounts, last * width, amounts, base, width);
      }
    }
  }

  /** Returns whether the holder in {@code slot} holds at least {@code amount}. */
  boolean holds(int a, int slot, long[] amount) {
    long[] amounts = holderAmounts[a];
    int base = slot * width;
    for (int i = 0; i < amount.length; i++) {
      if (amount[i] > (i < width ? amounts[base + i] : 0)) {
        return false;
      }
    }
    return true;
  }

  /** Returns a copy of what the holder in {@code slot} holds. */
  long[] heldCopy(int a, int slot) {
    return Arrays.copyOfRange(holderAmounts[a], slot * width, slot * width + width);
  }

  /** Returns the map of pending uses, created on first use (most agents never have one). */
  Map<String, Resources> pending(int a) {
    if (pending[a] == null) {
      pending[a] = new HashMap<>(4);
    }
    return pending[a];
  }

  /** Returns the ranges framework {@code f} holds on the agent, or null. */
  NamedRanges heldRanges(int a, int f) {
    return heldRanges[a] == null ? null : heldRanges[a].get(f);
  }

  /** Adds ranges to what framework {@code f} holds on the agent. */
  void holdRanges(int a, int f, NamedRanges ranges) {
    if (heldRanges[a] == null) {
      heldRanges[a] = new HashMap<>(4);
    }
    heldRanges[a].merge(f, ranges, NamedRanges::plus);
  }

  /** Returns ranges framework {@code f} held to the free ranges. */
  void returnRanges(int a, int f, NamedRanges ranges) {
    NamedRanges left = NamedRanges.minus(heldRanges(a, f), ranges);
    if (left == null) {
      if (heldRanges[a] != null) {
        heldRanges[a].remove(f);
      }
    } else {
      heldRanges[a].put(f, left);
    }
    freeRanges[a] = NamedRanges.plus(freeRanges[a], ranges);
    bumpVersion(a);
  }
}
