package io.offerlab.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.reports.Files2;
import io.offerlab.reports.Fixtures;
import io.offerlab.reports.results.JobMatch;
import io.offerlab.simcore.results.Csv;
import io.offerlab.simcore.results.JobRecord;
import io.offerlab.simcore.results.ResultsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * The comparison report over fixture results files: every chart is a non-blank PNG and a well-formed SVG, index.html
 * is well-formed and every file it references exists, and re-rendering from the same files gives the same files.
 */
class ComparisonReportTest {
  @TempDir
  static Path tmp;
  static Path dir;
  static ComparisonSummary summary;

  /** Three allocators; drf completes every job twice as fast as static, priority 1.25 times. */
  @BeforeAll
  static void render() throws Exception {
    dir = tmp.resolve("cmp");
    Fixtures.writeRun(dir.resolve("static"), "static", 1.0, 4);
    Fixtures.writeRun(dir.resolve("drf"), "drf", 2.0, 4);
    Fixtures.writeRun(dir.resolve("priority"), "priority", 1.25, 4);
    new CompareManifest(List.of("static", "drf", "priority"),
        "./offerlab compare --workload synthetic:fixture --allocators static,drf,priority --out cmp", "seed: 1\n")
        .write(dir);
    summary = ComparisonReport.render(dir);
  }

  @Test
  void writesEveryChartAsNonBlankPngAndWellFormedSvg() throws Exception {
    Set<String> pngs = names(dir.resolve("charts"), ".png");
    Set<String> svgs = names(dir.resolve("charts"), ".svg");
    assertEquals(pngs, svgs, "every chart has both a PNG and an SVG");
    Set<String> expected = new TreeSet<>(List.of("utilisation-cpus", "utilisation-mem", "offers-locked", "fairness",
        "cdf-jct", "cdf-wait", "jct-by-size", "offers"));
    for (String fw : Fixtures.frameworks(4)) {
      expected.add("share-" + fw);
    }
    for (String allocator : List.of("static", "drf", "priority")) {
      expected.add("stacked-shares-" + allocator);
      expected.add("dominant-share-" + allocator);
    }
    assertEquals(expected, pngs);
    for (String name : pngs) {
      Files2.assertNonBlankPng(dir.resolve("charts").resolve(name + ".png"));
      Document svg = Files2.parseXml(dir.resolve("charts").resolve(name + ".svg"));
      assertEquals("svg", svg.getDocumentElement().getLocalName(), name + ".svg root");
    }
  }

  @Test
  void indexHtmlIsWellFormedAndEveryLinkExists() throws Exception {
    Document page = Files2.parseXml(dir.resolve("index.html"));
    List<String> links = Files2.localLinks(page);
    for (String link : links) {
      assertTrue(Files.exists(dir.resolve(link)), "index.html links to missing " + link);
    }
    Set<String> images = new TreeSet<>();
    for (String link : links) {
      if (link.startsWith("charts/") && link.endsWith(".svg")) {
        images.add(link);
      }
    }
    assertEquals(names(dir.resolve("charts"), ".svg").size(), images.size(), "every chart is shown");
    String html = Files.readString(dir.resolve("index.html"));
    assertTrue(html.contains("./offerlab compare --workload synthetic:fixture"), "shows the command");
    assertTrue(html.contains("seed: 1"), "shows the --config text");
    assertTrue(links.contains("drf/jobs.csv"), "links the run files");
  }

  @Test
  void speedupIsTheBaselinesTotalCompletionTimeOverTheAllocatorsOnMatchedJobs() throws Exception {
    Csv csv = Csv.read(dir.resolve("summary.csv"));
    assertEquals(List.of("static", "drf", "priority"), List.of(csv.text(0, 0), csv.text(1, 0), csv.text(2, 0)));
    int speedup = csv.column("speedup");
    assertEquals(1.0, csv.number(0, speedup), 1e-9);
    assertEquals(2.0, csv.number(1, speedup), 1e-5);
    assertEquals(1.25, csv.number(2, speedup), 1e-5);
    assertEquals("static", csv.text(1, csv.column("baseline")));
    ComparisonSummary.FrameworkRow row = summary.framework("fw-01", "drf");
    assertEquals(2.0, row.speedup(), 1e-5);
    String md = Files.readString(dir.resolve("summary.md"));
    assertTrue(md.contains("| drf |"), md);
    assertTrue(md.contains("2.00x"), md);
  }

