package io.offerlab.allocators;

import java.util.Arrays;

/**
 * The decline filters of a {@link HierarchicalAllocator} (Mesos' {@code Filters.refuse_seconds}), as primitive arrays:
 * per agent, one record per framework index holding the newest filter's expiry, revive epoch and refused vector side
 * by side, so that checking a framework on an agent touches one cache line. Older filters of the same pair (a second
 * decline before the first expired) chain behind it as objects, oldest last; so do the ranges of a filter that refused
 * range resources. A filter is live while its epoch is the framework's (revive and deactivation bump it) and the time
 * is before its expiry; dead and expired filters are dropped when met, as before.
 */
final class FilterTable {
  private static final int EXPIRY = 0;
  private static final int EPOCH = 1;
  private static final int HEADER = 2;
  private static final long NONE = -1;

  private int width;
  private int stride;
  /** rows[agent][framework * stride + ...]: the newest filter of each pair, or epoch {@link #NONE}. */
  private long[][] rows = new long[16][];
  /** The refused ranges of a pair's newest filter, when it refused some (per agent, by framework; lazily made). */
  private NamedRanges[][] ranges = new NamedRanges[16][];
  /** Older filters of a pair, newest first (per agent, by framework; lazily made). */
  private Filter[][] older = new Filter[16][];

  FilterTable(int width) {
    this.width = width;
    this.stride = HEADER + width;
  }

  /** Makes room for agent {@code a}. */
  void ensureAgent(int a) {
    if (a >= rows.length) {
      int n = Math.max(a + 1, 2 * rows.length);
      rows = Arrays.copyOf(rows, n);
      ranges = Arrays.copyOf(ranges, n);
      older = Arrays.copyOf(older, n);
    }
  }

  /** Widens every refused vector to {@code kinds} entries. */
  void widen(int kinds) {
    if (kinds <= width) {
      return;
    }
    int next = HEADER + kinds;
    for (int a = 0; a < rows.length; a++) {
      if (rows[a] != null) {
        rows[a] = AgentTable.relayout(rows[a], rows[a].length / stride, stride, next);
      }
    }
    width = kinds;
    stride = next;
  }

  /** Forgets every filter on agent {@code a} (it was removed). */
  void dropAgent(int a) {
    rows[a] = null;
    ranges[a] = null;
    older[a] = null;
  }

  /** Forgets every filter of framework {@code f} (it was removed). */
  void dropFramework(int f) {
    for (int a = 0; a < rows.length; a++) {
      long[] row = rows[a];
      if (row != null && (f + 1) * stride <= row.length) {
        row[f * stride + EPOCH] = NONE;
        if (ranges[a] != null) {
          ranges[a][f] = null;
        }
        if (older[a] != null) {
          older[a][f] = null;
        }
      }
    }
  }

  /**
   * Adds a filter of framework {@code f} (at revive epoch {@code epoch}) on agent {@code a} refusing {@code refused}
   * (and {@code refusedRanges}, or null) until {@code expiresAt}; {@code frameworks} is how many frameworks were ever
   * added (it sizes the agent's record).
   */
  void add(int a, int f, int epoch, long[] refused, NamedRanges refusedRanges, long expiresAt, int frameworks) {
    long[] row = rows[a];
    if (row == null || row.length < (f + 1) * stride) {
      int slots = Math.max(f + 1, Math.min(frameworks, 2 * f + 2));
      int old = row == null ? 0 : row.length / stride;
      row = row == null ? new long[slots * stride] : Arrays.copyOf(row, slots * stride);
      for (int i = old; i < slots; i++) {
        row[i * stride + EPOCH] = NONE;
      }
      rows[a] = row;
      if (ranges[a] != null) {
        ranges[a] = Arrays.copyOf(ranges[a], slots);
      }
      if (older[a] != null) {
        older[a] = Arrays.copyOf(older[a], slots);
      }
    }
    int base = f * stride;
    Filter chain = older[a] == null ? null : live(older[a][f], epoch, -1);
    if (row[base + EPOCH] == epoch) { // the current newest is live (as to epoch): it becomes the first older one
      long[] previous = Arrays.copyOfRange(row, base + HEADER, base + stride);
      NamedRanges previousRanges = ranges[a] == null ? null : ranges[a][f];
      chain = previousRanges == null ? new Filter(previous, row[base + EXPIRY], epoch, chain)
          : new RangeFilter(previous, previousRanges, row[base + EXPIRY], epoch, chain);
    }
    if (chain != null || older[a] != null) {
      olderRow(a, row.length / stride)[f] = chain;
    }
    row[base + EXPIRY] = expiresAt;
    row[base + EPOCH] = epoch;
    for (int i = 0; i < width; i++) {
      row[base + HEADER + i] = i < refused.length ? refused[i] : 0;
    }
    if (refusedRanges != null || ranges[a] != null) {
      rangesRow(a, row.length / stride)[f] = refusedRanges;
    }
  }

  private Filter[] olderRow(int a, int slots) {
    if (older[a] == null) {
      older[a] = new Filter[slots];
    }
    return older[a];
  }

