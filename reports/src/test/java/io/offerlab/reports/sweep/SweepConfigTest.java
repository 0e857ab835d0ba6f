package io.offerlab.reports.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweep files are validated up front with messages naming the file and field; shards cover the matrix once. */
class SweepConfigTest {
  @TempDir
  Path tmp;

  private SweepConfig parse(String yaml) throws Exception {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, yaml);
    return SweepConfig.read(file);
  }

  private String error(String yaml) {
    return assertThrows(SweepException.class, () -> parse(yaml)).getMessage();
  }

  @Test
  void readsTheMatrixAndWritesOverridesAtDottedKeys() throws Exception {
    SweepConfig config = parse("""
        allocators: [drf, static]
        workloads: ["synthetic:a", "synthetic:b"]
        seeds: [7, 9]
        parameters:
          frameworks.service.tJob: [0.1, "10ms"]
          master.offerTimeout: [0, 30]
        """);
    List<SweepCell> cells = SweepMatrix.cells(config);
    assertEquals(2 * 2 * 2 * 2 * 2, cells.size());
    assertEquals(cells.size(), new HashSet<>(cells.stream().map(SweepCell::id).toList()).size(), "ids are unique");
    SweepCell first = cells.get(0);
    assertEquals("drf__synthetic-a__frameworks.service.tjob-0.1__master.offertimeout-0__seed-7", first.id());
    String yaml = SweepConfig.yaml(config.override(first.parameters()));
    assertTrue(yaml.contains("frameworks:\n  service:\n    tJob: 0.1\nmaster:\n  offerTimeout: 0"), yaml);
    assertEquals(0.01, Sweep.numeric(cells.get(8).parameters().get("frameworks.service.tJob")), 1e-12);
    assertEquals(SweepConfig.DEFAULT_METRICS, config.metrics());
    assertEquals(Map.of(), config.workloadOptions());
  }

  @Test
  void shardsPartitionTheMatrix() throws Exception {
    SweepConfig config = parse("allocators: [a, b, c]\nworkloads: [w]\nseeds: 5\n");
    List<SweepCell> cells = SweepMatrix.cells(config);
    Set<String> seen = new HashSet<>();
    for (int i = 1; i <= 4; i++) {
      for (SweepCell cell : SweepMatrix.shard(cells, new Shard(i, 4))) {
        assertTrue(seen.add(cell.id()), "cell in two shards: " + cell.id());
      }
    }
    assertEquals(15, seen.size());
    assertEquals(new Shard(3, 8), Shard.parse(" 3/8 "));
  }

  @Test
  void badInputNamesTheFieldInOneLine() {
    String file = tmp.resolve("s.yaml").toString();
    assertEquals(file + ": unknown field 'seed': expected one of [allocators, cluster, config, metrics, parameters, "
        + "seeds, workloadOptions, workloads]", error("allocators: [drf]\nworkloads: [w]\nseed: 3\n"));
    assertEquals(file + ": allocators: expected a non-empty list, found none", error("workloads: [w]\n"));
    assertEquals(file + ": seeds: expected integers, found \"x\"",
        error("allocators: [a]\nworkloads: [w]\nseeds: [x]"));
    assertEquals(file + ": parameters.frameworks.service.tJob: expected a non-empty list of values",
        error("allocators: [a]\nworkloads: [w]\nparameters:\n  frameworks.service.tJob: 3\n"));
    assertTrue(error("allocators: [a]\nworkloads: [w]\nmetrics: [wait]\n").startsWith(file
        + ": metrics: unknown column 'wait': expected one of [makespan_s, cpus_allocated,"));
    assertTrue(error("allocators: [a]\nworkloads: [w]\nmetrics: [\"jain:fw\"]\n").contains("'jain:fw'"));
    assertEquals(file + ": allocators: expected distinct names, found [a, a]",
        error("allocators: [a, a]\nworkloads: [w]\n"));
    assertTrue(error("allocators: [a\n").startsWith(file + ":"), error("allocators: [a\n"));
    assertTrue(error("allocators: [a]\nworkloads: [w]\nconfig: nope.yaml\n").endsWith("nope.yaml: no such file"));
    assertEquals("--shard: expected I/N with 1 <= I <= N, found 3/2",
        assertThrows(SweepException.class, () -> Shard.parse("3/2")).getMessage());
    assertEquals("--shard: expected I/N such as 1/4, found 'half'",
        assertThrows(SweepException.class, () -> Shard.parse("half")).getMessage());
  }
}
