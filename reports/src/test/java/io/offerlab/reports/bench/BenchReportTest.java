package io.offerlab.reports.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.reports.Files2;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.ResultsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JMH JSON results become a log-log scaling chart per benchmark, a Markdown table and a CSV. */
class BenchReportTest {
  @TempDir
  Path tmp;

  /** Writes JMH's result format: time per cycle grows linearly in agents, DRF slower with more frameworks. */
  private Path jmhJson() throws Exception {
    StringBuilder json = new StringBuilder("[");
    boolean first = true;
    for (String allocator : new String[] {"DRF", "STATIC"}) {
      for (int frameworks : new int[] {10, 100}) {
        for (int agents : new int[] {100, 1000, 10000}) {
          double us = agents * (allocator.equals("DRF") ? 0.5 : 0.1) * (1 + frameworks / 100.0);
          boolean nanos = agents == 100;
          json.append(first ? "" : ",").append(String.format(Locale.ROOT, """
              {"jmhVersion": "1.37", "benchmark": "io.offerlab.jmh.OfferCycleBenchmark.cycle", "mode": "avgt",
               "threads": 1, "forks": 1, "params": {"agents": "%d", "allocator": "%s", "frameworks": "%d"},
               "primaryMetric": {"score": %s, "scoreError": %s, "scoreConfidence": [0, 0],
                 "scoreUnit": "%s", "rawData": [[1.0]]},
               "secondaryMetrics": {"offers": {"score": %d, "scoreError": "NaN", "scoreUnit": "#"}}}
              """, agents, allocator, frameworks, nanos ? us * 1000 : us, nanos ? us * 100 : us * 0.1,
              nanos ? "ns/op" : "us/op", agents));
          first = false;
        }
      }
    }
    Path file = tmp.resolve("jmh.json");
    Files.writeString(file, json.append("]").toString());
    return file;
  }

  @Test
  void rendersAScalingChartPerBenchmarkAndTables() throws Exception {
    Path out = tmp.resolve("bench");
    BenchReport.Rendered rendered = BenchReport.render(jmhJson(), out);
    assertEquals(12, rendered.results().size());
    assertEquals(1, rendered.charts().size());
    String name = rendered.charts().get(0).name();
    assertEquals("bench-offercyclebenchmark.cycle-avgt", name);
    Files2.assertNonBlankPng(out.resolve("charts/" + name + ".png"));
    Files2.parseXml(out.resolve("charts/" + name + ".svg"));
    Csv csv = Csv.read(out.resolve("bench.csv"));
    assertEquals(12, csv.size());
    assertTrue(csv.has("param:agents") && csv.has("secondary:offers"), csv.header().toString());
    String md = Files.readString(out.resolve("bench.md"));
    assertTrue(md.contains("| OfferCycleBenchmark.cycle | avgt | 1000 | DRF | 10 | 550 | 55 | us/op | 1000 |"), md);
    assertEquals("agents", BenchReport.xParam(rendered.results()));
  }

  @Test
  void convertsTimeUnitsWithinAChart() {
    assertEquals(1e-3, TimeUnits.factor("ns/op", "us/op"), 1e-15);
    assertEquals(1000, TimeUnits.factor("ops/ms", "ops/s"), 1e-9);
    assertTrue(Double.isNaN(TimeUnits.factor("ops/s", "us/op")));
  }

  @Test
  void rejectsFilesThatAreNotJmhResults() throws Exception {
    Path file = tmp.resolve("bad.json");
    Files.writeString(file, "{\"benchmark\": 1}");
    assertEquals(file + ":1: expected a JSON list of JMH results (run JMH with -rf json)",
        assertThrows(ResultsException.class, () -> BenchReport.render(file, tmp)).getMessage());
    Files.writeString(file, "[{\"benchmark\": \"a.B.c\", \"primaryMetric\": {}}]");
    assertEquals(file + ": result 0: expected a number in primaryMetric.score",
        assertThrows(ResultsException.class, () -> BenchReport.render(file, tmp)).getMessage());
  }
}