  @Test
  void matchedJobsIgnoreJobsUnfinishedInEitherRun() throws Exception {
    List<JobRecord> base = JobRecord.read(dir.resolve("static/jobs.csv"));
    List<JobRecord> drf = JobRecord.read(dir.resolve("drf/jobs.csv"));
    double[] sums = JobMatch.sums(base, drf, j -> true);
    assertEquals(Fixtures.JOBS - 1, (int) sums[2]);
    double expected = 0;
    for (int i = 0; i < Fixtures.JOBS - 1; i++) {
      expected += Fixtures.baseJct(i);
    }
    assertEquals(expected, sums[0], 1e-3 * Fixtures.JOBS);
  }

  @Test
  void reRenderingFromTheCsvsGivesTheSameFilesAndIdenticalSvgs() throws Exception {
    Path copy = tmp.resolve("copy");
    for (Map.Entry<String, byte[]> file : Files2.snapshot(dir).entrySet()) {
      Path target = copy.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.write(target, file.getValue());
    }
    TreeMap<String, byte[]> before = Files2.snapshot(copy);
    ComparisonReport.render(copy);
    TreeMap<String, byte[]> after = Files2.snapshot(copy);
    assertEquals(before.keySet(), after.keySet());
    for (String name : before.keySet()) {
      if (name.endsWith(".svg") || name.endsWith(".csv") || name.endsWith(".md") || name.endsWith(".html")) {
        Files2.assertSameBytes(before.get(name), after.get(name), name);
      }
    }
  }

  @Test
  void manyFrameworksAreCappedToTheTopNPlusOther() throws Exception {
    Path many = tmp.resolve("many");
    Fixtures.writeRun(many.resolve("drf"), "drf", 2.0, 40);
    Fixtures.writeRun(many.resolve("static"), "static", 1.0, 40);
    ComparisonReport.render(many, "static", 5);
    Set<String> charts = names(many.resolve("charts"), ".svg");
    assertEquals(5, charts.stream().filter(c -> c.startsWith("share-")).count(), charts.toString());
    // the five largest frameworks in the fixture are the ones with the largest weights: fw-35 .. fw-39
    assertTrue(charts.contains("share-fw-39"), charts.toString());
    assertFalse(charts.contains("share-fw-00"), charts.toString());
    assertEquals("static", Csv.read(many.resolve("summary.csv")).text(0, 0), "the baseline comes first");
  }

  @Test
  void aSingleSimulateFolderIsAReportOfOne() throws Exception {
    Path run = Fixtures.writeRun(tmp.resolve("single"), "drf", 1.0, 3);
    ComparisonSummary one = ComparisonReport.render(run);
    assertEquals(1, one.allocators().size());
    Document page = Files2.parseXml(run.resolve("index.html"));
    for (String link : Files2.localLinks(page)) {
      assertTrue(Files.exists(run.resolve(link)), "index.html links to missing " + link);
    }
    assertTrue(Files.readString(run.resolve("index.html")).contains("simulate --workload synthetic:fixture"));
    assertFalse(Files.exists(run.resolve("charts/jct-by-size.png")), "no baseline to compare with");
  }

  @Test
  void corruptRowFailsWithTheFileAndLine() throws Exception {
    Path bad = tmp.resolve("bad");
    Fixtures.writeRun(bad.resolve("drf"), "drf", 1.0, 2);
    Path ts = bad.resolve("drf/timeseries.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(ts));
    lines.set(4, lines.get(4).replaceFirst("^[^,]+,[^,]+,[^,]+", "240,384,abc"));
    Files.write(ts, lines);
    ResultsException e = assertThrows(ResultsException.class, () -> ComparisonReport.render(bad));
    assertEquals(ts + ":5: expected a number in column 3 (cpus_allocated), found 'abc'", e.getMessage());
    assertThrows(ResultsException.class, () -> ComparisonReport.render(tmp.resolve("nowhere")));
    ResultsException baseline = assertThrows(ResultsException.class,
        () -> ComparisonReport.render(bad.getParent().resolve("cmp"), "slots", 8));
    assertTrue(baseline.getMessage().startsWith("--baseline: expected one of [static, drf, priority]"),
        baseline.getMessage());
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
