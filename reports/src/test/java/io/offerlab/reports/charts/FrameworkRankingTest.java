package io.offerlab.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.reports.Fixtures;
import io.offerlab.reports.results.RunResults;
import io.offerlab.simcore.results.TimeSeries;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With many frameworks, charts draw the top N by CPU share and group the rest as "other", conserving the total. */
class FrameworkRankingTest {
  @TempDir
  Path tmp;

  @Test
  void topNByShareAndOtherSumsTheRest() throws Exception {
    RunResults run = RunResults.read(Fixtures.writeRun(tmp.resolve("r"), "drf", 1.0, 30), "drf");
    FrameworkRanking ranking = FrameworkRanking.of(List.of(run), 6);
    assertEquals(6, ranking.top().size());
    assertTrue(ranking.hasOther());
    List<String> sorted = ranking.top().stream().sorted().toList();
    assertEquals(sorted, ranking.top(), "top frameworks are listed by name");
    double smallestTop = ranking.top().stream().mapToDouble(f -> TimeSeries.mean(run.series().cpuShare(f))).min()
        .orElseThrow();
    for (String fw : run.series().frameworks()) {
      if (!ranking.top().contains(fw)) {
        assertTrue(TimeSeries.mean(run.series().cpuShare(fw)) <= smallestTop, fw + " should rank in the top");
      }
    }
    double[] other = ranking.otherCpuShare(run.series());
    double[] allocated = run.series().fraction("cpus_allocated", "cpus_total");
    for (int i = 0; i < other.length; i++) {
      double top = 0;
      for (String fw : ranking.top()) {
        top += run.series().cpuShare(fw)[i];
      }
      assertEquals(allocated[i], top + other[i], 1e-4, "row " + i + ": top + other = allocated");
    }
    assertFalse(FrameworkRanking.of(List.of(run), 30).hasOther());
  }

  @Test
  void thinningAveragesLongSeriesAndDropsNaN() {
    double[] x = new double[10_000];
    double[] y = new double[10_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
      y[i] = i % 2 == 0 ? 1 : 3;
    }
    y[5] = Double.NaN;
    double[][] thin = Plots.thin(x, y, 100);
    assertEquals(100, thin[0].length);
    assertEquals(2.0, thin[1][50], 1e-9);
    assertEquals(2, Plots.thin(new double[] {1, 2, 3}, new double[] {1, Double.NaN, 2}, 100)[0].length);
    assertEquals("frameworks.service.tjob-0.1", ComparisonCharts.slug("frameworks.service.tJob=0.1"));
    assertEquals("synthetic-mesos-paper", ComparisonCharts.slug("synthetic:mesos-paper"));
  }

  @Test
  void cdfPointsAreAtMostOneThousandAndEndAtOne() {
    double[] values = new double[5000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    double[][] cdf = JobCharts.cdfPoints(values);
    assertEquals(1000, cdf[0].length);
    assertEquals(1.0, cdf[1][999], 1e-12);
    assertEquals(4999, cdf[0][999], 1e-12);
    assertEquals(0.001, cdf[1][0], 1e-12);
  }
}
