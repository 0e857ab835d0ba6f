package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code offerlab reproduce}: bad arguments are one clear line and exit 2; {@code compare --probe-strategy} runs. */
class ReproduceCommandTest {
  @Test
  void badArgumentsExitTwoWithOneLine(@TempDir Path out) throws Exception {
    CliRun unknown = CliRun.of("reproduce", "drf-papers", "--out", out.toString());
    assertEquals(2, unknown.code(), unknown.err());
    assertTrue(unknown.err().startsWith("offerlab: reproduce: expected one of drf-paper, mesos-paper, omega-hoarding,"
        + " found 'drf-papers'"), unknown.err());
    CliRun noOut = CliRun.of("reproduce", "drf-paper");
    assertEquals(2, noOut.code());
    assertTrue(noOut.err().contains("--out"), noOut.err());
    CliRun threads = CliRun.of("reproduce", "drf-paper", "--out", out.toString(), "--threads", "0");
    assertEquals(2, threads.code());
    assertTrue(threads.err().contains("--threads: expected a positive number, found 0"), threads.err());
    CliRun none = CliRun.of("reproduce", "--out", out.toString());
    assertEquals(2, none.code());
    assertTrue(none.err().contains("NAME"), none.err());
    assertEquals(0, Files.exists(out.resolve("drf-papers")) ? 1 : 0, "nothing written for a bad name");
    Path file = Files.writeString(out.resolve("a-file"), "x");
    CliRun notFolder = CliRun.of("reproduce", "drf-paper", "--out", file.toString());
    assertEquals(2, notFolder.code());
    assertTrue(notFolder.err().startsWith("offerlab: --out: expected a folder, found the file '"), notFolder.err());
  }

  @Test
  void compareProbesStrategy(@TempDir Path out) throws Exception {
    CliRun run = CliRun.of("compare", "--workload", "synthetic:drf-example", "--workload-option",
        "synthetic.tasks=20", "--workload-option", "synthetic.duration=30", "--allocators", "drf", "--seeds", "1,2",
        "--probe-strategy", "--out", out.toString());
    assertEquals(0, run.code(), run.err());
    String csv = Files.readString(out.resolve("strategy.csv"));
    assertTrue(csv.startsWith("allocator,lying framework,"), csv);
    assertEquals(3, csv.lines().count(), "a row for A and one for B: " + csv);
    assertTrue(Files.exists(out.resolve("strategy/drf/lies-A/seed-2/results.json")));
  }
}
