package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.cgroups.CgroupHost;
import io.offerlab.simcore.results.JobRecord;
import io.offerlab.simcore.results.Results;
import io.offerlab.simcore.results.ResultsJson;
import io.offerlab.simcore.results.TimeSeries;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code offerlab replay} of a small native workload on a master and an agent in cgroups (every job's outcome matches
 * the trace), and {@code offerlab fidelity} (its error figures recomputed from its own CSVs). Needs cgroups and
 * stress-ng (CI sets OFFERLAB_REQUIRE_CGROUPS=1 and installs stress-ng); every process is stopped and no cgroup left.
 */
class ReplayAndFidelityTest {
  private static final String WORKLOAD = String.join("\n",
      "{\"id\": \"j1\", \"framework\": \"alpha\", \"arrival\": 0, \"tasks\": [{\"cpus\": 1, \"memMb\": 64, \"duration\": 1}]}",
      "{\"id\": \"j2\", \"framework\": \"beta\", \"arrival\": 0.5, \"tasks\": [{\"cpus\": 0.5, \"memMb\": 64, \"duration\": 0.6}]}",
      "{\"id\": \"j3\", \"framework\": \"alpha\", \"arrival\": 1, \"tasks\": [{\"count\": 2, \"cpus\": 0.5, \"memMb\": 32, \"duration\": 0.5}]}",
      "{\"id\": \"j4\", \"framework\": \"beta\", \"arrival\": 1.5, \"tasks\": [{\"cpus\": 1, \"memMb\": 32, \"duration\": 0.8}]}",
      "");

  @TempDir
  Path work;
  private final List<CliProcess> processes = new ArrayList<>();
  private final List<Long> agentPids = new ArrayList<>();

  @BeforeEach
  void needsCgroupsAndStressNg() {
    String why = CgroupHost.whyNotUsableV1();
    if (why == null && !onPath("stress-ng")) {
      why = "stress-ng is not installed";
    }
    if (why != null && "1".equals(System.getenv("OFFERLAB_REQUIRE_CGROUPS"))) {
      fail("OFFERLAB_REQUIRE_CGROUPS=1 but " + why);
    }
    assumeTrue(why == null, why);
  }

  @AfterEach
  void stopAll() throws IOException {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
      assertFalse(processes.get(i).process().isAlive());
    }
    CgroupHost host = CgroupHost.detect();
    for (long pid : agentPids) {
      for (Path own : host.controllerDirs().values()) {
        assertFalse(Files.exists(own.resolve("offerlab").resolve("agent-" + pid)), "cgroup left in " + own);
      }
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  private static void awaitOneAgent(String master) throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + master
            + "/metrics/snapshot")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        if (new ObjectMapper().readTree(last).path("master/slaves_active").asDouble() >= 1) {
          return;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the agent never registered: " + last);
  }

  @Test
  void replayFinishesEveryJobAsTheTraceSays() throws Exception {
    Path trace = work.resolve("small.jsonl");
    Files.writeString(trace, WORKLOAD);
    int port = CliProcess.freePort();
    String master = "127.0.0.1:" + port;
    processes.add(CliProcess.start(work.resolve("logs"), "master", "master", "--port", Integer.toString(port),
        "--allocation-interval", "500ms"));
    CliProcess agent = CliProcess.start(work.resolve("logs"), "agent", "agent", "--master", master, "--port",
        Integer.toString(CliProcess.freePort()), "--work-dir", work.resolve("agent").toString(), "--resources",
        "cpus:1.5;mem:512");
    processes.add(agent);
    agentPids.add(agent.process().pid());
    awaitOneAgent(master);
    Path out = work.resolve("replay");
    StringWriter text = new StringWriter();
    int code = Main.execute(new PrintWriter(text), new PrintWriter(text), "replay", "--master", master,
        "--workload", "native:" + trace, "--allocator", "drf", "--out", out.toString());
    assertEquals(0, code, text.toString());
    List<JobRecord> jobs = JobRecord.read(out.resolve("jobs.csv"));
    Map<String, Integer> tasks = new HashMap<>();
    for (JobRecord j : jobs) {
      assertEquals("COMPLETED", j.outcome(), j.toString());
      assertTrue(j.jct() > 0 && j.waitTime() >= 0, j.toString());
      tasks.put(j.id(), j.tasks());
    }
    assertEquals(Map.of("j1", 1, "j2", 1, "j3", 2, "j4", 1), tasks);
    Results results = ResultsJson.read(out.resolve("results.json"));
    assertEquals(4, results.summary().jobs().completed());
    assertEquals(5, results.summary().tasks().launched());
    assertEquals(List.of("alpha", "beta"), results.frameworks().stream().map(Results.Framework::name).toList());
    TimeSeries ts = TimeSeries.read(out.resolve("timeseries.csv"));
    assertEquals(List.of("alpha", "beta"), ts.frameworks());
    assertTrue(Arrays.stream(ts.column("cpus_allocated")).max().orElse(0) > 0, "CPUs were held at some sample");
    // the trace's 1.0 CPU task takes at least its CPU-second of real work
    JobRecord j1 = jobs.stream().filter(j -> j.id().equals("j1")).findFirst().orElseThrow();
    assertTrue(j1.jct() >= 0.9, "j1 ran its CPU-second: " + j1);
  }

