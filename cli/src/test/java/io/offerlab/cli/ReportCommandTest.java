package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code offerlab report DIR} redraws a comparison from its files alone: deleted charts come back identical. */
class ReportCommandTest {
  @TempDir
  Path tmp;

  @Test
  void redrawsDeletedChartsFromTheCsvs() throws Exception {
    Path out = tmp.resolve("cmp");
    List<String> args = new ArrayList<>(List.of("compare", "--allocators", "drf,static", "--out", out.toString()));
    args.addAll(List.of(CliRun.SMALL));
    assertEquals(0, CliRun.of(args.toArray(String[]::new)).code());
    Path charts = out.resolve("charts");
    List<Path> svgs;
    try (Stream<Path> files = Files.list(charts)) {
      svgs = files.filter(p -> p.toString().endsWith(".svg")).sorted().toList();
    }
    List<String> before = new ArrayList<>();
    for (Path svg : svgs) {
      before.add(Files.readString(svg));
    }
    String summary = Files.readString(out.resolve("summary.csv"));
    try (Stream<Path> files = Files.list(charts)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(out.resolve("summary.csv"));

    CliRun report = CliRun.of("report", out.toString());
    assertEquals(0, report.code(), report.err());
    assertEquals("report: " + out.resolve("index.html").toAbsolutePath(), report.out().strip());
    for (int i = 0; i < svgs.size(); i++) {
      assertEquals(before.get(i), Files.readString(svgs.get(i)), svgs.get(i) + " differs after re-rendering");
      assertTrue(Files.exists(Path.of(svgs.get(i).toString().replace(".svg", ".png"))));
    }
    assertEquals(summary, Files.readString(out.resolve("summary.csv")));

    CliRun baseline = CliRun.of("report", "--baseline", "static", out.toString());
    assertEquals(0, baseline.code(), baseline.err());
    assertTrue(Files.readString(out.resolve("summary.csv")).lines().skip(1).findFirst().orElseThrow()
        .startsWith("static,"), "the baseline comes first");
  }

  @Test
  void aMissingOrBrokenFolderExitsTwo() throws Exception {
    CliRun missing = CliRun.of("report", tmp.resolve("nowhere").toString());
    assertEquals(2, missing.code());
    assertEquals("offerlab: " + tmp.resolve("nowhere") + ": no such folder", missing.err().strip());
    Files.createDirectories(tmp.resolve("run"));
    Files.writeString(tmp.resolve("run/results.json"), "{\"run\": {\"allocator\": \"drf\"}}");
    CliRun broken = CliRun.of("report", tmp.resolve("run").toString());
    assertEquals(2, broken.code());
    assertEquals("offerlab: " + tmp.resolve("run/timeseries.csv") + ": no such file", broken.err().strip());
  }
}
