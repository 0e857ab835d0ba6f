package io.offerlab.simcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.simcore.results.Results;
import io.offerlab.simcore.results.ResultsJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run records the cluster it ran on, agent shapes and counts, in results.json; a workload without a cluster of its
 * own that falls back on the config's cluster gets a warning naming it; and config keys naming frameworks the workload
 * never had are reported when the workload could not be read up front.
 */
class RecordWhatRanTest {
  @Test
  void theDefaultClusterIsNamedInAWarningAndRecorded(@TempDir Path dir) {
    String yaml = MixedWorkload.config("").replace("  mpi2: {gangPolicy: decline}\n",
        "  mpi2: {gangPolicy: decline}\n  nosuch: {tJob: 1s}\n") + "cluster: \"uniform:12:cpus:8;mem:32768\"\n";
    var run = Fixtures.run(yaml, MixedWorkload.jobs(2, 30), "drf", null, 1, dir);
    List<String> warnings = run.result().warnings();
    assertEquals("warning: test:jobs implies no cluster; simulating on the config's cluster "
        + "uniform:12:cpus:8;mem:32768 (12 agents of cpus:8;mem:32768); give --cluster to choose one", warnings.get(0));
    assertTrue(warnings.contains("warning: config key frameworks.nosuch names no framework of test:jobs (its "
        + "frameworks: " + frameworks(dir) + "); the settings were not used"), warnings.toString());
    Results.Run ran = ResultsJson.read(dir.resolve("results.json")).run();
    assertEquals("uniform:12:cpus:8;mem:32768", ran.cluster());
    assertEquals(List.of(new Results.AgentGroup(12, "cpus:8;mem:32768")), ran.agentGroups());
    assertEquals("12 agents of cpus:8;mem:32768", ran.clusterDescription());
  }

  @Test
  void aGivenClusterGivesNoWarning(@TempDir Path dir) {
    var run = Fixtures.run(MixedWorkload.CONFIG, MixedWorkload.jobs(2, 30), "drf", MixedWorkload.CLUSTER, 1, dir);
    assertEquals(List.of(), run.result().warnings());
  }

  private static List<String> frameworks(Path dir) {
    return ResultsJson.read(dir.resolve("results.json")).frameworks().stream().map(Results.Framework::name).toList();
  }
}
