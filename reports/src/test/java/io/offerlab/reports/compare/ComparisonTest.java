package io.offerlab.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.reports.Files2;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare} with the real simulator on a small synthetic workload: every chart is a non-blank PNG and a
 * well-formed SVG, every file index.html references exists, runs in parallel give the same bytes as runs in
 * sequence, and re-rendering from the CSVs gives the same files.
 */
class ComparisonTest {
  static final Map<String, String> SMALL = Map.of("synthetic.jobs", "60", "synthetic.frameworks", "3",
      "synthetic.rate", "0.25", "synthetic.tasksPerJob", "6", "synthetic.tasksDist", "exponential",
      "synthetic.duration", "40");
  static final String CLUSTER = "uniform:6:cpus:4;mem:16384";

  @TempDir
  static Path tmp;
  static Path parallel;
  static ComparisonSummary summary;

  static Comparison.Request request() {
    return new Comparison.Request("synthetic:poisson", SMALL, List.of("static", "drf", "priority"), CLUSTER, null, 3,
        "./offerlab compare --workload synthetic:poisson ...");
  }

  @BeforeAll
  static void compare() {
    parallel = tmp.resolve("parallel");
    summary = Comparison.run(request(), parallel, 3, Comparison.Listener.NONE);
  }

  @Test
  void writesEveryChartAndAValidPage() throws Exception {
    Set<String> pngs = names(parallel.resolve("charts"), ".png");
    assertEquals(pngs, names(parallel.resolve("charts"), ".svg"));
    for (String chart : List.of("utilisation-cpus", "utilisation-mem", "fairness", "cdf-jct", "cdf-wait",
        "jct-by-size", "offers", "offers-locked", "stacked-shares-drf", "dominant-share-static")) {
      assertTrue(pngs.contains(chart), chart + " missing from " + pngs);
    }
    assertEquals(3, pngs.stream().filter(p -> p.startsWith("share-")).count(), pngs.toString());
    for (String name : pngs) {
      Files2.assertNonBlankPng(parallel.resolve("charts/" + name + ".png"));
      Files2.parseXml(parallel.resolve("charts/" + name + ".svg"));
    }
    for (String link : Files2.localLinks(Files2.parseXml(parallel.resolve("index.html")))) {
      assertTrue(Files.exists(parallel.resolve(link)), "index.html links to missing " + link);
    }
    assertEquals(List.of("static", "drf", "priority"),
        summary.allocators().stream().map(ComparisonSummary.AllocatorRow::allocator).toList());
    assertEquals(1.0, summary.allocators().get(0).speedup(), 1e-12);
  }

  @Test
  void parallelRunsGiveTheSameFilesAsSequentialRuns() throws Exception {
    Path sequential = tmp.resolve("sequential");
    Comparison.run(request(), sequential, 1, Comparison.Listener.NONE);
    TreeMap<String, byte[]> a = Files2.snapshot(parallel);
    TreeMap<String, byte[]> b = Files2.snapshot(sequential);
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      if (!name.endsWith("perf.json") && !name.endsWith(".png") && !name.equals("index.html")) {
        Files2.assertSameBytes(a.get(name), b.get(name), name);
      }
    }
  }

  @Test
  void reportRedrawsTheSameChartsFromTheCsvs() throws Exception {
    TreeMap<String, byte[]> before = Files2.snapshot(parallel);
    ComparisonReport.render(parallel);
    TreeMap<String, byte[]> after = Files2.snapshot(parallel);
    assertEquals(before.keySet(), after.keySet());
    for (String name : before.keySet()) {
      if (name.endsWith(".svg") || name.endsWith(".csv") || name.endsWith(".md") || name.endsWith(".html")) {
        Files2.assertSameBytes(before.get(name), after.get(name), name);
      }
    }
  }

  private static Set<String> names(Path dir, String extension) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      Set<String> names = new TreeSet<>();
      files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(extension))
          .forEach(n -> names.add(n.substring(0, n.length() - extension.length())));
      return names;
    }
  }
}
