package io.offerlab.realruntime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.isolationmodel.AgentModel;
import io.offerlab.isolationmodel.CgroupSettings;
import io.offerlab.isolationmodel.IsolationConfig;
import io.offerlab.isolationmodel.TaskDemand;
import io.offerlab.realruntime.cgroups.CgroupHost;
import io.offerlab.realruntime.cgroups.CgroupsV1Isolator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent runs tasks as real processes in real cgroups v1 (this build machine's kind; CI sets
 * OFFERLAB_REQUIRE_CGROUPS=1 so that these tests cannot skip there). Each test ends with no process and no cgroup
 * of its own left.
 */
class AgentCgroupsV1Test {
  private static final FrameworkID FRAMEWORK = FrameworkID.newBuilder().setValue("fw-test").build();

  @TempDir
  Path work;
  private CgroupHost host;
  private String agentName;
  private RecordingSender master;
  private Agent agent;

  @BeforeEach
  void start() throws IOException {
    host = Cgroups.requireV1();
    agentName = "test-" + UUID.randomUUID().toString().substring(0, 8);
    master = new RecordingSender();
    startAgent(null);
  }

  private void startAgent(String cpuset) throws IOException {
    if (agent != null) {
      agent.close();
    }
    agent = new Agent(work, new CgroupsV1Isolator(host, agentName, cpuset), IsolationConfig.mesosCgroups(), master,
        Duration.ofSeconds(10), Duration.ofMinutes(10));
    master.ackWith(s -> agent.acknowledge(s.getTaskId().getValue(), s.getUuid()));
  }

  @AfterEach
  void stop() throws IOException {
    if (agent != null) {
      agent.close();
      master.close();
      for (Path own : host.controllerDirs().values()) {
        assertFalse(Files.exists(own.resolve("offerlab").resolve(agentName)), "left behind: " + own);
      }
    }
  }

  private static TaskInfo task(String id, String command, double cpus, double mem) {
    return TaskInfo.newBuilder().setName(id).setTaskId(TaskID.newBuilder().setValue(id))
        .setAgentId(org.apache.mesos.v1.Protos.AgentID.newBuilder().setValue("a"))
        .addResources(AgentResources.scalar("cpus", cpus)).addResources(AgentResources.scalar("mem", mem))
        .setCommand(CommandInfo.newBuilder().setShell(true).setValue(command)).build();
  }