  @Test
  void fidelityReportsErrorsItsOwnCsvsReproduce() throws Exception {
    Path trace = work.resolve("small.jsonl");
    Files.writeString(trace, WORKLOAD);
    Path out = work.resolve("fidelity");
    StringWriter text = new StringWriter();
    int code = Main.execute(new PrintWriter(text), new PrintWriter(text), "fidelity", "--workload",
        "native:" + trace, "--allocator", "drf", "--agent-resources", "cpus:1.5;mem:512",
        "--allocation-interval", "500ms", "--out", out.toString());
    assertEquals(0, code, text.toString());
    try (Stream<Path> logs = Files.list(out.resolve("cluster"))) {
      assertTrue(logs.anyMatch(p -> p.getFileName().toString().equals("agent1.err")));
    }
    // recompute every error from the replay's and the simulation's own jobs.csv, then the summary figures
    Map<String, Double> sim = new HashMap<>();
    JobRecord.read(out.resolve("sim/jobs.csv")).forEach(j -> sim.put(j.id(), j.jct()));
    List<Double> errors = new ArrayList<>();
    for (JobRecord real : JobRecord.read(out.resolve("real/jobs.csv"))) {
      assertEquals("COMPLETED", real.outcome());
      errors.add(Math.abs(sim.get(real.id()) - real.jct()) / real.jct());
    }
    List<String> report = Files.readAllLines(out.resolve("fidelity-jobs.csv"));
    assertEquals("job_id,real_jct_s,sim_jct_s,abs_rel_error", report.get(0));
    assertEquals(5, report.size());
    List<Double> fromReport = new ArrayList<>();
    for (String line : report.subList(1, report.size())) {
      String[] row = line.split(",");
      double real = Double.parseDouble(row[1]);
      double simulated = Double.parseDouble(row[2]);
      double error = Double.parseDouble(row[3]);
      assertEquals(Math.abs(simulated - real) / real, error, 1e-5 * Math.max(1, error));
      fromReport.add(error);
    }
    errors.sort(null);
    fromReport.sort(null);
    for (int i = 0; i < errors.size(); i++) {
      assertEquals(errors.get(i), fromReport.get(i), 1e-5 * Math.max(1, errors.get(i)));
    }
    JsonNode json = new ObjectMapper().readTree(out.resolve("fidelity.json").toFile());
    assertEquals(4, json.path("jobsCompared").asLong());
    assertEquals(errors.get(1), json.path("medianAbsRelJctError").asDouble(), 1e-5 * Math.max(1, errors.get(1)));
    assertEquals(errors.get(3), json.path("p95AbsRelJctError").asDouble(), 1e-5 * Math.max(1, errors.get(3)));
    int cpus = Runtime.getRuntime().availableProcessors();
    assertEquals(cpus - 1.5, json.path("reservedCpus").asDouble(), 1e-9);
    List<String> offers = Files.readAllLines(out.resolve("fidelity-offers.csv"));
    assertEquals(3, offers.size());
    assertTrue(offers.get(1).startsWith("real,") && offers.get(2).startsWith("sim,"), offers.toString());
    assertTrue(Long.parseLong(offers.get(1).split(",")[2]) >= 4, "at least one accepted offer per job: " + offers);
    assertTrue(Files.readString(out.resolve("jct-scatter.svg")).contains("<circle"));
    assertTrue(Files.readString(out.resolve("fidelity.md")).contains("JCT error"));
    assertTrue(Files.size(out.resolve("fidelity-timeseries.csv")) > 0);
  }
}
