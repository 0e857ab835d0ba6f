package io.offerlab.allocators;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The agents of a {@link HierarchicalAllocator} as flat primitive arrays indexed by agent. The hot state of an agent is
 * one record of {@link #stride} longs in {@link #rows}, so that a visit touches adjacent cache lines only: the version
 * of its free resources and the "all filtered" cache ({@link #VERSION} .. {@link #BLOCKED_GPU_LOSS}), its free vector
 * ({@link #width} thousandths from {@link #FREE}), and who holds what as up to {@link #INLINE} inline (framework index,
 * amount) pairs; an agent with more holders keeps the rest in overflow arrays. Totals and rarely used state (ranges,
 * excess after a shrink, uses of frameworks not added yet, partitions) sit in separate arrays, mostly null. Indices
 * are the order agents were added; never reused.
 */
final class AgentTable {
  /** Offsets in an agent's record. */
  static final int VERSION = 0;
  static final int BLOCKED_VERSION = 1;
  static final int BLOCKED_EPOCH = 2;
  static final int BLOCKED_UNTIL = 3;
  static final int BLOCKED_INELIGIBILITY = 4;
  static final int BLOCKED_GPU_LOSS = 5;
  static final int HOLDER_COUNT = 6;
  static final int FREE = 7;
  /** Holders kept in the record itself. */
  static final int INLINE = 2;

  /** Kinds per vector: every vector here has exactly this many entries (grown for a new kind). */
  int width;
  /** Longs per agent record: the header, the free vector, then {@link #INLINE} holders of 1 + width longs. */
  int stride;
  int count;
  String[] ids = new String[16];
  boolean[] present = new boolean[16];
  boolean[] hasGpu = new boolean[16];
  long[] rows;
  long[] total;
  /** Holders beyond the inline ones: framework indices and amounts (width each), per agent; null for most. */
  int[][] moreFrameworks = new int[16][];
  long[][] moreAmounts = new long[16][];
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
    this.stride = strideFor(width);
    rows = new long[16 * stride];
    total = new long[16 * width];
  }

  private static int strideFor(int width) {
    return FREE + width + INLINE * (1 + width);
  }

  /** Returns where agent {@code a}'s record starts in {@link #rows}. */
  int row(int a) {
    return a * stride;
  }

  /** Returns where agent {@code a}'s free vector starts in {@link #rows}. */
  int freeAt(int a) {
    return a * stride + FREE;
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
    System.arraycopy(agentTotal, 0, rows, freeAt(a), agentTotal.length);
    hasGpu[a] = ResourceKinds.GPUS < width && total[a * width + ResourceKinds.GPUS] > 0;
    int r = row(a);
    rows[r + BLOCKED_VERSION] = -1;
    rows[r + BLOCKED_EPOCH] = -1;
    rows[r + BLOCKED_UNTIL] = Long.MAX_VALUE;
    rows[r + BLOCKED_INELIGIBILITY] = -1;
    rows[r + BLOCKED_GPU_LOSS] = -1;
    return a;
  }

  private void grow(int n) {
    ids = Arrays.copyOf(ids, n);
    present = Arrays.copyOf(present, n);
    hasGpu = Arrays.copyOf(hasGpu, n);
    rows = Arrays.copyOf(rows, n * stride);
    total = Arrays.copyOf(total, n * width);
    moreFrameworks = Arrays.copyOf(moreFrameworks, n);
    moreAmounts = Arrays.copyOf(moreAmounts, n);
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
    int next = strideFor(kinds);
    long[] out = new long[cap * next];
    for (int a = 0; a < cap; a++) {
      int from = a * stride;
      int to = a * next;
      System.arraycopy(rows, from, out, to, FREE + width);
      for (int h = 0; h < INLINE; h++) {
        System.arraycopy(rows, from + FREE + width + h * (1 + width), out, to + FREE + kinds + h * (1 + kinds),
            1 + width);
      }
    }
    rows = out;
    total = relayout(total, cap, width, kinds);
    for (int a = 0; a < count; a++) {
      if (moreAmounts[a] != null) {
        moreAmounts[a] = relayout(moreAmounts[a], moreAmounts[a].length / width, width, kinds);
      }
      if (excess[a] != null) {
        excess[a] = Arrays.copyOf(excess[a], kinds);
      }
    }
    width = kinds;
    stride = next;
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
    rows[a * stride + VERSION]++;
  }

  /** Returns a copy of the agent's free vector. */
  long[] freeCopy(int a) {
    return Arrays.copyOfRange(rows, freeAt(a), freeAt(a) + width);
  }

  /** Returns a copy of the agent's total. */
  long[] totalCopy(int a) {
    return Arrays.copyOfRange(total, a * width, a * width + width);
  }

  /** Takes {@code amount} (at most {@link #width} entries) from the free resources, and {@code ranges} if any. */
  void take(int a, long[] amount, NamedRanges ranges) {
    int base = freeAt(a);
    for (int i = 0, n = Math.min(amount.length, width); i < n; i++) {
      rows[base + i] -= amount[i];
    }
    if (ranges != null) {
      freeRanges[a] = NamedRanges.minus(freeRanges[a], ranges);
    }
    bumpVersion(a);
  }

  /** Gives {@code amount} back, first settling what holders use beyond a shrunk total. */
  void give(int a, long[] amount, NamedRanges ranges) {
    int base = freeAt(a);
    long[] over = excess[a];
    for (int i = 0, n = Math.min(amount.length, width); i < n; i++) {
      long back = amount[i];
      if (over != null && i < over.length && over[i] > 0) {
        long covered = Math.min(over[i], back);
        over[i] -= covered;
        back -= covered;
      }
      rows[base + i] += back;
    }
    if (ranges != null) {
      freeRanges[a] = NamedRanges.plus(freeRanges[a], ranges);
    }
    bumpVersion(a);
  }

  /** Undoes a {@link #take} exactly (no excess is settled), for a use that changes hands. */
  void untake(int a, long[] amount, NamedRanges ranges) {
    int base = freeAt(a);
    for (int i = 0, n = Math.min(amount.length, width); i < n; i++) {
      rows[base + i] += amount[i];
    }
    if (ranges != null) {
      freeRanges[a] = NamedRanges.plus(freeRanges[a], ranges);
    }
    bumpVersion(a);
  }

  /** Sets a new total: what is used (total less free, plus any excess) stays, the free part is what is left. */
  void updateTotal(int a, long[] next) {
    int base = a * width;
    int freeBase = freeAt(a);
    long[] over = excess[a];
    long[] newExcess = new long[width];
    boolean anyOver = false;
    for (int i = 0; i < width; i++) {
      long newTotal = i < next.length ? next[i] : 0;
      long used = total[base + i] - rows[freeBase + i] + (over != null && i < over.length ? over[i] : 0);
      total[base + i] = newTotal;
      rows[freeBase + i] = Math.max(0, newTotal - used);
      newExcess[i] = Math.max(0, used - newTotal);
      anyOver |= newExcess[i] > 0;
    }
    excess[a] = anyOver ? newExcess : null;
    hasGpu[a] = ResourceKinds.GPUS < width && total[base + ResourceKinds.GPUS] > 0;
    bumpVersion(a);
  }

  // ---- holders: slots 0 .. INLINE-1 in the record, the rest in the overflow arrays ----

  /** Returns how many frameworks hold something on the agent. */
  int holderCount(int a) {
    return (int) rows[a * stride + HOLDER_COUNT];
  }

  /** Returns the array holding the amount of holder {@code slot}. */
  long[] amounts(int a, int slot) {
    return slot < INLINE ? rows : moreAmounts[a];
  }

  /** Returns where the amount of holder {@code slot} starts in {@link #amounts}. */
  int amountAt(int a, int slot) {
    return slot < INLINE ? a * stride + FREE + width + slot * (1 + width) + 1 : (slot - INLINE) * width;
  }

  /** Returns the framework index of holder {@code slot}. */
  int holderFramework(int a, int slot) {
    return slot < INLINE ? (int) rows[a * stride + FREE + width + slot * (1 + width)] : moreFrameworks[a][slot - INLINE];
  }

  private void setHolderFramework(int a, int slot, int f) {
    if (slot < INLINE) {
      rows[a * stride + FREE + width + slot * (1 + width)] = f;
    } else {
      moreFrameworks[a][slot - INLINE] = f;
    }
  }

  /** Returns the slot of framework {@code f} among the agent's holders, or -1. */
  int holderSlot(int a, int f) {
    int n = holderCount(a);
    int at = a * stride + FREE + width;
    for (int slot = 0; slot < Math.min(n, INLINE); slot++) {
      if (rows[at + slot * (1 + width)] == f) {
        return slot;
      }
    }
    int[] more = moreFrameworks[a];
    for (int slot = INLINE; slot < n; slot++) {
      if (more[slot - INLINE] == f) {
        return slot;
      }
    }
    return -1;
  }

  /** Adds {@code amount} to what framework {@code f} holds on the agent; returns its slot. */
  int hold(int a, int f, long[] amount) {
    int slot = holderSlot(a, f);
    int n = Math.min(amount.length, width);
    if (slot < 0) {
      slot = holderCount(a);
      rows[a * stride + HOLDER_COUNT] = slot + 1;
      if (slot >= INLINE) {
        int k = slot - INLINE;
        if (moreFrameworks[a] == null) {
          moreFrameworks[a] = new int[2];
          moreAmounts[a] = new long[2 * width];
        } else if (k == moreFrameworks[a].length) {
          moreFrameworks[a] = Arrays.copyOf(moreFrameworks[a], 2 * k);
          moreAmounts[a] = Arrays.copyOf(moreAmounts[a], 2 * k * width);
        }
      }
      setHolderFramework(a, slot, f);
      long[] amounts = amounts(a, slot);
      int base = amountAt(a, slot);
      for (int i = 0; i < width; i++) {
        amounts[base + i] = i < n ? amount[i] : 0;
      }
      return slot;
    }
    long[] amounts = amounts(a, slot);
    int base = amountAt(a, slot);
    for (int i = 0; i < n; i++) {
      amounts[base + i] = Math.addExact(amounts[base + i], amount[i]);
    }
    return slot;
  }

  /** Subtracts {@code amount} from the holder in {@code slot}, dropping it when it holds nothing any more. */
  void release(int a, int slot, long[] amount) {
    long[] amounts = amounts(a, slot);
    int base = amountAt(a, slot);
    boolean empty = true;
    for (int i = 0; i < width; i++) {
      long left = amounts[base + i] - (i < amount.length ? amount[i] : 0);
      amounts[base + i] = left;
      empty &= left == 0;
    }
    if (empty) {
      int last = holderCount(a) - 1;
      rows[a * stride + HOLDER_COUNT] = last;
      if (slot != last) {
        setHolderFramework(a, slot, holderFramework(a, last));
        System.arraycopy(amounts(a, last), amountAt(a, last), amounts, base, width);
      }
    }
  }

  /** Returns whether the holder in {@code slot} holds at least {@code amount}. */
  boolean holds(int a, int slot, long[] amount) {
    long[] amounts = amounts(a, slot);
    int base = amountAt(a, slot);
    for (int i = 0; i < amount.length; i++) {
      if (amount[i] > (i < width ? amounts[base + i] : 0)) {
        return false;
      }
    }
    return true;
  }

  /** Returns a copy of what the holder in {@code slot} holds. */
  long[] heldCopy(int a, int slot) {
    int base = amountAt(a, slot);
    return Arrays.copyOfRange(amounts(a, slot), base, base + width);
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
