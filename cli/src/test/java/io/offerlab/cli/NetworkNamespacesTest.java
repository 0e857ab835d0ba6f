package io.offerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.cgroups.CgroupHost;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents on other hosts, without a second machine: the test makes its own network namespaces (a bridge in one, a
 * master in another, two agents in two more), joined by veth pairs on a private subnet, 10.231.7.0/24, that exists
 * only inside them. Every process is entered with {@code nsenter --net=...} (ARCHITECTURE.md 7.2). The master and
 * the agents listen on 0.0.0.0 and advertise their namespace's address; a framework in the master's namespace runs two tasks on each,
 * its offers' {@code url} carrying those addresses, and reads a task's sandbox at its agent's address. Then one
 * agent's link is cut ({@code ip link set ... down} on its bridge port): after the ping timeouts its tasks are
 * TASK_LOST and the other agent's keep running. The link comes back: the agent re-registers and its lost tasks are
 * killed. Timings are printed. Everything the test made (namespaces, links, processes) is removed, also when it
 * fails, and leftovers of a crashed earlier run (their creator's pid is in the name) are removed first. Needs root,
 * {@code ip} and {@code nsenter}; skips with a message without them, and fails instead when OFFERLAB_REQUIRE_CGROUPS=1
 * (CI).
 */
class NetworkNamespacesTest {
  private static final String PREFIX = "olnet-";
  private static final String SUBNET = "10.231.7.";
  private static final String MASTER_IP = SUBNET + "1";
  private static final int TASKS_PER_AGENT = 2;
  /** Ping timeout 1 s x 4: an agent is removed after 4 s of silence. */
  private static final int PING_TIMEOUTS = 4;

  @TempDir
  Path work;
  private final String run = PREFIX + ProcessHandle.current().pid() + "-"
      + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
  private final List<String> namespaces = new ArrayList<>();
  private final List<CliProcess> processes = new ArrayList<>();
  private Process framework;
  private Writer frameworkIn;
  private final List<Line> lines = new ArrayList<>();

  /** A line the framework printed, with when the test read it. */
  private record Line(long nanos, String text) {
  }

  @Test
  void anAgentCutOffIsLostAndComesBackAndTheOtherKeepsRunning() throws Exception {
    String why = whyNot();
    if (why != null && "1".equals(System.getenv("OFFERLAB_REQUIRE_CGROUPS"))) {
      fail("OFFERLAB_REQUIRE_CGROUPS=1 but the namespace test cannot run: " + why);
    }
    assumeTrue(why == null, "skipped: " + why);
    removeLeftovers();
    try {
      exercise();
    } finally {
      cleanUp();
    }
    for (String ns : namespaces) {
      assertFalse(Files.exists(Path.of("/run/netns", ns)), "namespace " + ns + " left behind");
    }
  }

  private void exercise() throws Exception {
    long started = System.nanoTime();
    try {
      network();
    } catch (IOException e) {
      // root without CAP_NET_ADMIN (a rootless container, for one) cannot make namespaces: a skip, except in CI
      if ("1".equals(System.getenv("OFFERLAB_REQUIRE_CGROUPS"))) {
        throw e;
      }
      assumeTrue(false, "skipped: cannot make network namespaces here: " + e.getMessage());
    }
    String isolation = CgroupHost.whyNotUsableV1() == null ? "cgroups" : "none";
    processes.add(CliProcess.start(nsenter("m"), work.resolve("logs"), "master", "master", "--ip", "0.0.0.0",
        "--advertise-ip", MASTER_IP, "--port", "5050", "--allocation-interval", "200ms", "--agent-ping-timeout", "1s",
        "--max-agent-ping-timeouts", Integer.toString(PING_TIMEOUTS)));
    for (int i = 1; i <= 2; i++) {
      processes.add(CliProcess.start(nsenter("a" + i), work.resolve("logs"), "agent" + i, "agent",
          "--master", MASTER_IP + ":5050", "--ip", "0.0.0.0", "--advertise-ip", agentIp(i), "--port", "5051",
          "--work-dir", work.resolve("a" + i).toString(), "--resources", "cpus:1;mem:256",
          "--isolation", isolation));
    }
    startFramework();
    await(l -> l.text().startsWith("SUBSCRIBED "), "the framework subscribed", 60);
    for (int i = 1; i <= 2; i++) {
      for (int t = 0; t < TASKS_PER_AGENT; t++) {
        await(update(task(i, t), "TASK_RUNNING"), task(i, t) + " running", 60);
      }
    }
    double setup = (System.nanoTime() - started) / 1e9;
    for (int i = 1; i <= 2; i++) {
      String ip = agentIp(i);
      Line offer = await(l -> l.text().startsWith("OFFER ") && l.text().split(" ")[2].equals(ip),
          "an offer of agent " + i, 5);
      String[] parts = offer.text().split(" ");
      assertEquals("5051", parts[3], "the offer's url has the agent's advertised port: " + offer.text());
      assertEquals(ip, parts[4], "and its advertised host: " + offer.text());
    }
    JsonNode before = state(s -> s.path("slaves").size() == 2, "two agents");
    assertEquals(MASTER_IP, before.path("hostname").asText(), "the master's advertised address");
    assertEquals("master@" + MASTER_IP + ":5050", before.path("pid").asText());
    for (JsonNode slave : before.path("slaves")) {
      assertTrue(slave.path("hostname").asText().startsWith(SUBNET), "advertised hostname: " + slave);
      assertEquals("slave(1)@" + slave.path("hostname").asText() + ":5051", slave.path("pid").asText());
    }
    Map<String, Long> pids = new HashMap<>();
    for (int i = 1; i <= 2; i++) {
      for (int t = 0; t < TASKS_PER_AGENT; t++) {
        pids.put(task(i, t), pidOf(i, task(i, t)));
        assertTrue(alive(pids.get(task(i, t))), task(i, t) + " runs as pid " + pids.get(task(i, t)));
      }
    }

    // a task's sandbox, read from the master's namespace at the agent's advertised address
    String frameworkId = lines(l -> l.text().startsWith("SUBSCRIBED ")).get(0).text().split(" ")[1];
    Line got = ask("get http://" + agentIp(2) + ":5051/files/read?path=/frameworks/" + frameworkId
        + "/executors/" + task(2, 0) + "/runs/latest/pid&offset=0", "GOT");
    assertEquals("GOT 200 {\"data\":\"" + pids.get(task(2, 0)) + "\\n\",\"offset\":0}", got.text());

    // cut agent 1's cable at the bridge
    long down = System.nanoTime();
    ip("-n", ns("br"), "link", "set", "v-a1", "down");
    long lost = 0;
    for (int t = 0; t < TASKS_PER_AGENT; t++) {
      lost = Math.max(lost, await(update(task(1, t), "TASK_LOST"), task(1, t) + " lost", 60).nanos());
    }
    double downToLost = (lost - down) / 1e9;
    for (int t = 0; t < TASKS_PER_AGENT; t++) {
      assertTrue(lines(update(task(2, t), "TASK_LOST")).isEmpty(), "the other agent's tasks are not lost");
      assertTrue(alive(pids.get(task(2, t))), task(2, t) + " still runs");
    }
    assertTrue(lines(l -> l.text().contains(" TASK_LOST ") && !l.text().contains("REASON_AGENT_REMOVED"))
        .isEmpty(), "lost because the agent was removed: " + lines(l -> l.text().contains("TASK_LOST")));
    JsonNode cut = state(s -> s.path("slaves").size() == 1, "one agent left");
    assertEquals(agentIp(2), cut.path("slaves").get(0).path("hostname").asText());

    // restore the cable: agent 1 comes back under a new id, and the master kills its tasks that were reported lost
    long up = System.nanoTime();
    ip("-n", ns("br"), "link", "set", "v-a1", "up");
    JsonNode back = state(s -> s.path("slaves").size() == 2, "agent 1 re-registered");
    long reregistered = System.nanoTime();
    List<String> hosts = new ArrayList<>();
    back.path("slaves").forEach(s -> hosts.add(s.path("hostname").asText()));
    assertTrue(hosts.contains(agentIp(1)), "agent 1 is back: " + hosts);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while ((alive(pids.get(task(1, 0))) || alive(pids.get(task(1, 1)))) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    long killed = System.nanoTime();
    for (int t = 0; t < TASKS_PER_AGENT; t++) {
      assertFalse(alive(pids.get(task(1, t))), task(1, t) + "'s process was killed after agent 1 came back");
      assertTrue(alive(pids.get(task(2, t))), task(2, t) + " still runs");
      assertTrue(lines(update(task(2, t), "TASK_LOST")).isEmpty());
    }
    JsonNode end = state(s -> s.path("frameworks").size() == 1, "the framework");
    int running = 0;
    for (JsonNode task : end.path("frameworks").get(0).path("tasks")) {
      assertTrue(task.path("id").asText().startsWith("t-" + agentIp(2).replace('.', '-')), task.toString());
      running += task.path("state").asText().equals("TASK_RUNNING") ? 1 : 0;
    }
    assertEquals(TASKS_PER_AGENT, running, "the other agent's tasks still run: " + end.path("frameworks"));
    System.out.printf(Locale.ROOT, "NetworkNamespacesTest (isolation %s, agent ping timeout 1 s x %d): setup %.2f s; "
        + "link down -> TASK_LOST of both tasks %.2f s; link up -> re-registered %.2f s; link up -> lost tasks' "
        + "processes gone %.2f s%n", isolation, PING_TIMEOUTS, setup, downToLost, (reregistered - up) / 1e9,
        (killed - up) / 1e9);
    assertTrue(downToLost < PING_TIMEOUTS + 10, "lost within the ping timeouts (with slack for a loaded machine): "
        + downToLost + " s");
  }

  // ---- the network -----------------------------------------------------------------------------------------------

  private String ns(String role) {
    return run + "-" + role;
  }

  private static String agentIp(int i) {
    return SUBNET + (i + 1);
  }

  private List<String> nsenter(String role) {
    return List.of("nsenter", "--net=/run/netns/" + ns(role));
  }

  /** A bridge in its own namespace, and a veth pair from it into each node's namespace, all on 10.231.7.0/24. */
  private void network() throws Exception {
    for (String role : List.of("br", "m", "a1", "a2")) {
      ip("netns", "add", ns(role));
      namespaces.add(ns(role));
    }
    ip("-n", ns("br"), "link", "add", "br0", "type", "bridge");
    ip("-n", ns("br"), "link", "set", "br0", "up");
    String[][] nodes = {{"m", MASTER_IP}, {"a1", agentIp(1)}, {"a2", agentIp(2)}};
    for (String[] node : nodes) {
      ip("-n", ns("br"), "link", "add", "v-" + node[0], "type", "veth", "peer", "name", "eth0", "netns", ns(node[0]));
      ip("-n", ns("br"), "link", "set", "v-" + node[0], "master", "br0", "up");
      ip("-n", ns(node[0]), "addr", "add", node[1] + "/24", "dev", "eth0");
      ip("-n", ns(node[0]), "link", "set", "eth0", "up");
      ip("-n", ns(node[0]), "link", "set", "lo", "up");
    }
  }

  private static String ip(String... args) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add("ip");
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.strip());
    }
    return out;
  }

  /** Kill every process in the namespace (tasks an agent left included), then delete it; the veth ends go with it. */
  private static void removeNamespace(String name) {
    try {
      for (String pid : ip("netns", "pids", name).split("\\s+")) {
        if (!pid.isBlank()) {
          ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
        }
      }
      Thread.sleep(100);
      ip("netns", "del", name);
    } catch (IOException | InterruptedException | NumberFormatException e) {
      System.err.println("NetworkNamespacesTest: cannot remove namespace " + name + ": " + e.getMessage());
    }
  }

  /** Remove the namespaces of earlier runs whose test JVM is gone (its pid is the name's second part). */
  private static void removeLeftovers() {
    File[] all = new File("/run/netns").listFiles((dir, name) -> name.startsWith(PREFIX));
    if (all == null) {
      return;
    }
    for (File f : all) {
      String[] parts = f.getName().split("-");
      long pid;
      try {
        pid = Long.parseLong(parts[1]);
      } catch (RuntimeException e) {
        continue;
      }
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        continue; // another test run still uses it
      }
      System.err.println("NetworkNamespacesTest: removing " + f.getName() + ", left by an earlier run");
      removeNamespace(f.getName());
    }
  }

  private void cleanUp() {
    if (frameworkIn != null) {
      try {
        frameworkIn.write("quit\n");
        frameworkIn.flush();
      } catch (IOException e) {
        // already gone
      }
    }
    if (framework != null) {
      try {
        if (!framework.waitFor(5, TimeUnit.SECONDS)) {
          framework.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        framework.destroyForcibly();
      }
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close(); // SIGTERM: agents kill their tasks and remove their cgroups
    }
    for (String name : namespaces) {
      removeNamespace(name);
    }
  }

  // ---- the framework and the master's state ---------------------------------------------------------------------

  private void startFramework() throws IOException {
    var command = new ArrayList<String>(nsenter("m"));
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), NamespaceFramework.class.getName(),
        MASTER_IP + ":5050", Integer.toString(TASKS_PER_AGENT)));
    Files.createDirectories(work.resolve("logs"));
    framework = new ProcessBuilder(command).redirectError(work.resolve("logs").resolve("framework.err").toFile())
        .start();
    frameworkIn = new OutputStreamWriter(framework.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(() -> {
      try (var in = new BufferedReader(new InputStreamReader(framework.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (lines) {
            lines.add(new Line(System.nanoTime(), line));
            lines.notifyAll();
          }
        }
      } catch (IOException e) {
        // the framework ended
      }
    }, "netns-framework-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private static Predicate<Line> update(String task, String state) {
    return l -> l.text().startsWith("UPDATE " + task + " " + state + " ");
  }

  private static String task(int agent, int index) {
    return "t-" + agentIp(agent).replace('.', '-') + "-" + index;
  }

  private List<Line> lines(Predicate<Line> match) {
    synchronized (lines) {
      return lines.stream().filter(match).toList();
    }
  }

  private Line await(Predicate<Line> match, String what, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    synchronized (lines) {
      while (System.nanoTime() < deadline) {
        for (Line l : lines) {
          if (match.test(l)) {
            return l;
          }
        }
        if (!framework.isAlive()) {
          break;
        }
        lines.wait(50);
      }
    }
    throw new AssertionError("never saw " + what + " within " + seconds + " s (framework "
        + (framework.isAlive() ? "running" : "ended") + "); the framework printed "
        + lines.stream().map(Line::text).toList() + "\n" + logs());
  }

  /** Ask the framework (inside the master's namespace) for /master/state until it matches. */
  private JsonNode state(Predicate<JsonNode> until, String what) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      Line reply = askState();
      if (reply != null && reply.text().startsWith("STATE ")) {
        last = new ObjectMapper().readTree(reply.text().substring("STATE ".length()));
        if (until.test(last)) {
          return last;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("/master/state never showed " + what + ": " + last + "\n" + logs());
  }

  /** Send {@code state} to the framework and return its answer line, or null when none came within 20 s. */
  private Line askState() throws Exception {
    return ask("state", "STATE");
  }

  /** Send a command to the framework and return the next line that starts with {@code answer}, or null. */
  private Line ask(String command, String answer) throws Exception {
    Predicate<Line> isAnswer = l -> l.text().startsWith(answer);
    int seen = lines(isAnswer).size();
    frameworkIn.write(command + "\n");
    frameworkIn.flush();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    synchronized (lines) {
      while (System.nanoTime() < deadline) {
        List<Line> answers = lines.stream().filter(isAnswer).toList();
        if (answers.size() > seen) {
          return answers.get(seen);
        }
        lines.wait(50);
      }
    }
    return null;
  }

  private long pidOf(int agent, String task) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (Stream<Path> files = Files.walk(work.resolve("a" + agent))) {
        var pid = files.filter(p -> p.endsWith(Path.of("tasks", task, "pid"))).findFirst();
        if (pid.isPresent()) {
          String text = Files.readString(pid.get()).strip();
          if (!text.isEmpty()) {
            return Long.parseLong(text);
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no pid file for " + task);
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private String logs() {
    var out = new StringBuilder();
    try (Stream<Path> files = Files.list(work.resolve("logs"))) {
      for (Path f : files.sorted().toList()) {
        String text = Files.readString(f);
        out.append("--- ").append(f.getFileName()).append('\n')
            .append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
      }
    } catch (IOException e) {
      out.append("(no logs: ").append(e.getMessage()).append(')');
    }
    return out.toString();
  }

  /** Return why the test cannot run here, or null. */
  private static String whyNot() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "network namespaces need root (running as " + System.getProperty("user.name") + ")";
    }
    for (String tool : List.of("ip", "nsenter")) {
      boolean found = Stream.of(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":"))
          .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
      if (!found) {
        return "'" + tool + "' is not on the PATH";
      }
    }
    return null;
  }
}