  private NamedRanges[] rangesRow(int a, int slots) {
    if (ranges[a] == null) {
      ranges[a] = new NamedRanges[slots];
    }
    return ranges[a];
  }

  /**
   * Returns the expiry of the first live filter of framework {@code f} (at revive epoch {@code epoch}) on agent
   * {@code a} that covers {@code offer} (the {@code width} entries of {@code offer} from {@code from}) and the agent's
   * free ranges {@code freeRanges} (null when none), newest first; or {@link Long#MIN_VALUE} when none does. Drops
   * the dead and expired filters met.
   */
  long covering(int a, int f, int epoch, long[] offer, int from, NamedRanges freeRanges, long now) {
    long[] row = rows[a];
    int base = f * stride;
    if (row == null || base + stride > row.length) {
      return Long.MIN_VALUE;
    }
    Filter[] olderRow = older[a];
    if (row[base + EPOCH] != NONE && (row[base + EPOCH] != epoch || now >= row[base + EXPIRY])) {
      promote(a, f, row, base, olderRow == null ? null : live(olderRow[f], epoch, now));
    } else if (olderRow != null && olderRow[f] != null) {
      olderRow[f] = live(olderRow[f], epoch, now);
    }
    if (row[base + EPOCH] == NONE) {
      return Long.MIN_VALUE;
    }
    if (covers(row, base + HEADER, offer, from)
        && (freeRanges == null || coversRanges(a, f, freeRanges))) {
      return row[base + EXPIRY];
    }
    if (olderRow != null) {
      for (Filter x = olderRow[f]; x != null; x = x.next) {
        if (Resources.containsMilli(x.refused, slice(offer, from))
            && (freeRanges == null || x.coversRanges(freeRanges))) {
          return x.expiresAt;
        }
      }
    }
    return Long.MIN_VALUE;
  }

  private boolean coversRanges(int a, int f, NamedRanges freeRanges) {
    NamedRanges refused = ranges[a] == null ? null : ranges[a][f];
    return refused != null && NamedRanges.contains(refused, freeRanges);
  }

  private boolean covers(long[] row, int at, long[] offer, int from) {
    for (int i = 0; i < width; i++) {
      if (offer[from + i] > row[at + i]) {
        return false;
      }
    }
    return true;
  }

  private long[] slice(long[] offer, int from) {
    return from == 0 && offer.length == width ? offer : Arrays.copyOfRange(offer, from, from + width);
  }

  /** Replaces the newest filter of a pair, found dead or expired, by the first live older one (or none). */
  private void promote(int a, int f, long[] row, int base, Filter chain) {
    if (chain == null) {
      row[base + EPOCH] = NONE;
      if (ranges[a] != null) {
        ranges[a][f] = null;
      }
      if (older[a] != null) {
        older[a][f] = null;
      }
      return;
    }
    row[base + EXPIRY] = chain.expiresAt;
    row[base + EPOCH] = chain.epoch;
    for (int i = 0; i < width; i++) {
      row[base + HEADER + i] = i < chain.refused.length ? chain.refused[i] : 0;
    }
    NamedRanges refused = chain instanceof RangeFilter r ? r.refusedRanges : null;
    if (refused != null || ranges[a] != null) {
      rangesRow(a, row.length / stride)[f] = refused;
    }
    older[a][f] = chain.next;
  }

  /** Returns the chain without filters that are dead (older epoch) or expired at {@code now} (if now >= 0). */
  private static Filter live(Filter chain, int epoch, long now) {
    Filter head = chain;
    while (head != null && (head.epoch != epoch || now >= head.expiresAt && now >= 0)) {
      head = head.next;
    }
    for (Filter f = head; f != null; ) {
      Filter next = f.next;
      while (next != null && (next.epoch != epoch || now >= next.expiresAt && now >= 0)) {
        next = next.next;
      }
      f.next = next;
      f = next;
    }
    return head;
  }

  /** An older decline filter: refuses offers no bigger than {@code refused} until {@code expiresAt}. */
  static class Filter {
    final long[] refused;
    final long expiresAt;
    final int epoch;
    Filter next;

    Filter(long[] refused, long expiresAt, int epoch, Filter next) {
      this.refused = refused;
      this.expiresAt = expiresAt;
      this.epoch = epoch;
      this.next = next;
    }

    /** Returns whether the refused ranges hold every offered range; a filter without ranges holds none. */
    boolean coversRanges(NamedRanges offered) {
      return false;
    }
  }

  /** An older decline filter that also refused range resources. */
  static final class RangeFilter extends Filter {
    final NamedRanges refusedRanges;

    RangeFilter(long[] refused, NamedRanges refusedRanges, long expiresAt, int epoch, Filter next) {
      super(refused, expiresAt, epoch, next);
      this.refusedRanges = refusedRanges;
    }

    @Override
    boolean coversRanges(NamedRanges offered) {
      return NamedRanges.contains(refusedRanges, offered);
    }
  }
}
