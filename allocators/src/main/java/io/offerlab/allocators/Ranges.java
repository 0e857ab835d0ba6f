package io.offerlab.allocators;

import java.util.Arrays;

/**
 * An immutable set of non-negative integers kept as sorted, disjoint, coalesced inclusive ranges, as Mesos'
 * {@code Value::Ranges} (the values of a range resource such as {@code ports}). The text form is Mesos':
 * {@code [31000-32000,32100-32200]}. Adding is union, subtracting is set difference, containment is subset.
 */
public final class Ranges {
  /** The set with no value. */
  public static final Ranges EMPTY = new Ranges(new long[0]);

  /** The largest bound a range may have (so that end + 1 never overflows). */
  public static final long MAX_BOUND = 1L << 62;

  /** Bounds in pairs, begin and end inclusive: b0, e0, b1, e1... with e(i) + 1 &lt; b(i+1). */
  private final long[] bounds;

  private Ranges(long[] bounds) {
    this.bounds = bounds;
  }

  /**
   * Parses Mesos' text form, {@code [a-b,c-d]} (a single value may be written {@code a}); overlapping or adjacent
   * ranges are merged. Fails with a message naming {@code token} and what was expected.
   */
  static Ranges parse(String text, String token) {
    String t = text.strip();
    if (t.length() < 2 || t.charAt(0) != '[' || t.charAt(t.length() - 1) != ']') {
      throw new IllegalArgumentException("bad resource token '" + token + "': expected ranges like [31000-32000], found '"
          + text + "'");
    }
    String inner = t.substring(1, t.length() - 1).strip();
    if (inner.isEmpty()) {
      return EMPTY;
    }
    String[] parts = inner.split(",", -1);
    long[] pairs = new long[2 * parts.length];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      int dash = part.indexOf('-', 1);
      long begin = parseBound(dash < 0 ? part : part.substring(0, dash), token);
      long end = dash < 0 ? begin : parseBound(part.substring(dash + 1), token);
      if (end < begin) {
        throw new IllegalArgumentException("bad resource token '" + token + "': range '" + part
            + "' ends before it begins");
      }
      pairs[2 * i] = begin;
      pairs[2 * i + 1] = end;
    }
    return normalize(pairs, parts.length);
  }

  private static long parseBound(String text, String token) {
    String s = text.strip();
    if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException("bad resource token '" + token + "': expected a non-negative integer bound, "
          + "found '" + text.strip() + "'");
    }
    long bound;
    try {
      bound = Long.parseLong(s);
    } catch (NumberFormatException e) {
      bound = Long.MAX_VALUE;
    }
    if (bound > MAX_BOUND) {
      throw new IllegalArgumentException("bad resource token '" + token + "': bound '" + s + "' is too large (at most "
          + MAX_BOUND + ")");
    }
    return bound;
  }

  /** Returns the set of the inclusive ranges given as begin, end pairs (in any order, overlapping or not). */
  public static Ranges of(long... beginEndPairs) {
    if (beginEndPairs.length % 2 != 0) {
      throw new IllegalArgumentException("expected begin, end pairs, found " + beginEndPairs.length + " bounds");
    }
    for (int i = 0; i < beginEndPairs.length; i += 2) {
      if (beginEndPairs[i] < 0 || beginEndPairs[i + 1] < beginEndPairs[i] || beginEndPairs[i + 1] > MAX_BOUND) {
        throw new IllegalArgumentException("expected 0 <= begin <= end <= 2^62, found " + beginEndPairs[i] + "-"
            + beginEndPairs[i + 1]);
      }
    }
    return normalize(beginEndPairs.clone(), beginEndPairs.length / 2);
  }

  /** Sorts {@code n} pairs by begin and merges overlapping and adjacent ones. */
  private static Ranges normalize(long[] pairs, int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(pairs[2 * a], pairs[2 * b]));
    long[] out = new long[2 * n];
    int m = 0;
    for (int k = 0; k < n; k++) {
      long begin = pairs[2 * order[k]];
      long end = pairs[2 * order[k] + 1];
      if (m > 0 && begin <= out[m - 1] + 1) {
        out[m - 1] = Math.max(out[m - 1], end);
      } else {
        out[m++] = begin;
        out[m++] = end;
      }
    }
    return m == 0 ? EMPTY : new Ranges(m == out.length ? out : Arrays.copyOf(out, m));
  }

  /** Returns whether the set holds no value. */
  public boolean isEmpty() {
    return bounds.length == 0;
  }

  /** Returns the number of values in the set. */
  public long size() {
    long n = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      n += bounds[i + 1] - bounds[i] + 1;
    }
    return n;
  }

  /** Returns the union. */
  public Ranges plus(Ranges other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    long[] pairs = Arrays.copyOf(bounds, bounds.length + other.bounds.length);
    System.arraycopy(other.bounds, 0, pairs, bounds.length, other.bounds.length);
    return normalize(pairs, pairs.length / 2);
  }

  /** Returns the values here that are not in {@code other}. */
  public Ranges minus(Ranges other) {
    if (isEmpty() || other.isEmpty()) {
      return this;
    }
    long[] out = new long[bounds.length + other.bounds.length];
    int m = 0;
    int j = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      long begin = bounds[i];
      long end = bounds[i + 1];
      while (j < other.bounds.length && other.bounds[j + 1] < begin) {
        j += 2;
      }
      int k = j;
      while (begin <= end && k < other.bounds.length && other.bounds[k] <= end) {
        if (other.bounds[k] > begin) {
          if (m == out.length) {
            out = Arrays.copyOf(out, 2 * out.length);
          }
          out[m++] = begin;
          out[m++] = other.bounds[k] - 1;
        }
        begin = Math.max(begin, other.bounds[k + 1] + 1);
        k += 2;
      }
      if (begin <= end) {
        if (m == out.length) {
          out = Arrays.copyOf(out, 2 * out.length + 2);
        }
        out[m++] = begin;
        out[m++] = end;
      }
    }
    return m == 0 ? EMPTY : new Ranges(Arrays.copyOf(out, m));
  }

  /** Returns whether every value of {@code other} is here: every range of {@code other} lies inside one of these. */
  public boolean contains(Ranges other) {
    int j = 0;
    for (int i = 0; i < other.bounds.length; i += 2) {
      long begin = other.bounds[i];
      long end = other.bounds[i + 1];
      while (j < bounds.length && bounds[j + 1] < begin) {
        j += 2;
      }
      if (j == bounds.length || bounds[j] > begin || bounds[j + 1] < end) {
        return false;
      }
    }
    return true;
  }

  /** Returns the values in both. */
  public Ranges intersect(Ranges other) {
    return minus(minus(other));
  }

  /** Returns Mesos' text form, {@code [31000-32000,32100-32200]}. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < bounds.length; i += 2) {
      if (i > 0) {
        out.append(',');
      }
      out.append(bounds[i]).append('-').append(bounds[i + 1]);
    }
    return out.append(']').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ranges r && Arrays.equals(bounds, r.bounds);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bounds);
  }
}
