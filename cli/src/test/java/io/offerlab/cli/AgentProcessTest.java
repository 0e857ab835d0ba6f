package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.offerlab.realruntime.cgroups.CgroupHost;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code offerlab agent} as its own process: stopped with SIGTERM while a task runs whose children moved to new
 * sessions, it leaves no process and no cgroup behind. Needs cgroups v1 (CI sets OFFERLAB_REQUIRE_CGROUPS=1).
 */
class AgentProcessTest {
  /** Two children in new sessions, one ignoring SIGTERM, each writing its pid to the sandbox (JSON-escaped). */
  private static final String CHILDREN = "setsid sh -c 'echo $$ > child1; exec sleep 1000' & "
      + "setsid sh -c 'trap \\\"\\\" TERM; echo $$ > child2; while :; do sleep 1; done' & sleep 1000";
  @TempDir
  Path work;

  @Test
  void sigtermLeavesNoTaskProcessAndNoCgroup() throws Exception {
    String why = CgroupHost.whyNotUsableV1();
    if (why != null && "1".equals(System.getenv("OFFERLAB_REQUIRE_CGROUPS"))) {
      fail("OFFERLAB_REQUIRE_CGROUPS=1 but cgroups are unavailable: " + why);
    }
    assumeTrue(why == null, why);
    int port = CliProcess.freePort();
    try (var agent = CliProcess.start(work.resolve("logs"), "agent", "agent", "--master", "127.0.0.1:1", "--port",
        Integer.toString(port), "--work-dir", work.resolve("agent").toString(), "--resources", "cpus:1;mem:256")) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> launched = null;
      for (int i = 0; i < 200 && launched == null; i++) {
        try {
          launched = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/offerlab/agent/launch"))
              .POST(HttpRequest.BodyPublishers.ofString("""
                  {"framework_id":{"value":"fw"},"task":{"name":"t","task_id":{"value":"t"},"agent_id":{"value":"x"},
                   "resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.1}}],
                   "command":{"value":"%s"}}}""".formatted(CHILDREN)))
              .build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.net.ConnectException e) {
          Thread.sleep(100);
        }
      }
      assertTrue(launched != null && launched.statusCode() == 202, "launched: " + launched);
      Path sandbox = work.resolve("agent/frameworks/fw/tasks/t");
      var children = new java.util.ArrayList<ProcessHandle>();
      for (String file : List.of("child1", "child2")) {
        Path pidFile = sandbox.resolve(file);
        // Up to 60 s: on a loaded 2-core machine the task's shell can take over 10 s to start its children.
        for (int i = 0; i < 1200 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++) {
          Thread.sleep(50);
        }
        children.add(ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow());
      }
      long agentPid = agent.process().pid();
      assertEquals(143, agent.terminate(), "the JVM ends on SIGTERM after its shutdown hook: " + agent.stderr());
      assertFalse(agent.process().isAlive());
      for (ProcessHandle child : children) {
        assertFalse(running(child.pid()), "task process " + child.pid() + " survived the agent");
      }
      CgroupHost host = CgroupHost.detect();
      for (Path own : host.controllerDirs().values()) {
        assertFalse(Files.exists(own.resolve("offerlab").resolve("agent-" + agentPid)), "cgroup left in " + own);
      }
    }
  }

  /** Return whether a process runs: it exists and is not a zombie waiting for its new parent to reap it. */
  static boolean running(long pid) {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X';
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
