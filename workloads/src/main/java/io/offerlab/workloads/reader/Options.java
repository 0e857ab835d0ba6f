package io.offerlab.workloads.reader;

import io.offerlab.workloads.WorkloadException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The workload options given to {@code Workloads.open}, read through typed getters that validate each value and
 * remember which keys were read, so that any key nobody read can be rejected by name.
 */
public final class Options {
  private final Map<String, String> values;
  private final Set<String> known = new HashSet<>();

  /** Copies the given options; {@code null} means none. */
  public Options(Map<String, String> values) {
    this.values = values == null ? new TreeMap<>() : new TreeMap<>(values);
    for (Map.Entry<String, String> e : this.values.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new WorkloadException("workload options: expected a key and a value, found '" + e + "'");
      }
    }
  }

  /** Returns whether the key was given. */
  public boolean has(String key) {
    known.add(key);
    return values.containsKey(key);
  }

  /** Returns the value, stripped of blanks, or {@code fallback} (which may be null) when absent. */
  public String string(String key, String fallback) {
    known.add(key);
    String v = values.get(key);
    return v == null ? fallback : v.strip();
  }

  /** Returns a boolean ({@code true} or {@code false}). */
  public boolean bool(String key, boolean fallback) {
    String v = string(key, Boolean.toString(fallback)).toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw bad(key, "true or false");
  }

  /** Returns a finite number greater than zero. */
  public double positiveDouble(String key, double fallback) {
    double v = number(key, fallback);
    if (!(v > 0)) {
      throw bad(key, "a positive number");
    }
    return v;
  }

  /** Returns a finite number of at least zero. */
  public double nonNegativeDouble(String key, double fallback) {
    double v = number(key, fallback);
    if (!(v >= 0)) {
      throw bad(key, "a non-negative number");
    }
    return v;
  }

  /** Returns a fraction in (0, 1]. */
  public double fraction(String key, double fallback) {
    double v = number(key, fallback);
    if (!(v > 0 && v <= 1)) {
      throw bad(key, "a fraction in (0, 1]");
    }
    return v;
  }

  /** Returns any long integer. */
  public long longValue(String key, long fallback) {
    String v = string(key, Long.toString(fallback));
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw bad(key, "an integer");
    }
  }

  /** Returns an integer of at least one. */
  public int positiveInt(String key, int fallback) {
    long v = longValue(key, fallback);
    if (v < 1 || v > Integer.MAX_VALUE) {
      throw bad(key, "a positive integer");
    }
    return (int) v;
  }

  /** Returns one of the allowed values. */
  public String choice(String key, String fallback, String... allowed) {
    String v = string(key, fallback);
    if (!List.of(allowed).contains(v)) {
      throw bad(key, "one of " + String.join(", ", allowed));
    }
    return v;
  }

  /** Builds the error for a bad value of {@code key}. */
  public WorkloadException bad(String key, String expected) {
    return new WorkloadException("option " + key + ": expected " + expected + ", found '" + values.get(key) + "'");
  }

  /** Fails naming the first given key that no getter read, listing the keys that {@code context} accepts. */
  public void rejectUnknown(String context) {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        throw new WorkloadException("unknown workload option '" + key + "' for " + context
            + "; known options: " + String.join(", ", new TreeSet<>(known)));
      }
    }
  }

  private double number(String key, double fallback) {
    String v = string(key, Double.toString(fallback));
    try {
      double d = Double.parseDouble(v);
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw bad(key, "a finite number");
      }
      return d;
    } catch (NumberFormatException e) {
      throw bad(key, "a number");
    }
  }
}
