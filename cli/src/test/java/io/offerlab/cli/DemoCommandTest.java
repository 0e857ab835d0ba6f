package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code offerlab demo}: the Mesos paper's mix on 96 agents, static vs drf vs priority; prints the headline table
 * (taken from the same numbers as summary.csv) and the report's path.
 */
class DemoCommandTest {
  @TempDir
  Path tmp;

  @Test
  void printsTheHeadlineAndWritesTheReport() throws Exception {
    Path out = tmp.resolve("demo");
    CliRun run = CliRun.of("demo", "--seed", "1", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    String text = run.out();
    assertTrue(text.contains("On one seed (no confidence interval"), text);
    assertTrue(text.contains("report: " + out.resolve("index.html").toAbsolutePath()), text);
    assertTrue(text.contains("Per-framework speedup of drf over static"), text);
    for (String fw : List.of("facebook", "hadoop-large", "spark", "mpi")) {
      assertTrue(text.lines().anyMatch(l -> l.startsWith(fw + " ")), fw + " missing from\n" + text);
    }
    List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
    assertEquals(4, summary.size(), "one row per allocator");
    List<String> header = List.of(summary.get(0).split(","));
    for (int row = 1; row <= 3; row++) {
      String[] fields = summary.get(row).split(",");
      assertEquals(List.of("static", "drf", "priority").get(row - 1), fields[0]);
      double cpus = Double.parseDouble(fields[header.indexOf("cpus_allocated")]);
      String printed = String.format(Locale.ROOT, "%.1f%%", 100 * cpus);
      assertTrue(text.lines().anyMatch(l -> l.startsWith(fields[0] + " ") && l.contains(printed)),
          "the headline shows " + fields[0] + "'s CPU utilisation " + printed + ":\n" + text);
    }
    assertTrue(Files.exists(out.resolve("charts/share-mpi.svg")), "one share panel per framework");
    assertTrue(Files.exists(out.resolve("drf/results.json")), "one seed: the ALLOCATOR/ layout");
  }

  /** The default is 5 seeds (docs/reports.md gives the time it takes); here 2, to keep the build short. */
  @Test
  void seedsPoolWithIntervalsAndTheHeadlineCitesThePaper() throws Exception {
    assertEquals("1..5", DemoCommand.DEFAULT_SEEDS);
    Path out = tmp.resolve("seeds");
    CliRun run = CliRun.of("demo", "--seeds", "1..2", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    String text = run.out();
    assertTrue(text.contains("Over 2 seeds (geometric means, 95% paired t intervals), drf finished the jobs"), text);
    assertTrue(text.contains("the Mesos paper (Hindman et al., NSDI 2011, section 6.1.1, Table 4) measured run-time"
        + " speedups of 1.14x (Facebook Hadoop Mix), 2.10x (Large Hadoop Mix)"), text);
    assertTrue(text.contains("--seeds 1..2"), "the command to reproduce it: " + text);
    assertTrue(text.lines().anyMatch(l -> l.startsWith("hadoop-large ") && l.endsWith(" 2.10x")),
        "the pooled per-framework table with the paper's run-time speedup: " + text);
    assertEquals(7, Files.readAllLines(out.resolve("summary.csv")).size(), "3 allocators x 2 seeds");
    assertTrue(Files.exists(out.resolve("priority/seed-2/jobs.csv")));
    String html = Files.readString(out.resolve("index.html"));
    int h1 = html.indexOf("</h1>");
    assertTrue(html.substring(h1).startsWith("</h1>\n<p class=\"headline\"><b>Over 2 seeds"),
        "the page opens with the headline");
  }

  @Test
  void seedAndSeedsTogetherAreAUsageError() {
    CliRun both = CliRun.of("demo", "--seed", "1", "--seeds", "1..2", "--out", tmp.resolve("x").toString());
    assertEquals(2, both.code());
    assertTrue(both.err().startsWith("offerlab: --seed and --seeds: expected one of them, found both"), both.err());
    CliRun backwards = CliRun.of("compare", "--workload", "synthetic:drf-example", "--allocators", "drf",
        "--seeds", "3..1", "--out", tmp.resolve("y").toString());
    assertEquals(2, backwards.code());
    assertTrue(backwards.err().startsWith("offerlab: --seeds: expected a range FROM..TO (FROM <= TO) or a list of "
        + "distinct whole numbers like 1,3,7, found '3..1'"), backwards.err());
    CliRun compareBoth = CliRun.of("compare", "--workload", "synthetic:drf-example", "--allocators", "drf",
        "--seed", "2", "--seeds", "1,2", "--out", tmp.resolve("z").toString());
    assertEquals(2, compareBoth.code(), compareBoth.err());
    assertTrue(Files.notExists(tmp.resolve("z")), "nothing written");
  }
}
