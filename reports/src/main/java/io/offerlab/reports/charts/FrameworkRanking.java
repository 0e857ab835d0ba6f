package io.offerlab.reports.charts;

import io.offerlab.reports.results.RunResults;
import io.offerlab.simcore.results.TimeSeries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Picks the frameworks drawn individually: the top N by mean share of the cluster's CPUs over all runs, the rest
 * grouped as "other". Keeps charts readable with thousands of trace users.
 */
final class FrameworkRanking {
  static final String OTHER = "other";

  private final List<String> top;
  private final boolean hasOther;

  private FrameworkRanking(List<String> top, boolean hasOther) {
    this.top = List.copyOf(top);
    this.hasOther = hasOther;
  }

  static FrameworkRanking of(List<RunResults> runs, int topN) {
    TreeSet<String> all = new TreeSet<>();
    Map<String, Double> score = new HashMap<>();
    for (RunResults run : runs) {
      for (String fw : run.series().frameworks()) {
        all.add(fw);
        double mean = TimeSeries.mean(run.series().cpuShare(fw));
        score.merge(fw, Double.isNaN(mean) ? 0 : mean, Double::sum);
      }
    }
    List<String> ranked = new ArrayList<>(all);
    ranked.sort(Comparator.comparing((String fw) -> -score.getOrDefault(fw, 0.0)).thenComparing(fw -> fw));
    List<String> top = new ArrayList<>(ranked.subList(0, Math.min(topN, ranked.size())));
    top.sort(Comparator.naturalOrder());
    return new FrameworkRanking(top, ranked.size() > top.size());
  }

  /** Returns the frameworks drawn individually, in name order. */
  List<String> top() {
    return top;
  }

  /** Returns whether some frameworks are grouped as "other". */
  boolean hasOther() {
    return hasOther;
  }

  /** Returns the summed CPU share of the frameworks not in the top list. */
  double[] otherCpuShare(TimeSeries series) {
    double[] sum = new double[series.size()];
    for (String fw : series.frameworks()) {
      if (!top.contains(fw)) {
        double[] share = series.cpuShare(fw);
        for (int i = 0; i < sum.length; i++) {
          if (!Double.isNaN(share[i])) {
            sum[i] += share[i];
          }
        }
      }
    }
    return sum;
  }
}
