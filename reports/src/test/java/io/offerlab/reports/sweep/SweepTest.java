package io.offerlab.reports.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.reports.Files2;
import io.offerlab.reports.Fixtures;
import io.offerlab.simcore.results.Csv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweep orchestration: resuming after an interruption, sharding and merging all give the same sweep.csv as one
 * uninterrupted run. The simulator here writes fixture results files whose numbers depend on the cell's allocator,
 * seed and parameter value (read back from the override file the sweep writes), so every run differs.
 */
class SweepTest {
  @TempDir
  Path tmp;

  private Path sweepFile() throws Exception {
    Path base = tmp.resolve("base.yaml");
    Files.writeString(base, "metrics:\n  sampleInterval: 30s\n");
    Path file = tmp.resolve("sweep.yaml");
    Files.writeString(file, """
        allocators: [drf, static]
        workloads: ["synthetic:fixture"]
        seeds: 3
        config: base.yaml
        parameters:
          frameworks.service.tJob: [0.01, 0.1, 1, 10]
        metrics: [jct_mean_s, "jct_mean_s:fw-01", cpus_allocated]
        """);
    return file;
  }

  /** Writes fixture results: speed grows with the seed and tJob read from the per-run override; drf is faster. */
  static final SweepRunner.Simulator FIXTURE = (config, cell, configFile, out) -> {
    String yaml = Files.readString(configFile);
    assertTrue(yaml.contains("sampleInterval: \"30s\""), "the override keeps the base config: " + yaml);
    double tJob = Sweep.numeric(SweepConfig.readYaml(configFile).at("/frameworks/service/tJob"));
    double speed = (cell.allocator().equals("drf") ? 2 : 1) * (1 + 0.05 * cell.seed()) / (1 + tJob / 10);
    Fixtures.writeRun(out, cell.allocator(), speed, 3);
  };

  @Test
  void aSweepWritesTheCombinedTableStatisticsAndCharts() throws Exception {
    SweepConfig config = SweepConfig.read(sweepFile());
    Path out = tmp.resolve("full");
    Sweep.Outcome outcome = Sweep.run(config, Shard.ALL, out, 2, FIXTURE, SweepRunner.Listener.NONE);
    assertEquals(2 * 3 * 4, outcome.cells());
    assertEquals(24, outcome.ran());
    Csv csv = Csv.read(out.resolve("sweep.csv"));
    assertEquals(24, csv.size());
    assertTrue(csv.has("param:frameworks.service.tJob") && csv.has("jct_mean_s:fw-01"), csv.header().toString());
    // matrix order: parameter value, then seed, then allocator
    assertEquals("drf", csv.text(0, csv.column("allocator")));
    assertEquals("static", csv.text(1, csv.column("allocator")));
    assertEquals("2", csv.text(2, csv.column("seed")));

    Csv ci = Csv.read(out.resolve("sweep-ci.csv"));
    assertEquals(2 * 4 * 3, ci.size());
    List<Double> seeds = new ArrayList<>();
    for (int r = 0; r < csv.size(); r++) {
      if (csv.text(r, csv.column("allocator")).equals("drf") && csv.text(r, 5).equals("0.01")) {
        seeds.add(csv.number(r, csv.column("jct_mean_s")));
      }
    }
    double mean = seeds.stream().mapToDouble(d -> d).average().orElseThrow();
    double sd = Math.sqrt(seeds.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / 2);
    double t975With2Df = 4.302652729911275;
    assertEquals("jct_mean_s", ci.text(0, ci.column("metric")));
    assertEquals(mean, ci.number(0, ci.column("mean")), 1e-4 * mean);
    assertEquals(mean + t975With2Df * sd / Math.sqrt(3), ci.number(0, ci.column("ci95_high")), 1e-4 * mean);

    for (String chart : List.of("sweep-jct_mean_s-vs-frameworks.service.tjob",
        "sweep-jct_mean_s-fw-01-vs-frameworks.service.tjob", "sweep-cpus_allocated-vs-frameworks.service.tjob")) {
      Files2.assertNonBlankPng(out.resolve("charts/" + chart + ".png"));
      Files2.parseXml(out.resolve("charts/" + chart + ".svg"));
    }
    for (String link : Files2.localLinks(Files2.parseXml(out.resolve("index.html")))) {
      assertTrue(Files.exists(out.resolve(link)), link);
    }
  }

