package io.offerlab.reports.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.reports.Files2;
import io.offerlab.simcore.results.ResultsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --seeds}: every allocator runs on every seed into {@code ALLOCATOR/seed-N}, summary.csv has a row per
 * allocator and seed, summary-ci.csv pools the seeds, and the same request gives the same bytes.
 */
class SeedsComparisonTest {
  @TempDir
  static Path tmp;
  static Path out;

  static Comparison.Request request() {
    return new Comparison.Request("synthetic:poisson", ComparisonTest.SMALL, List.of("static", "drf"),
        ComparisonTest.CLUSTER, null, 1, "./offerlab compare --seeds 1,2,5 ...", List.of(1L, 2L, 5L));
  }

  @BeforeAll
  static void compare() {
    out = tmp.resolve("seeds");
    Comparison.run(request(), out, 2, Comparison.Listener.NONE);
  }

  @Test
  void runsEveryAllocatorOnEverySeed() throws Exception {
    for (String allocator : List.of("static", "drf")) {
      for (long seed : List.of(1L, 2L, 5L)) {
        Path run = out.resolve(allocator).resolve("seed-" + seed);
        assertTrue(Files.exists(run.resolve("results.json")), run.toString());
        assertTrue(Files.readString(run.resolve("results.json")).contains("\"seed\" : " + seed)
            || Files.readString(run.resolve("results.json")).contains("\"seed\": " + seed), run.toString());
      }
    }
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertEquals(7, summary.size(), "a header and one row per allocator and seed");
    assertTrue(summary.get(1).startsWith("static,") && summary.get(4).startsWith("drf,"), summary.toString());
    assertEquals(List.of("1", "2", "5"), summary.subList(4, 7).stream().map(l -> l.split(",")[3]).toList());
    List<String> ci = Files.readAllLines(out.resolve("summary-ci.csv"));
    assertEquals("allocator,baseline,framework,metric,seeds,estimate,ci_low,ci_high", ci.get(0));
    for (String metric : SeedStatistics.METRICS) {
      assertTrue(ci.stream().anyMatch(l -> l.startsWith("drf,static,," + metric + ",3,")), metric + " in " + ci);
    }
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("<p class=\"headline\"><b>Over 3 seeds"), "the page opens with the headline");
    for (String link : Files2.localLinks(Files2.parseXml(out.resolve("index.html")))) {
      assertTrue(Files.exists(out.resolve(link)), "index.html links to missing " + link);
    }
  }

  @Test
  void sameRequestSameBytes() throws Exception {
    Path again = tmp.resolve("again");
    Comparison.run(request(), again, 1, Comparison.Listener.NONE);
    // index.html is left out: its performance table shows wall times, which differ from run to run.
    for (String file : List.of("summary.csv", "summary-ci.csv", "frameworks.csv", "summary.md",
        "drf/seed-2/jobs.csv", "drf/seed-2/timeseries.csv", "drf/seed-2/results.json")) {
      String a = Files.readString(out.resolve(file));
      String b = Files.readString(again.resolve(file));
      assertEquals(a.replace(out.toString(), "OUT"), b.replace(again.toString(), "OUT"), file);
    }
    String pooled = Files.readString(out.resolve("summary-ci.csv"));
    ComparisonReport.render(out);
    assertEquals(pooled, Files.readString(out.resolve("summary-ci.csv")), "re-rendering gives the same pooled table");
  }

  @Test
  void repeatedSeedsAreRejected() {
    Comparison.Request twice = new Comparison.Request("synthetic:poisson", ComparisonTest.SMALL, List.of("drf"),
        ComparisonTest.CLUSTER, null, 1, "", List.of(1L, 1L));
    ResultsException e = assertThrows(ResultsException.class,
        () -> Comparison.run(twice, tmp.resolve("twice"), 1, Comparison.Listener.NONE));
    assertEquals("--seeds: expected distinct seeds, found [1, 1]", e.getMessage());
  }
}
