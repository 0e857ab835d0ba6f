package io.offerlab.allocators;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Dominant Resource Fairness ordering (Ghodsi et al., NSDI 2011), as Mesos' {@code DRFSorter}: ascending weighted
 * dominant share, then fewer picks, then the smaller name. With priorities it is strict priority first (highest
 * first), then DRF among equals. Shares are computed against one cluster-wide total shared by every sorter.
 *
 * <p>Active clients sit in an array sorted by the share and picks they had when last placed ({@link Client#keyShare},
 * {@link Client#keyPicks}) and by their name's {@link Client#rank}. A change only marks the client dirty; the next
 * {@link #first} re-places the dirty clients (one binary search and one array shift each, or one sort when many
 * changed), so a burst of recoveries costs one re-sort, and a pass walks the array by position.
 *
 * <p>An extension point: {@link Share} replaces the dominant share by another measure (the sum of shares, slots
 * held, ...); the tie-breaks stay Mesos'.
 */
final class DrfSorter implements Sorter {
  /** The measure clients are ordered by, ascending: Mesos' weighted dominant share unless replaced. */
  @FunctionalInterface
  interface Share {
    /** Returns the client's share against the cluster total (called whenever its allocation or weight changed). */
    double of(Client client, long[] total);
  }

  /** Mesos' DRFSorter::calculateShare: the dominant share divided by the weight. */
  static final Share DOMINANT = (client, total) -> Resources.dominantShare(client.allocated, total) / client.weight;

  private final long[][] total;
  private final boolean byPriority;
  private final Share measure;
  private final Comparator<Client> order;
  /** The total whose doubles {@link #totalDoubles} holds (the shared total array is replaced, never changed). */
  private long[] cachedTotal;
  private double[] totalDoubles;
  private Client[] sorted = new Client[8];
  private int size;
  private Client[] dirty = new Client[8];
  private int dirtyCount;
  private boolean allDirty;
  /** Whether the only active client changed since its key was set (a lone client needs no order until another comes). */
  private boolean loneStale;
  /** The position of the client last returned by {@link #first} or {@link #next}. */
  private int cursor;

  /** Creates a DRF sorter reading the cluster total from {@code total[0]} (shared, replaced when agents change). */
  DrfSorter(long[][] total, boolean byPriority) {
    this(total, byPriority, DOMINANT);
  }

  /** Creates a sorter ordering by {@code measure}, then Mesos' tie-breaks. */
  DrfSorter(long[][] total, boolean byPriority, Share measure) {
    this.total = total;
    this.byPriority = byPriority;
    this.measure = measure;
    this.order = this::compareKeys;
  }

  private int compareKeys(Client a, Client b) {
    if (byPriority && a.priority != b.priority) {
      return a.priority > b.priority ? -1 : 1;
    }
    if (a.keyShare != b.keyShare) {
      return a.keyShare < b.keyShare ? -1 : 1;
    }
    if (a.keyPicks != b.keyPicks) {
      return a.keyPicks < b.keyPicks ? -1 : 1;
    }
    return Long.compare(a.rank, b.rank);
  }

  private void refresh(Client client) {
    client.share = share(client);
    client.keyShare = client.share;
    client.keyPicks = client.picks;
  }

  /** Returns the client's share; Mesos' dominant share divides by the total's doubles, computed once per total. */
  private double share(Client client) {
    if (measure != DOMINANT) {
      return measure.of(client, total[0]);
    }
    long[] t = total[0];
    if (t != cachedTotal) {
      totalDoubles = new double[t.length];
      for (int i = 0; i < t.length; i++) {
        totalDoubles[i] = Resources.mesosDouble(t[i]);
      }
      cachedTotal = t;
    }
    long[] allocated = client.allocated;
    double share = 0;
    for (int i = 0, n = Math.min(allocated.length, t.length); i < n; i++) {
      if (t[i] > 0 && allocated[i] > 0) {
        share = Math.max(share, Resources.mesosDouble(allocated[i]) / totalDoubles[i]);
      }
    }
    return share / client.weight;
  }

  @Override
  public void activate(Client client) {
    if (client.active) {
      return;
    }
    client.active = true;
    client.dirty = false;
    if (loneStale) {
      loneStale = false;
      allDirty = true; // the lone client's key is stale: refresh every key before the next pass
    }
    refresh(client);
    if (size == sorted.length) {
      sorted = Arrays.copyOf(sorted, size * 2);
    }
    int at = allDirty ? size : insertionPoint(client, 0, size);
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = client;
    size++;
  }

  @Override
  public void deactivate(Client client) {
    if (!client.active) {
      return;
    }
    int at = allDirty ? linearFind(client) : find(client);
    System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
    sorted[--size] = null;
    client.active = false;
    client.dirty = false;
    if (size == 0) {
      loneStale = false;
    }
  }

  @Override
  public void changed(Client client) {
    if (!client.active) {
      return; // its share is computed when it is activated
    }
    if (client.dirty || allDirty) {
      return;
    }
    if (size == 1) {
      loneStale = true; // one client is always first: its share matters only once another joins
      return;
    }
    client.dirty = true;
    if (dirtyCount == dirty.length) {
      dirty = Arrays.copyOf(dirty, dirtyCount * 2);
    }
    dirty[dirtyCount++] = client;
    if (dirtyCount > 16 && dirtyCount > size / 8) {
      allDirty = true;
    }
  }

  @Override
  public void totalChanged() {
    allDirty = true;
  }

  /** Re-places every dirty client: one at a time while few changed, else one sort of the whole array. */
  private void settle() {
    if (allDirty) {
      for (int i = 0; i < size; i++) {
        sorted[i].dirty = false;
        refresh(sorted[i]);
      }
      Arrays.sort(sorted, 0, size, order);
      Arrays.fill(dirty, 0, dirtyCount, null);
      dirtyCount = 0;
      allDirty = false;
      return;
    }
    for (int d = 0; d < dirtyCount; d++) {
      Client client = dirty[d];
      dirty[d] = null;
      if (!client.dirty) {
        continue; // deactivated meanwhile, or listed twice
      }
      client.dirty = false;
      int from = find(client);
      refresh(client);
      reposition(client, from);
    }
    dirtyCount = 0;
  }

  /** Moves the client at {@code from}, whose key changed, to its place among the others. */
  private void reposition(Client client, int from) {
    if (from + 1 < size && compareKeys(client, sorted[from + 1]) > 0) {
      int to = insertionPoint(client, from + 1, size) - 1; // the last position whose client orders before this one
      System.arraycopy(sorted, from + 1, sorted, from, to - from);
      sorted[to] = client;
    } else if (from > 0 && compareKeys(client, sorted[from - 1]) < 0) {
      int to = insertionPoint(client, 0, from); // the first position whose client orders after this one
      System.arraycopy(sorted, to, sorted, to + 1, from - to);
      sorted[to] = client;
    }
  }

  /**
   * Returns where a client (by its key) belongs among the sorted clients at positions {@code from} (inclusive) to
   * {@code to} (exclusive): the first there that does not order before it, or {@code to}.
   */
  private int insertionPoint(Client client, int from, int to) {
    int lo = from;
    int hi = to - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (compareKeys(sorted[mid], client) < 0) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Returns the position of an active client, found by the key it is sorted by (keys are unique: ranks are). */
  private int find(Client client) {
    int at = insertionPoint(client, 0, size);
    if (at < size && sorted[at] == client) {
      return at;
    }
    return linearFind(client);
  }

  private int linearFind(Client client) {
    for (int i = 0; i < size; i++) {
      if (sorted[i] == client) {
        return i;
      }
    }
    throw new IllegalStateException("client '" + client.name + "' is not in its sorter");
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Client first() {
    if (dirtyCount > 0 || allDirty) {
      settle();
    }
    cursor = 0;
    return size == 0 ? null : sorted[0];
  }

  @Override
  public Client next(Client current) {
    int at = cursor < size && sorted[cursor] == current ? cursor : find(current);
    cursor = at + 1;
    return cursor < size ? sorted[cursor] : null;
  }

  @Override
  public boolean restartsAfterAllocation() {
    return true;
  }
}