  @Test
  void anInterruptedSweepResumesToTheSameTable() throws Exception {
    SweepConfig config = SweepConfig.read(sweepFile());
    Path full = tmp.resolve("full");
    Sweep.run(config, Shard.ALL, full, 2, FIXTURE, SweepRunner.Listener.NONE);

    Path resumed = tmp.resolve("resumed");
    AtomicInteger finished = new AtomicInteger();
    RuntimeException stop = assertThrows(IllegalStateException.class, () -> Sweep.run(config, Shard.ALL, resumed, 2,
        FIXTURE, (cell, done, total) -> {
          finished.incrementAndGet();
          if (done == total / 2) {
            throw new IllegalStateException("interrupted");
          }
        }));
    assertEquals("interrupted", stop.getMessage());
    long complete = SweepMatrix.cells(config).stream().filter(c -> SweepRunner.isDone(resumed, c)).count();
    assertTrue(complete >= 12 && complete < 24, "half the runs finished: " + complete);
    assertTrue(Files.notExists(resumed.resolve("sweep.csv")));

    Sweep.Outcome rest = Sweep.run(config, Shard.ALL, resumed, 2, FIXTURE, SweepRunner.Listener.NONE);
    assertEquals(24 - complete, rest.ran(), "finished runs are skipped");
    Files2.assertSameBytes(Files.readAllBytes(full.resolve("sweep.csv")), Files.readAllBytes(resumed.resolve(
        "sweep.csv")), "sweep.csv");
    Files2.assertSameBytes(Files.readAllBytes(full.resolve("sweep-ci.csv")), Files.readAllBytes(resumed.resolve(
        "sweep-ci.csv")), "sweep-ci.csv");
    assertEquals(0, Sweep.run(config, Shard.ALL, resumed, 2, FIXTURE, SweepRunner.Listener.NONE).ran());
  }

  @Test
  void shardsMergedEqualTheUnshardedSweep() throws Exception {
    SweepConfig config = SweepConfig.read(sweepFile());
    Path full = tmp.resolve("full");
    Sweep.run(config, Shard.ALL, full, 2, FIXTURE, SweepRunner.Listener.NONE);

    Path one = tmp.resolve("shard1");
    Path two = tmp.resolve("shard2");
    Sweep.Outcome first = Sweep.run(config, Shard.parse("1/2"), one, 1, FIXTURE, SweepRunner.Listener.NONE);
    Sweep.Outcome second = Sweep.run(config, Shard.parse("2/2"), two, 1, FIXTURE, SweepRunner.Listener.NONE);
    assertEquals(12, first.cells());
    assertEquals(12, second.cells());
    assertEquals(one.resolve("shard-1-of-2.csv"), first.table());
    assertEquals(12, Csv.read(first.table()).size());

    Path merged = tmp.resolve("merged");
    SweepException missing = assertThrows(SweepException.class, () -> Sweep.merge(config, merged, List.of(one)));
    assertTrue(missing.getMessage().startsWith("sweep --merge: 12 of 24 runs have no results.json"),
        missing.getMessage());
    Sweep.merge(config, merged, List.of(one, two));
    Files2.assertSameBytes(Files.readAllBytes(full.resolve("sweep.csv")), Files.readAllBytes(merged.resolve(
        "sweep.csv")), "sweep.csv");

    // shards that share one --out folder merge in place
    Path shared = tmp.resolve("shared");
    Sweep.run(config, Shard.parse("2/2"), shared, 1, FIXTURE, SweepRunner.Listener.NONE);
    Sweep.run(config, Shard.parse("1/2"), shared, 1, FIXTURE, SweepRunner.Listener.NONE);
    Sweep.merge(config, shared, List.of());
    Files2.assertSameBytes(Files.readAllBytes(full.resolve("sweep.csv")), Files.readAllBytes(shared.resolve(
        "sweep.csv")), "sweep.csv");
  }

  @Test
  void aFailingRunStopsTheSweepAndNamesTheRun() throws Exception {
    SweepConfig config = SweepConfig.read(sweepFile());
    SweepException e = assertThrows(SweepException.class, () -> Sweep.run(config, Shard.ALL, tmp.resolve("x"), 1,
        (c, cell, file, out) -> {
          throw new IllegalArgumentException("workload.csv:3: expected a number");
        }, SweepRunner.Listener.NONE));
    assertEquals("sweep run drf__synthetic-fixture__frameworks.service.tjob-0.01__seed-1: workload.csv:3: expected a "
        + "number", e.getMessage());
    assertTrue(SweepMatrix.cells(config).stream().noneMatch(c -> SweepRunner.isDone(tmp.resolve("x"), c)));
  }
}
