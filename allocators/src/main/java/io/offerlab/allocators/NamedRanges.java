package io.offerlab.allocators;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The range resources of a {@link Resources} (such as {@code ports}): non-empty {@link Ranges} by name, names sorted.
 * Immutable; a vector without range resources holds none (null), so scalar-only arithmetic never touches this class.
 */
final class NamedRanges {
  private final String[] names;
  private final Ranges[] values;

  private NamedRanges(String[] names, Ranges[] values) {
    this.names = names;
    this.values = values;
  }

  /** Returns the ranges of a map with the empty ones dropped, or null when none is left. */
  static NamedRanges of(Map<String, Ranges> map) {
    TreeMap<String, Ranges> sorted = new TreeMap<>();
    for (var entry : map.entrySet()) {
      if (!entry.getValue().isEmpty()) {
        sorted.put(entry.getKey(), entry.getValue());
      }
    }
    if (sorted.isEmpty()) {
      return null;
    }
    return new NamedRanges(sorted.keySet().toArray(new String[0]), sorted.values().toArray(new Ranges[0]));
  }

  /** Returns the ranges of {@code name}, empty when absent. */
  Ranges get(String name) {
    int i = Arrays.binarySearch(names, name);
    return i < 0 ? Ranges.EMPTY : values[i];
  }

  /** Returns the ranges by name, in name order. */
  Map<String, Ranges> asMap() {
    Map<String, Ranges> map = new TreeMap<>();
    for (int i = 0; i < names.length; i++) {
      map.put(names[i], values[i]);
    }
    return map;
  }

  /** Returns the union, name by name; either side may be null. */
  static NamedRanges plus(NamedRanges a, NamedRanges b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    Map<String, Ranges> map = a.asMap();
    for (int i = 0; i < b.names.length; i++) {
      map.merge(b.names[i], b.values[i], Ranges::plus);
    }
    return of(map);
  }

  /** Returns what is in {@code a} and not in {@code b}, name by name; either side may be null. */
  static NamedRanges minus(NamedRanges a, NamedRanges b) {
    if (a == null || b == null) {
      return a;
    }
    Map<String, Ranges> map = a.asMap();
    for (int i = 0; i < b.names.length; i++) {
      Ranges have = map.get(b.names[i]);
      if (have != null) {
        map.put(b.names[i], have.minus(b.values[i]));
      }
    }
    return of(map);
  }

  /** Returns what is in both, name by name; either side may be null. */
  static NamedRanges intersect(NamedRanges a, NamedRanges b) {
    if (a == null || b == null) {
      return null;
    }
    Map<String, Ranges> map = new TreeMap<>();
    for (int i = 0; i < a.names.length; i++) {
      map.put(a.names[i], a.values[i].intersect(b.get(a.names[i])));
    }
    return of(map);
  }

  /**
   * Returns whether {@code outer} holds every range of {@code inner} (an absent side holds nothing): Mesos'
   * containment, so that a decline filter blocks an offer only if every range of the offer is inside the refused
   * ranges.
   */
  static boolean contains(NamedRanges outer, NamedRanges inner) {
    if (inner == null) {
      return true;
    }
    if (outer == null) {
      return false;
    }
    for (int i = 0; i < inner.names.length; i++) {
      if (!outer.get(inner.names[i]).contains(inner.values[i])) {
        return false;
      }
    }
    return true;
  }

  /** Adds each {@code name:[a-b,...]} to {@code out}, keyed by name. */
  void appendTo(Map<String, String> out) {
    for (int i = 0; i < names.length; i++) {
      out.put(names[i], names[i] + ":" + values[i]);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamedRanges r && Arrays.equals(names, r.names) && Arrays.equals(values, r.values);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
  }
}
