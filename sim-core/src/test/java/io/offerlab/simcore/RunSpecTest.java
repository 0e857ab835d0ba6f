package io.offerlab.simcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs from a workload spec, as {@code offerlab simulate} does: workload options, the seed, config files. */
class RunSpecTest {
  /** synthetic:drf-example on its own cluster hint (one 9-CPU, 18 GB agent) reaches DRF's steady state. */
  @Test
  void drfExampleFromTheWorkloadsModule(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("drf.yaml");
    Files.writeString(config, """
        frameworks: {default: {tJob: 0, tTask: 0, maxTasksPerOffer: 1}}
        metrics: {sampleInterval: 10s}
        """);
    var spec = new RunSpec("synthetic:drf-example", Map.of("synthetic.tasks", "20", "synthetic.duration", "600"),
        "drf", null, config, 1);
    RunResult result = Simulations.run(spec, dir.resolve("out"), ProgressListener.NONE);
    assertEquals(2, result.jobsCompleted());
    var rows = Fixtures.csv(dir.resolve("out/timeseries.csv"));
    var row = rows.get(10);
    assertEquals(3.0, Fixtures.number(row, "cpus:A"));
    assertEquals(6.0, Fixtures.number(row, "cpus:B"));
    var results = new ObjectMapper().readTree(dir.resolve("out/results.json").toFile());
    assertEquals("synthetic:drf-example", results.at("/run/workload").asText());
    assertEquals("trace", results.at("/run/cluster").asText());
  }

  /**
   * The static allocator splits agents equally among the workload's roles, which a run from a spec reads up front;
   * the run seed reaches the synthetic generator, so two seeds give two workloads.
   */
  @Test
  void staticSplitsAmongTheWorkloadsRolesAndTheSeedReachesTheGenerator(@TempDir Path dir) throws Exception {
    Map<String, String> options = Map.of("synthetic.jobs", "40", "synthetic.frameworks", "4", "synthetic.agents", "8",
        "synthetic.duration", "20");
    Simulations.run(new RunSpec("synthetic:poisson", options, "static", null, null, 1), dir.resolve("a"),
        ProgressListener.NONE);
    var results = new ObjectMapper().readTree(dir.resolve("a/results.json").toFile());
    for (String role : List.of("fw01", "fw02", "fw03", "fw04")) {
      assertEquals(2, results.at("/run/allocatorOptions/partitions/" + role + "/agents").asInt(), role);
    }
    Simulations.run(new RunSpec("synthetic:poisson", options, "static", null, null, 2), dir.resolve("b"),
        ProgressListener.NONE);
    assertTrue(!Files.readString(dir.resolve("a/jobs.csv")).equals(Files.readString(dir.resolve("b/jobs.csv"))));
  }
}
