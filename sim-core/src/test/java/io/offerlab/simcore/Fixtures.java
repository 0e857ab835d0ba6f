package io.offerlab.simcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.simcore.config.SimulationConfig;
import io.offerlab.workloads.Job;
import io.offerlab.workloads.JobKind;
import io.offerlab.workloads.ResourceShape;
import io.offerlab.workloads.TaskSpec;
import io.offerlab.workloads.UsagePoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for test jobs and a runner that reads the results files back. */
final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  static long micros(double seconds) {
    return Math.round(seconds * 1e6);
  }

  static TaskSpec task(double cpus, double memMb, double seconds) {
    return TaskSpec.of(ResourceShape.of(cpus, memMb), micros(seconds));
  }

  static TaskSpec task(double cpus, double memMb, double seconds, UsagePoint... usage) {
    return new TaskSpec(ResourceShape.of(cpus, memMb), micros(seconds), List.of(usage));
  }

  static List<TaskSpec> copies(int n, TaskSpec task) {
    return Collections.nCopies(n, task);
  }

  static Job job(String id, String framework, double arrivalSeconds, JobKind kind, List<TaskSpec> tasks) {
    return new Job(id, framework, null, 0, micros(arrivalSeconds), kind, tasks);
  }

  static Job batch(String id, String framework, double arrivalSeconds, List<TaskSpec> tasks) {
    return job(id, framework, arrivalSeconds, JobKind.BATCH, tasks);
  }

  /** Sorts jobs by arrival (stable), as a workload delivers them. */
  static List<Job> byArrival(List<Job> jobs) {
    List<Job> sorted = new ArrayList<>(jobs);
    sorted.sort((a, b) -> Long.compare(a.arrivalMicros(), b.arrivalMicros()));
    return sorted;
  }

  /** Runs jobs through the simulator and reads the files back. */
  static Run run(String yaml, List<Job> jobs, String allocator, String cluster, long seed, Path dir) {
    SimulationConfig config = SimulationConfig.parse(yaml, "test.yaml");
    RunResult result = Simulations.run(config, new InMemoryWorkload("test:jobs", byArrival(jobs)), allocator,
        cluster, seed, dir, ProgressListener.NONE);
    return new Run(result, dir);
  }

  /** A finished run and its files. */
  record Run(RunResult result, Path dir) {
    JsonNode results() {
      try {
        return JSON.readTree(dir.resolve("results.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    List<Map<String, String>> jobs() {
      return csv(dir.resolve("jobs.csv"));
    }

    List<Map<String, String>> timeseries() {
      return csv(dir.resolve("timeseries.csv"));
    }

    Map<String, String> job(String id) {
      return jobs().stream().filter(j -> j.get("job_id").equals(id)).findFirst()
          .orElseThrow(() -> new AssertionError("no job " + id));
    }

    JsonNode framework(String name) {
      for (JsonNode f : results().get("frameworks")) {
        if (f.get("name").asText().equals(name)) {
          return f;
        }
      }
      throw new AssertionError("no framework " + name);
    }

    double meanWait(String framework) {
      return jobs().stream().filter(j -> j.get("framework").equals(framework))
          .mapToDouble(j -> Double.parseDouble(j.get("wait_s"))).average().orElseThrow();
    }

    String file(String name) {
      try {
        return Files.readString(dir.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static List<Map<String, String>> csv(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      String[] header = lines.get(0).split(",", -1);
      List<Map<String, String>> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        String[] cells = line.split(",", -1);
        if (cells.length != header.length) {
          throw new AssertionError(file + ": row has " + cells.length + " cells, header " + header.length + ": " + line);
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(row);
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double number(Map<String, String> row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
