package io.offerlab.workloads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceStatsTest {
  /**
   * Role r1: job a at 0 s with 2 tasks of 1 CPU for 10 s; job c at 5 s with 1 task of 0.5 CPU for 10 s. Role r2: job b
   * at 5 s with one unbounded task of 2 CPUs. At 5 s all of it is requested at once: 4.5 CPUs; at 10 s a's tasks end.
   */
  static final String FILE = """
      {"cluster": [{"count": 2, "cpus": 4, "memMb": 1000}]}
      {"id": "a", "framework": "f1", "role": "r1", "arrival": 0, "tasks": [{"count": 2, "cpus": 1, "memMb": 100, "duration": 10}]}
      {"id": "b", "framework": "f2", "role": "r2", "arrival": 5, "kind": "service", "tasks": [{"cpus": 2, "memMb": 50, "duration": "unbounded"}]}
      {"id": "c", "framework": "f3", "role": "r1", "arrival": 5, "tasks": [{"cpus": 0.5, "memMb": 10, "duration": 10}]}
      """;

  @TempDir
  Path tmp;

  @Test
  void summarizesTotalsPeaksAndRoles() throws IOException {
    Path f = Files.writeString(tmp.resolve("t.jsonl"), FILE);
    JsonNode s;
    try (Workload w = Workloads.open("native:" + f, Map.of())) {
      s = new ObjectMapper().readTree(TraceStats.json(w));
    }
    assertEquals(3, s.get("jobs").asInt());
    assertEquals(4, s.get("tasks").asInt());
    assertEquals(1, s.get("kinds").get("service").asInt());
    assertEquals(3, s.get("frameworks").asInt());
    assertEquals(15, s.get("lastEndSeconds").asDouble());
    assertEquals(15, s.get("spanSeconds").asDouble());
    assertEquals(1, s.get("unboundedTasks").asInt());
    assertEquals(4.5, s.get("requested").get("cpus").asDouble());
    assertEquals(260, s.get("requested").get("memMb").asDouble());
    assertEquals(25, s.get("requestedSeconds").get("cpus").asDouble());
    assertEquals(4.5, s.get("peakRequested").get("cpus").asDouble());
    JsonNode r1 = s.get("perRole").get("r1");
    assertEquals(2, r1.get("jobs").asInt());
    assertEquals(2.5, r1.get("peakRequested").get("cpus").asDouble());
    assertEquals(2, s.get("perRole").get("r2").get("peakRequested").get("cpus").asDouble());
    assertEquals(8, s.get("clusterTotal").get("cpus").asDouble());
    assertEquals(3, s.get("rowsRead").asInt());
  }

  @Test
  void tasksEndingAsOthersArriveDoNotOverlap() throws IOException {
    Path f = Files.writeString(tmp.resolve("t.jsonl"), """
        {"id": "a", "framework": "f", "arrival": 0, "tasks": [{"cpus": 3, "memMb": 1, "duration": 10}]}
        {"id": "b", "framework": "f", "arrival": 10, "tasks": [{"cpus": 2, "memMb": 1, "duration": 10}]}
        """);
    try (Workload w = Workloads.open("native:" + f, Map.of())) {
      JsonNode s = new ObjectMapper().readTree(TraceStats.json(w));
      assertEquals(3, s.get("peakRequested").get("cpus").asDouble());
    }
  }

  @Test
  void nativeWriteIsAtomicAndRoundTrips() throws IOException {
    Path out = tmp.resolve("out/mix.jsonl.gz");
    List<Job> original;
    try (Workload w = Workloads.open("synthetic:mesos-paper", Map.of("seed", "2"))) {
      original = w.jobs().toList();
    }
    try (Workload w = Workloads.open("synthetic:mesos-paper", Map.of("seed", "2"))) {
      NativeFormat.write(w, out);
    }
    try (var files = Files.list(out.getParent())) {
      assertEquals(List.of(out), files.toList(), "no temporary file is left behind");
    }
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(out))) {
      String first = new String(in.readNBytes(60), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(first.startsWith("{\"cluster\":[{\"count\":96,\"cpus\":4,\"memMb\":15360}]}\n"), first);
    }
    try (Workload back = Workloads.open("native:" + out, Map.of())) {
      assertEquals(original, back.jobs().toList());
      assertEquals(List.of(new AgentGroup(96, ResourceShape.of(4, 15360))), back.clusterHint().orElseThrow());
    }
  }

  @Test
  void statsOfTheSharedSamplesReadEveryFormat() {
    Path traces = Traces.dir("");
    for (String spec : List.of("swim:" + traces.resolve("swim-fb/FB-2009_samples_24_times_1hr_0.tsv"),
        "alibaba-gpu2023:" + traces.resolve("alibaba-gpu-2023"))) {
      try (Workload w = Workloads.open(spec, Map.of())) {
        String json = TraceStats.json(w);
        assertTrue(json.contains("\"perRole\""), json);
      }
    }
  }
}
