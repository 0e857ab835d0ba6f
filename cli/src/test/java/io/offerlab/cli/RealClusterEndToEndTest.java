package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.cgroups.CgroupHost;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real cluster on loopback, each part its own process started through the CLI: {@code offerlab master}, two
 * {@code offerlab agent}s in cgroups and {@code offerlab execute}. Every process is stopped at the end and no cgroup of
 * the agents is left. Needs cgroups v1 (CI sets OFFERLAB_REQUIRE_CGROUPS=1).
 */
class RealClusterEndToEndTest {
  @TempDir
  Path work;
  private final List<CliProcess> processes = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();
  private int masterPort;

  @AfterEach
  void stopAll() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }

  private CliProcess start(String name, String... args) throws IOException {
    CliProcess p = CliProcess.start(work.resolve("logs"), name, args);
    processes.add(p);
    return p;
  }

  private JsonNode state() throws Exception {
    var reply = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterPort + "/master/state"))
        .build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(reply.body());
  }

  private JsonNode awaitState(Predicate<JsonNode> until, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      try {
        last = state();
        if (until.test(last)) {
          return last;
        }
      } catch (IOException e) {
        // not up yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("/master/state never showed " + what + ": " + last);
  }

  @Test
  void masterTwoAgentsAndExecuteOnLoopback() throws Exception {
    String why = CgroupHost.whyNotUsableV1();
    if (why != null && "1".equals(System.getenv("OFFERLAB_REQUIRE_CGROUPS"))) {
      fail("OFFERLAB_REQUIRE_CGROUPS=1 but cgroups are unavailable: " + why);
    }
    assumeTrue(why == null, why);
    masterPort = CliProcess.freePort();
    String master = "127.0.0.1:" + masterPort;
    start("master", "master", "--port", Integer.toString(masterPort), "--allocation-interval", "200ms");
    var agentPids = new ArrayList<Long>();
    for (int i = 1; i <= 2; i++) {
      CliProcess agent = start("agent" + i, "agent", "--master", master, "--port",
          Integer.toString(CliProcess.freePort()), "--work-dir", work.resolve("agent" + i).toString(),
          "--resources", "cpus:1;mem:512");
      agentPids.add(agent.process().pid());
    }
    awaitState(s -> s.path("slaves").size() == 2, "two agents");

    CliProcess echo = start("execute", "execute", "--master", master, "--command", "echo hi", "--cpus", "0.5",
        "--mem", "64", "--name", "hello");
    assertTrue(echo.process().waitFor(60, TimeUnit.SECONDS), "execute ended");
    assertEquals(0, echo.process().exitValue(), echo.stdout() + echo.stderr());
    assertTrue(echo.stdout().contains("Received status update TASK_FINISHED for task 'hello'"), echo.stdout());
    try (Stream<Path> files = Files.walk(work)) {
      List<Path> outputs = files.filter(p -> p.endsWith(Path.of("tasks", "hello", "stdout"))).toList();
      assertEquals(1, outputs.size());
      assertEquals("hi\n", Files.readString(outputs.get(0)));
    }
    JsonNode after = awaitState(s -> s.path("completed_frameworks").size() == 1, "the finished framework");
    for (JsonNode slave : after.path("slaves")) {
      assertEquals(0.0, slave.path("used_resources").path("cpus").asDouble(), "resources returned: " + slave);
    }

    CliProcess sleeper = start("sleeper", "execute", "--master", master, "--command", "sleep 60", "--cpus", "0.2",
        "--mem", "32", "--name", "sleeper");
    JsonNode running = awaitState(s -> s.path("frameworks").size() == 1
        && s.path("frameworks").get(0).path("tasks").size() == 1
        && s.path("frameworks").get(0).path("tasks").get(0).path("state").asText().equals("TASK_RUNNING"),
        "a running task");
    assertEquals(0.2, running.path("frameworks").get(0).path("used_resources").path("cpus").asDouble(), 1e-9);
    assertEquals(143, sleeper.terminate(), "execute stopped by SIGTERM");
    // execute tears its framework down when stopped, and the master kills the task
    awaitState(s -> s.path("frameworks").size() == 0 && s.path("completed_frameworks").size() == 2
        && s.path("slaves").get(0).path("used_resources").path("cpus").asDouble() == 0
        && s.path("slaves").get(1).path("used_resources").path("cpus").asDouble() == 0, "the killed sleeper");

    for (CliProcess p : processes) {
      p.close();
      assertFalse(p.process().isAlive());
    }
    CgroupHost host = CgroupHost.detect();
    for (long pid : agentPids) {
      for (Path own : host.controllerDirs().values()) {
        assertFalse(Files.exists(own.resolve("offerlab").resolve("agent-" + pid)), "cgroup left in " + own);
      }
    }
  }
}
