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
    CliRun run = CliRun.of("demo", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    String text = run.out();
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
  }
}
