package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code offerlab sweep} with the real simulator: a sweep stopped after half its runs and rerun, and two shards
 * merged, both give the same sweep.csv as one uninterrupted sweep.
 */
class SweepCommandTest {
  @TempDir
  Path tmp;

  private Path sweepFile() throws Exception {
    Path file = tmp.resolve("sweep.yaml");
    Files.writeString(file, """
        allocators: [drf, static]
        workloads: ["synthetic:poisson"]
        cluster: "uniform:6:cpus:4;mem:16384"
        seeds: 2
        workloadOptions:
          synthetic.jobs: 40
          synthetic.frameworks: 2
          synthetic.rate: 0.25
          synthetic.tasksPerJob: 5
        parameters:
          frameworks.default.tJob: [0.1, 3]
        metrics: [wait_mean_s, "jct_mean_s:fw01"]
        """);
    return file;
  }

  @Test
  void resumedAndShardedSweepsEqualAnUninterruptedOne() throws Exception {
    String file = sweepFile().toString();
    Path full = tmp.resolve("full");
    CliRun whole = CliRun.of("sweep", "--config", file, "--out", full.toString());
    assertEquals(0, whole.code(), whole.err());
    assertTrue(whole.out().startsWith("sweep: 8 runs, 8 simulated now, 0 already done"), whole.out());
    String expected = Files.readString(full.resolve("sweep.csv"));
    assertEquals(9, expected.lines().count());
    assertTrue(Files.exists(full.resolve("charts/sweep-wait_mean_s-vs-frameworks.default.tjob.svg")));

    // a sweep that stopped after half its runs (here: the runs of shard 1/2), then rerun whole
    Path resumed = tmp.resolve("resumed");
    assertEquals(0, CliRun.of("sweep", "--config", file, "--shard", "1/2", "--out", resumed.toString()).code());
    CliRun rest = CliRun.of("sweep", "--config", file, "--out", resumed.toString());
    assertEquals(0, rest.code(), rest.err());
    assertTrue(rest.out().startsWith("sweep: 8 runs, 4 simulated now, 4 already done"), rest.out());
    assertEquals(expected, Files.readString(resumed.resolve("sweep.csv")));

    // shards on two machines, merged
    Path one = tmp.resolve("one");
    Path two = tmp.resolve("two");
    assertEquals(0, CliRun.of("sweep", "--config", file, "--shard", "1/2", "--out", one.toString()).code());
    assertEquals(0, CliRun.of("sweep", "--config", file, "--shard", "2/2", "--out", two.toString()).code());
    CliRun merged = CliRun.of("sweep", "--config", file, "--merge", "--out", one.toString(), two.toString());
    assertEquals(0, merged.code(), merged.err());
    assertEquals(expected, Files.readString(one.resolve("sweep.csv")));
  }

  @Test
  void badSweepInputExitsTwo() throws Exception {
    Path file = tmp.resolve("bad.yaml");
    Files.writeString(file, "allocators: [drf]\nworkloads: [\"synthetic:poisson\"]\nseedz: 3\n");
    CliRun bad = CliRun.of("sweep", "--config", file.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("offerlab: " + file + ": unknown field 'seedz'"), bad.err());
    CliRun shard = CliRun.of("sweep", "--config", sweepFile().toString(), "--shard", "0/2", "--out",
        tmp.resolve("o").toString());
    assertEquals(2, shard.code());
    assertEquals("offerlab: --shard: expected I/N with 1 <= I <= N, found 0/2", shard.err().strip());
  }
}
