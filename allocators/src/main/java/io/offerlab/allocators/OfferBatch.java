package io.offerlab.allocators;

import java.util.Arrays;

/**
 * The offers of one allocation cycle as parallel primitive arrays (structure of arrays): for the i-th offer, the
 * agent's and the framework's index (see {@link Allocator#agentIndex}), and its amount of each resource kind in
 * thousandths, one {@code long} column per kind. An offer with range resources (such as {@code ports}) also keeps them
 * as a {@link Resources}; every other offer costs no object. A buffer is owned by its caller and reused from cycle to
 * cycle: {@link Allocator#allocate(long, OfferBatch)} clears it and fills it, growing its arrays when needed.
 *
 * <p>Kinds are numbered as the allocators number them: {@link #CPUS}, {@link #MEM}, {@link #DISK} and {@link #GPUS}
 * are fixed, other named scalars are numbered on first use ({@link #kind(String)}). Not thread-safe.
 */
public final class OfferBatch {
  /** The column of {@code cpus}. */
  public static final int CPUS = ResourceKinds.CPUS;
  /** The column of {@code mem} (MB). */
  public static final int MEM = ResourceKinds.MEM;
  /** The column of {@code disk} (MB). */
  public static final int DISK = ResourceKinds.DISK;
  /** The column of {@code gpus}. */
  public static final int GPUS = ResourceKinds.GPUS;

  private int size;
  private int[] agents;
  private int[] frameworks;
  /** amounts[kind][offer], in thousandths. */
  private long[][] amounts;
  /** The whole offer, for offers with ranges only (null elsewhere); null while no offer had ranges. */
  private Resources[] ranged;

  /** Creates an empty batch. */
  public OfferBatch() {
    this(16);
  }

  /** Creates an empty batch with room for {@code capacity} offers before it grows. */
  public OfferBatch(int capacity) {
    int c = Math.max(1, capacity);
    agents = new int[c];
    frameworks = new int[c];
    amounts = new long[4][c];
  }

  /** Returns the column number of a resource kind, or -1 when no resource vector ever used that name. */
  public static int kind(String name) {
    return ResourceKinds.indexOf(name);
  }

  /** Returns the number of offers. */
  public int size() {
    return size;
  }

  /** Empties the batch, keeping its arrays. */
  public void clear() {
    if (ranged != null) {
      Arrays.fill(ranged, 0, size, null);
    }
    size = 0;
  }

  /** Returns the index of the agent of offer {@code i}. */
  public int agent(int i) {
    check(i);
    return agents[i];
  }

  /** Returns the index of the framework of offer {@code i}. */
  public int framework(int i) {
    check(i);
    return frameworks[i];
  }

  /** Returns how many kind columns the batch has; kinds at or past it are zero in every offer. */
  public int kinds() {
    return amounts.length;
  }

  /** Returns the amount of {@code kind} in offer {@code i}, in thousandths (0 for a kind the batch has no column of). */
  public long milli(int i, int kind) {
    check(i);
    return kind < amounts.length ? amounts[kind][i] : 0;
  }

  /** Returns the cpus of offer {@code i}. */
  public double cpus(int i) {
    return milli(i, CPUS) / (double) Resources.SCALE;
  }

  /** Returns the memory of offer {@code i}, in MB. */
  public double memMb(int i) {
    return milli(i, MEM) / (double) Resources.SCALE;
  }

  /** Returns whether offer {@code i} has range resources. */
  public boolean hasRanges(int i) {
    check(i);
    return ranged != null && ranged[i] != null;
  }

  /** Returns offer {@code i} as a new {@link Resources} (with its ranges, if any); allocates, so off the hot path. */
  public Resources resources(int i) {
    check(i);
    if (ranged != null && ranged[i] != null) {
      return ranged[i];
    }
    int n = amounts.length;
    while (n > 0 && amounts[n - 1][i] == 0) {
      n--;
    }
    if (n == 0) {
      return Resources.EMPTY;
    }
    long[] milli = new long[n];
    for (int k = 0; k < n; k++) {
      milli[k] = amounts[k][i];
    }
    return Resources.wrap(milli);
  }

  /** Copies the thousandths of offer {@code i} into {@code into} (its length at least {@link #kinds()}). */
  public void copyMilli(int i, long[] into) {
    check(i);
    for (int k = 0; k < amounts.length; k++) {
      into[k] = amounts[k][i];
    }
    Arrays.fill(into, amounts.length, into.length, 0);
  }

  /** Appends an offer: {@code milli} by kind (not kept), {@code ranges} the whole offer when it has ranges, else null. */
  void add(int agent, int framework, long[] milli, Resources ranges) {
    if (size == agents.length) {
      grow();
    }
    if (milli.length > amounts.length) {
      widen(milli.length);
    }
    int i = size++;
    agents[i] = agent;
    frameworks[i] = framework;
    int n = milli.length;
    for (int k = 0; k < n; k++) {
      amounts[k][i] = milli[k];
    }
    for (int k = n; k < amounts.length; k++) {
      amounts[k][i] = 0;
    }
    if (ranges != null) {
      if (ranged == null) {
        ranged = new Resources[agents.length];
      }
      ranged[i] = ranges;
    }
  }

  /** Appends an offer given as resources (the default, String-based path of the SPI). */
  void add(int agent, int framework, Resources resources) {
    add(agent, framework, resources.toMilliArray(0), resources.hasRanges() ? resources : null);
  }

  private void grow() {
    int c = agents.length * 2;
    agents = Arrays.copyOf(agents, c);
    frameworks = Arrays.copyOf(frameworks, c);
    for (int k = 0; k < amounts.length; k++) {
      amounts[k] = Arrays.copyOf(amounts[k], c);
    }
    if (ranged != null) {
      ranged = Arrays.copyOf(ranged, c);
    }
  }

  private void widen(int kinds) {
    int old = amounts.length;
    amounts = Arrays.copyOf(amounts, kinds);
    for (int k = old; k < kinds; k++) {
      amounts[k] = new long[agents.length];
    }
  }

  private void check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("offer " + i + " of a batch of " + size);
    }
  }
}
