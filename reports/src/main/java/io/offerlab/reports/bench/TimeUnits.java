package io.offerlab.reports.bench;

import java.util.Map;

/** Converts JMH score units ({@code ns/op}, {@code ops/ms}, ...) so that one chart uses one unit. */
final class TimeUnits {
  private static final Map<String, Double> SECONDS = Map.of("ns", 1e-9, "us", 1e-6, "\u00b5s", 1e-6, "ms", 1e-3,
      "s", 1.0, "min", 60.0);

  private TimeUnits() {}

  /** Returns the factor that turns a score in {@code from} into one in {@code to}, or NaN when they do not convert. */
  static double factor(String from, String to) {
    if (from.equals(to)) {
      return 1;
    }
    String[] f = from.split("/");
    String[] t = to.split("/");
    if (f.length != 2 || t.length != 2) {
      return Double.NaN;
    }
    if (f[1].equals("op") && t[1].equals("op") && SECONDS.containsKey(f[0]) && SECONDS.containsKey(t[0])) {
      return SECONDS.get(f[0]) / SECONDS.get(t[0]);
    }
    if (f[0].equals("ops") && t[0].equals("ops") && SECONDS.containsKey(f[1]) && SECONDS.containsKey(t[1])) {
      return SECONDS.get(t[1]) / SECONDS.get(f[1]);
    }
    return Double.NaN;
  }
}
