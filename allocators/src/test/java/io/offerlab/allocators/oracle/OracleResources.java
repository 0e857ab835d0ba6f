package io.offerlab.allocators.oracle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Resource vectors as the oracle sees them: a sorted map from name to thousandths, with no zero entries. Written
 * from ARCHITECTURE.md section 4 alone: the text form {@code name:value;name:value}, values rounded as Mesos rounds
 * ({@code llround(v * 1000)} on the double), names sorted and zeros dropped when printed.
 */
final class OracleResources {
  private OracleResources() {}

  /** Parses {@code cpus:1;mem:512}; each value is {@code llround(value * 1000)} thousandths. */
  static TreeMap<String, Long> parse(String text) {
    TreeMap<String, Long> out = new TreeMap<>();
    if (text.isBlank()) {
      return out;
    }
    for (String token : text.split(";")) {
      String[] parts = token.split(":");
      long milli = Math.round(Double.parseDouble(parts[1].strip()) * 1000);
      if (milli != 0) {
        out.put(parts[0].strip(), milli);
      }
    }
    return out;
  }

  /** Prints names sorted, zero quantities dropped, values in the shortest decimal form. */
  static String format(Map<String, Long> resources) {
    StringJoiner out = new StringJoiner(";");
    new TreeMap<>(resources).forEach((name, milli) -> {
      if (milli != 0) {
        out.add(name + ":" + BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString());
      }
    });
    return out.toString();
  }

  static TreeMap<String, Long> plus(Map<String, Long> a, Map<String, Long> b) {
    TreeMap<String, Long> out = new TreeMap<>(a);
    b.forEach((name, milli) -> out.merge(name, milli, Long::sum));
    out.values().removeIf(v -> v == 0);
    return out;
  }

  static TreeMap<String, Long> minus(Map<String, Long> a, Map<String, Long> b) {
    TreeMap<String, Long> out = new TreeMap<>(a);
    b.forEach((name, milli) -> out.merge(name, -milli, Long::sum));
    out.values().removeIf(v -> v == 0);
    return out;
  }

  /** Whether every quantity of {@code inner} is at most that of {@code outer}. */
  static boolean contains(Map<String, Long> outer, Map<String, Long> inner) {
    return inner.entrySet().stream().allMatch(e -> e.getValue() <= outer.getOrDefault(e.getKey(), 0L));
  }

  /** Mesos' default minimum allocatable resources: {@code cpus:0.01} or {@code mem:32}. */
  static final List<String> DEFAULT_MIN_ALLOCATABLE = List.of("cpus:0.01", "mem:32");

  /**
   * Whether {@code available} contains one of the minimum allocatable alternatives (either one is enough); with no
   * alternatives, any non-empty resources are allocatable (Mesos' {@code allocatable} with an empty set).
   */
  static boolean allocatable(Map<String, Long> available, List<String> alternatives) {
    if (alternatives.isEmpty()) {
      return available.values().stream().anyMatch(v -> v > 0);
    }
    return alternatives.stream().anyMatch(a -> contains(available, parse(a)));
  }

  /** The fraction {@code f} (as written in decimal) of {@code milli} thousandths, floored to thousandths. */
  static long floorFraction(long milli, double f) {
    return BigDecimal.valueOf(f).multiply(BigDecimal.valueOf(milli)).setScale(0, RoundingMode.FLOOR).longValueExact();
  }

  /**
   * The dominant share as Mesos' {@code DRFSorter::calculateShare} computes it: over kinds with a positive total, the
   * largest allocation / total, each the double Mesos keeps for a sum of scalars ({@link #mesosValue}).
   */
  static double share(Map<String, Long> allocation, Map<String, Long> total) {
    double share = 0;
    for (var e : total.entrySet()) {
      if (e.getValue() > 0) {
        share = Math.max(share, mesosValue(allocation.getOrDefault(e.getKey(), 0L)) / mesosValue(e.getValue()));
      }
    }
    return share;
  }

  /** Mesos' {@code convertToFloating} in {@code common/values.cpp}: whole units plus the thousandths / 1000. */
  static double mesosValue(long milli) {
    return (double) (milli / 1000) + (double) (milli % 1000) / 1000.0;
  }
}
