package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code offerlab compare}: one folder per allocator, the tables, charts and a page that shows how to reproduce it. */
class CompareCommandTest {
  @TempDir
  Path tmp;

  @Test
  void comparesAllocatorsAndRecordsTheCommand() throws Exception {
    Path out = tmp.resolve("cmp");
    List<String> args = new ArrayList<>(List.of("compare", "--allocators", "static,drf", "--seed", "2", "--threads",
        "2", "--out", out.toString()));
    args.addAll(List.of(CliRun.SMALL));
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("report: " + out.resolve("index.html").toAbsolutePath()), run.out());
    for (String file : List.of("static/results.json", "drf/jobs.csv", "summary.csv", "summary.md", "frameworks.csv",
        "compare.json", "charts/utilisation-cpus.svg", "charts/utilisation-cpus.png", "index.html")) {
      assertTrue(Files.exists(out.resolve(file)), file);
    }
    String html = Files.readString(out.resolve("index.html"));
    assertTrue(html.contains("./offerlab compare --allocators static,drf --seed 2"), "the exact command is shown");
    assertTrue(html.contains("&#39;uniform:6:cpus:4;mem:16384&#39;"), "arguments are shell-quoted");
  }

  @Test
  void badInputExitsTwoWithOneLine() {
    List<String> args = new ArrayList<>(List.of("compare", "--allocators", "drf,drf", "--out",
        tmp.resolve("x").toString()));
    args.addAll(List.of(CliRun.SMALL));
    CliRun twice = CliRun.of(args.toArray(String[]::new));
    assertEquals(2, twice.code());
    assertEquals("offerlab: --allocators: expected distinct names, found [drf, drf]", twice.err().strip());

    CliRun unknown = CliRun.of("compare", "--workload", "synthetic:poisson", "--allocators", "drf,nosuch",
        "--out", tmp.resolve("y").toString());
    assertEquals(2, unknown.code(), unknown.err());
    assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
    assertTrue(unknown.err().contains("nosuch"), unknown.err());
  }
}
