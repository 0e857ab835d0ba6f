package io.offerlab.simcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four results files follow docs/results-schema.md and agree with each other. */
class ResultsFilesTest {
  @Test
  void filesFollowTheSchema(@TempDir Path dir) throws IOException {
    var run = Fixtures.run(MixedWorkload.CONFIG, MixedWorkload.jobs(5, 150), "drf", MixedWorkload.CLUSTER, 1, dir);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(Set.of("results.json", "timeseries.csv", "jobs.csv", "perf.json"),
          Set.copyOf(files.map(p -> p.getFileName().toString()).toList()), "no temporary files are left");
    }
    JsonNode r = run.results();
    assertEquals("0.1.0-SNAPSHOT", r.get("offerlab").asText());
    for (String p : List.of("/run/allocator", "/run/allocatorOptions/refuseSeconds", "/run/workload", "/run/cluster",
        "/run/seed", "/run/config/master/allocationInterval", "/summary/makespanSeconds",
        "/summary/utilisation/cpus/allocated", "/summary/utilisation/cpus/used", "/summary/utilisation/cpus/offered",
        "/summary/utilisation/mem/allocated", "/summary/jobs/submitted", "/summary/jobs/unfinished",
        "/summary/tasks/lost", "/summary/jobCompletionSeconds/p99", "/summary/jobWaitSeconds/p50",
        "/summary/fairness/jainDominantShare", "/summary/offers/rescinded", "/isolation/throttledTaskSeconds",
        "/isolation/jobSlowdown/mean")) {
      assertFalse(r.at(p).isMissingNode(), p);
    }
    List<String> names = new ArrayList<>();
    long launched = 0;
    for (JsonNode f : r.get("frameworks")) {
      names.add(f.get("name").asText());
      launched += f.get("tasksLaunched").asLong();
      for (String field : List.of("role", "jobs", "jobsCompleted", "meanDominantShare", "meanAllocatorShare",
          "meanCpus", "jobCompletionSeconds", "jobWaitSeconds", "cpuSecondsUsed", "throttledSeconds", "oomKills")) {
        assertTrue(f.has(field), field);
      }
    }
    assertEquals(names.stream().sorted().toList(), names, "frameworks sorted by name");
    assertEquals(r.at("/summary/tasks/launched").asLong(), launched);

    List<Map<String, String>> jobs = run.jobs();
    assertEquals("job_id,framework,role,kind,arrival_s,first_start_s,finish_s,tasks,tasks_completed,tasks_failed,"
        + "tasks_killed,outcome,wait_s,jct_s,slowdown", run.file("jobs.csv").lines().findFirst().orElseThrow());
    assertEquals(r.at("/summary/jobs/submitted").asInt(), jobs.size());
    double previous = 0;
    for (Map<String, String> job : jobs) {
      double arrival = Double.parseDouble(job.get("arrival_s"));
      assertTrue(arrival >= previous, "jobs in arrival order");
      previous = arrival;
      assertTrue(Set.of("COMPLETED", "FAILED", "KILLED", "UNFINISHED").contains(job.get("outcome")));
      if (!job.get("first_start_s").isEmpty()) {
        assertEquals(Double.parseDouble(job.get("first_start_s")) - arrival, Double.parseDouble(job.get("wait_s")),
            1e-6);
      }
      if (job.get("outcome").equals("COMPLETED")) {
        assertEquals(Double.parseDouble(job.get("finish_s")) - arrival, Double.parseDouble(job.get("jct_s")), 1e-6);
      }
    }

    List<Map<String, String>> rows = run.timeseries();
    String header = run.file("timeseries.csv").lines().findFirst().orElseThrow();
    StringBuilder expected = new StringBuilder("time_s,cpus_total,cpus_allocated,cpus_used,cpus_offered,mem_total,"
        + "mem_allocated,mem_used,mem_offered,gpus_total,gpus_allocated,gpus_used,gpus_offered,tasks_running,"
        + "tasks_pending,jain");
    names.forEach(n -> expected.append(",share:").append(n));
    names.forEach(n -> expected.append(",cpus:").append(n));
    names.forEach(n -> expected.append(",allocator_share:").append(n));
    assertEquals(expected.toString(), header);
    double makespan = r.at("/summary/makespanSeconds").asDouble();
    for (int i = 0; i < rows.size() - 1; i++) {
      assertEquals(30.0 * (i + 1), Fixtures.number(rows.get(i), "time_s"));
    }
    assertEquals(makespan, Fixtures.number(rows.get(rows.size() - 1), "time_s"), 1e-3);
    double allocated = 0;
    for (int i = 0; i < rows.size(); i++) {
      double span = Fixtures.number(rows.get(i), "time_s") - (i == 0 ? 0 : Fixtures.number(rows.get(i - 1), "time_s"));
      allocated += Fixtures.number(rows.get(i), "cpus_allocated") / Fixtures.number(rows.get(i), "cpus_total") * span;
    }
    assertEquals(r.at("/summary/utilisation/cpus/allocated").asDouble(), allocated / makespan, 0.02,
        "the time series integrates to the summary (agent failures change the total)");

    JsonNode perf = new ObjectMapper().readTree(dir.resolve("perf.json").toFile());
    for (String field : List.of("wallSeconds", "events", "eventsPerSecond", "tasks", "tasksPerSecond",
        "allocationCycles", "allocatorNanosPerCycle", "peakHeapBytes")) {
      assertTrue(perf.has(field), field);
    }
    assertEquals(run.result().events(), perf.get("events").asLong());
  }
}