  private List<Path> taskCgroups(String taskId) throws IOException {
    var found = new java.util.ArrayList<Path>();
    for (Path own : host.controllerDirs().values()) {
      Path dir = own.resolve("offerlab").resolve(agentName);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> list = Files.list(dir)) {
          list.filter(p -> p.getFileName().toString().startsWith(taskId + "-")).forEach(found::add);
        }
      }
    }
    return found;
  }

  @Test
  void echoFinishesWithItsOutputInTheSandboxAndItsCgroupsRemoved() throws Exception {
    agent.launch(FRAMEWORK, task("echo", "echo hi; echo oops >&2", 0.1, 32));
    TaskStatus end = master.awaitTerminal("echo", Duration.ofSeconds(20));
    assertEquals(TaskState.TASK_FINISHED, end.getState(), end.getMessage());
    assertEquals(List.of(TaskState.TASK_STARTING, TaskState.TASK_RUNNING, TaskState.TASK_FINISHED),
        master.states("echo"));
    Path sandbox = work.resolve("frameworks/fw-test/tasks/echo");
    assertEquals("hi\n", Files.readString(sandbox.resolve("stdout"), StandardCharsets.UTF_8));
    assertEquals("oops\n", Files.readString(sandbox.resolve("stderr"), StandardCharsets.UTF_8));
    assertEquals(List.of(), taskCgroups("echo"));
  }

  @Test
  void theTaskRunsInsideItsCgroupsWithTheModelsValues() throws Exception {
    agent.launch(FRAMEWORK, task("inside", "cat /proc/self/cgroup; sleep 30", 0.5, 64));
    master.awaitState("inside", TaskState.TASK_RUNNING, Duration.ofSeconds(10));
    List<Path> dirs = taskCgroups("inside");
    CgroupSettings expected = CgroupSettings.forTask(0.5, 64, IsolationConfig.mesosCgroups());
    Path cpu = dirs.stream().filter(p -> Files.exists(p.resolve("cpu.shares"))).findFirst().orElseThrow();
    assertEquals(Long.toString(expected.cpuShares()), Files.readString(cpu.resolve("cpu.shares")).trim());
    Path memory = dirs.stream().filter(p -> Files.exists(p.resolve("memory.limit_in_bytes"))).findFirst().orElseThrow();
    assertEquals(Long.toString(expected.memoryLimitBytes()),
        Files.readString(memory.resolve("memory.limit_in_bytes")).trim());
    String cgroupsOfTask = "";
    for (int i = 0; i < 100 && !cgroupsOfTask.contains(agentName); i++) {
      Thread.sleep(50);
      cgroupsOfTask = Files.readString(work.resolve("frameworks/fw-test/tasks/inside/stdout"));
    }
    assertTrue(cgroupsOfTask.contains(":memory:") && cgroupsOfTask.contains("/offerlab/" + agentName + "/inside-"),
        "the process joined its cgroups before exec: " + cgroupsOfTask);
    assertTrue(agent.kill(TaskID.newBuilder().setValue("inside").build(), Duration.ZERO));
    assertEquals(TaskState.TASK_KILLED, master.awaitTerminal("inside", Duration.ofSeconds(20)).getState());
  }

  @Test
  void exitStatusesMapToFinishedAndFailedAndExit137IsNotAnOom() throws Exception {
    agent.launch(FRAMEWORK, task("three", "exit 3", 0.1, 32));
    agent.launch(FRAMEWORK, task("fake-oom", "exit 137", 0.1, 32));
    TaskStatus three = master.awaitTerminal("three", Duration.ofSeconds(20));
    assertEquals(TaskState.TASK_FAILED, three.getState());
    assertEquals("Command exited with status 3", three.getMessage());
    TaskStatus fake = master.awaitTerminal("fake-oom", Duration.ofSeconds(20));
    assertEquals(TaskState.TASK_FAILED, fake.getState());
    assertEquals(TaskStatus.Reason.REASON_COMMAND_EXECUTOR_FAILED, fake.getReason());
  }

  @Test
  void aTaskPastItsMemoryLimitFailsWithTheMemoryReason() throws Exception {
    agent.launch(FRAMEWORK, task("hog", "perl -e '$x = \"a\" x (256 * 1024 * 1024); sleep 5'", 0.1, 64));
    TaskStatus end = master.awaitTerminal("hog", Duration.ofSeconds(30));
    assertEquals(TaskState.TASK_FAILED, end.getState(), end.getMessage());
    assertEquals(TaskStatus.Reason.REASON_CONTAINER_LIMITATION_MEMORY, end.getReason());
    assertEquals(TaskStatus.Source.SOURCE_AGENT, end.getSource());
    assertEquals(List.of(), taskCgroups("hog"));
  }

  @Test
  void killLeavesNoProcessEvenForChildrenInANewSession() throws Exception {
    // the children ignore SIGTERM and live in new sessions: only the cgroup still finds them
    agent.launch(FRAMEWORK, task("tree", "trap '' TERM; setsid sh -c 'trap \"\" TERM; echo $$ > child1; exec sleep 1000' &"
        + " setsid sh -c 'trap \"\" TERM; echo $$ > child2; while :; do sleep 1; done' & sleep 1000", 0.1, 32));
    master.awaitState("tree", TaskState.TASK_RUNNING, Duration.ofSeconds(10));
    List<ProcessHandle> children = children(work.resolve("frameworks/fw-test/tasks/tree"));
    long start = System.nanoTime();
    assertTrue(agent.kill(TaskID.newBuilder().setValue("tree").build(), Duration.ofMillis(500)));
    TaskStatus end = master.awaitTerminal("tree", Duration.ofSeconds(20));
    assertEquals(TaskState.TASK_KILLED, end.getState());
    assertTrue(System.nanoTime() - start >= 400_000_000L, "SIGKILL came only after the grace period");
    for (ProcessHandle child : children) {
      assertFalse(running(child.pid()), "child " + child.pid() + " survived");
    }
    assertEquals(List.of(), taskCgroups("tree"));
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

  /** Wait for the pids the task's two children wrote to its sandbox, and return them while they run. */
  static List<ProcessHandle> children(Path sandbox) throws Exception {
    var found = new java.util.ArrayList<ProcessHandle>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    for (String file : List.of("child1", "child2")) {
      Path pidFile = sandbox.resolve(file);
      while (System.nanoTime() < deadline && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank())) {
        Thread.sleep(20);
      }
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle child = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("child " + pid + " is gone"));
      assertTrue(running(child.pid()));
      found.add(child);
    }
    return found;
  }

  @Test
  void cpuSharesSplitOneCoreTwoToOneAsTheIsolationModelPredicts() throws Exception {
    startAgent("0");
    agent.launch(FRAMEWORK, task("two", "while :; do :; done", 2, 32));
    agent.launch(FRAMEWORK, task("one", "while :; do :; done", 1, 32));
    master.awaitState("two", TaskState.TASK_RUNNING, Duration.ofSeconds(10));
    master.awaitState("one", TaskState.TASK_RUNNING, Duration.ofSeconds(10));
    Thread.sleep(500);
    long two0 = agent.cpuNanos("two").orElseThrow();
    long one0 = agent.cpuNanos("one").orElseThrow();
    Thread.sleep(5_000);
    long two = agent.cpuNanos("two").orElseThrow() - two0;
    long one = agent.cpuNanos("one").orElseThrow() - one0;
    agent.kill(TaskID.newBuilder().setValue("two").build(), Duration.ZERO);
    agent.kill(TaskID.newBuilder().setValue("one").build(), Duration.ZERO);
    master.awaitTerminal("two", Duration.ofSeconds(20));
    master.awaitTerminal("one", Duration.ofSeconds(20));

    var cfg = IsolationConfig.mesosCgroups();
    double[] rates = new AgentModel(1, cfg).solve(List.of(
        new TaskDemand(CgroupSettings.forTask(2, 32, cfg), Double.POSITIVE_INFINITY, 0),
        new TaskDemand(CgroupSettings.forTask(1, 32, cfg), Double.POSITIVE_INFINITY, 0))).cpuRates();
    double predicted = rates[0] / rates[1];
    double measured = (double) two / one;
    System.out.printf(java.util.Locale.ROOT, "cpu shares on one core: measured %.3f (%.2f s vs %.2f s), model %.3f%n",
        measured, two / 1e9, one / 1e9, predicted);
    assertEquals(2.0, predicted, 1e-9);
    assertEquals(predicted, measured, 0.15 * predicted, "measured ratio " + measured);
  }

  @Test
  void resourcesOfATaskReachItsEnvironmentAsPorts() throws Exception {
    TaskInfo withPorts = task("ports", "echo $PORT0 $PORTS", 0.1, 32).toBuilder()
        .addResources(Resource.newBuilder(AgentResources.ranges("ports", "[31000-31001,31005-31005]"))).build();
    agent.launch(FRAMEWORK, withPorts);
    assertEquals(TaskState.TASK_FINISHED, master.awaitTerminal("ports", Duration.ofSeconds(20)).getState());
    assertEquals("31000 31000,31001,31005\n",
        Files.readString(work.resolve("frameworks/fw-test/tasks/ports/stdout")));
  }
}
