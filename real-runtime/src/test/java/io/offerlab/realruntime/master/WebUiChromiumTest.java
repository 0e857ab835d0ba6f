package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web UI in a real browser: a master (sampling every 200 ms), an agent as its own process and one running task;
 * Debian's headless Chromium loads {@code /}, and the DOM it ends with names the agent, the framework and the task,
 * links the task's sandbox on the agent, and has charts drawn from {@code /metrics/history}; a screenshot goes to
 * {@code target/ui-screenshot.png}. Without Chromium the test skips on a developer's machine and fails in CI
 * ({@code OFFERLAB_REQUIRE_CHROMIUM=1} or {@code OFFERLAB_REQUIRE_CGROUPS=1}).
 */
class WebUiChromiumTest {
  /** The task's command, unique so that cleanup can find the task process if the agent could not end it. */
  private static final String COMMAND = "sleep 83.17";
  private static final Path SCREENSHOT = Path.of("target", "ui-screenshot.png");
  @TempDir
  Path work;
  private MasterRuntime master;
  private Process agent;
  private final List<Process> browsers = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void needChromium() {
    if (chromium() == null) {
      String why = "Chromium is not installed (apt-get install -y chromium, or set OFFERLAB_CHROMIUM to a browser)";
      if ("1".equals(System.getenv("OFFERLAB_REQUIRE_CHROMIUM")) || "1".equals(System.getenv("OFFERLAB_REQUIRE_CGROUPS"))) {
        fail(why + ", and OFFERLAB_REQUIRE_CHROMIUM or OFFERLAB_REQUIRE_CGROUPS is set");
      }
      Assumptions.abort(why + ": skipping the web UI browser test");
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (Process browser : browsers) {
      browser.descendants().forEach(ProcessHandle::destroyForcibly);
      browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (agent != null) {
      agent.destroy(); // SIGTERM: the agent kills its tasks and leaves
      if (!agent.waitFor(15, TimeUnit.SECONDS)) {
        agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(COMMAND))
        .forEach(ProcessHandle::destroyForcibly);
    if (master != null) {
      master.close();
    }
  }

  /** Return the browser: {@code OFFERLAB_CHROMIUM} when set, else chromium (or chromium-browser) on the PATH; or null. */
  private static Path chromium() {
    String chosen = System.getenv("OFFERLAB_CHROMIUM");
    if (chosen != null && !chosen.isBlank()) {
      return Files.isExecutable(Path.of(chosen)) ? Path.of(chosen) : null;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  @Test
  void theUiShowsTheAgentFrameworkAndTaskAndChartsTheHistory() throws Exception {
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMillis(500)), Duration.ofMillis(200));
    String at = "127.0.0.1:" + master.port();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    agent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), AgentMain.class.getName(), at,
        work.resolve("agent").toString(), "cpus:2;mem:1024;disk:2048")
        .redirectError(work.resolve("agent.log").toFile()).start();
    String line = new BufferedReader(new InputStreamReader(agent.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertEquals("started", line);
    try (var framework = new RawScheduler(at, "ui-test-framework")) {
      Offer offer = framework.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffers(0);
      var accept = framework.call("\"type\":\"ACCEPT\",\"accept\":{\"offer_ids\":[{\"value\":\""
          + offer.getId().getValue() + "\"}],\"operations\":[{\"type\":\"LAUNCH\",\"launch\":{\"task_infos\":["
          + "{\"name\":\"ui-test-task\",\"task_id\":{\"value\":\"ui-test-task\"},\"agent_id\":{\"value\":\""
          + offer.getAgentId().getValue() + "\"},\"resources\":[{\"name\":\"cpus\",\"type\":\"SCALAR\","
          + "\"scalar\":{\"value\":0.5}},{\"name\":\"mem\",\"type\":\"SCALAR\",\"scalar\":{\"value\":256}}],"
          + "\"command\":{\"value\":\"" + COMMAND + "\"}}]}}]}");
      assertEquals(202, accept.statusCode(), accept.body());
      framework.awaitState("ui-test-task", "TASK_RUNNING");
      awaitSamplesWithTheTaskRunning(at, 3);

      JsonNode state = get(at, "/master/state");
      JsonNode slave = state.path("slaves").get(0);
      String agentId = slave.path("id").asText();
      assertTrue(state.path("frameworks").get(0).path("dominant_share").asDouble() > 0,
          "the running task gives its framework a share: " + state.path("frameworks"));

      String dom = run(List.of("--virtual-time-budget=4000", "--dump-dom", "http://" + at + "/"));
      assertTrue(dom.contains("data-loaded=\"true\""), "the page loaded the master's state: " + dom);
      assertTrue(dom.contains(agentId), "agent id " + agentId + " in " + dom);
      assertTrue(dom.contains(framework.frameworkId), "framework id in the DOM");
      assertTrue(dom.contains("ui-test-framework"), "framework name in the DOM");
      assertTrue(dom.contains("ui-test-task"), "task id in the DOM");
      assertTrue(dom.contains("TASK_RUNNING"), "the task's state in the DOM");
      String sandbox = "http://" + slave.path("hostname").asText() + ":" + slave.path("port").asInt()
          + "/files/browse?path=" + URLEncoder.encode("/frameworks/" + framework.frameworkId
          + "/executors/ui-test-task/runs/latest", StandardCharsets.UTF_8).replace("+", "%20");
      assertTrue(dom.contains("href=\"" + sandbox + "\""), "a link to the task's sandbox " + sandbox + " in " + dom);
      var listing = http.send(HttpRequest.newBuilder(URI.create(sandbox)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, listing.statusCode(), "the sandbox link answers: " + listing.body());
      assertTrue(listing.body().contains("stdout"), "the sandbox listing shows the task's stdout: " + listing.body());
      assertTrue(points(dom, "chart-utilisation") > 0, "the utilisation chart has data");
      assertTrue(points(dom, "chart-shares") > 0, "the dominant-share chart has data");

      String tasksPage = run(List.of("--virtual-time-budget=4000", "--dump-dom", "http://" + at + "/#/tasks"));
      assertTrue(tasksPage.contains("<body data-page=\"tasks\""), "the tasks page is chosen: " + tasksPage);
      assertTrue(openingTag(tasksPage, "agents").contains("hidden"), "agents hidden: " + tasksPage);
      assertTrue(!openingTag(tasksPage, "tasks").contains("hidden"), "tasks shown: " + tasksPage);
      assertTrue(tasksPage.contains("ui-test-task"));

      Files.createDirectories(SCREENSHOT.getParent());
      Files.deleteIfExists(SCREENSHOT);
      run(List.of("--virtual-time-budget=4000", "--window-size=1280,900", "--hide-scrollbars",
          "--screenshot=" + SCREENSHOT.toAbsolutePath(), "http://" + at + "/"));
      assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot of " + Files.size(SCREENSHOT) + " bytes");
      BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
      assertEquals(1280, image.getWidth());
      assertEquals(900, image.getHeight());
      var colours = new HashSet<Integer>();
      for (int y = 0; y < image.getHeight(); y += 3) {
        for (int x = 0; x < image.getWidth(); x += 3) {
          colours.add(image.getRGB(x, y));
        }
      }
      assertTrue(colours.size() > 50, "a drawn page, not a blank one: " + colours.size() + " colours");
    }
  }

  /** Wait until the history holds {@code count} samples taken while the task ran. */
  private void awaitSamplesWithTheTaskRunning(String at, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      int running = 0;
      for (JsonNode sample : get(at, "/metrics/history").path("samples")) {
        running += sample.path("tasks_running").asInt() > 0 ? 1 : 0;
      }
      if (running >= count) {
        return;
      }
      Thread.sleep(100);
    }
    fail("fewer than " + count + " history samples with the task running within 20 s: " + get(at, "/metrics/history"));
  }

  private JsonNode get(String at, String path) throws Exception {
    var reply = http.send(HttpRequest.newBuilder(URI.create("http://" + at + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, reply.statusCode(), path + ": " + reply.body());
    return new ObjectMapper().readTree(reply.body());
  }

  /** Return the opening tag of the section with {@code id} in the DOM. */
  private static String openingTag(String dom, String id) {
    Matcher m = Pattern.compile("<section id=\"" + id + "\"[^>]*>").matcher(dom);
    assertTrue(m.find(), "no section #" + id + " in " + dom);
    return m.group();
  }

  /** Return the {@code data-points} of the element with {@code id} in the DOM. */
  private static int points(String dom, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*data-points=\"(\\d+)\"").matcher(dom);
    assertTrue(m.find(), "no data-points on #" + id + " in " + dom);
    return Integer.parseInt(m.group(1));
  }

  /** Run headless Chromium with {@code args}; returns its standard output (the DOM for --dump-dom). */
  private String run(List<String> args) throws Exception {
    var command = new ArrayList<>(List.of(chromium().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", "--disable-sync", "--user-data-dir=" + work.resolve("chromium")));
    command.addAll(args);
    Path out = work.resolve("chromium-" + browsers.size() + ".out");
    Path err = work.resolve("chromium-" + browsers.size() + ".err");
    Process browser = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    browsers.add(browser);
    if (!browser.waitFor(40, TimeUnit.SECONDS)) {
      fail("chromium did not finish within 40 s: " + Files.readString(err));
    }
    assertEquals(0, browser.exitValue(), "chromium failed: " + Files.readString(err));
    return Files.readString(out);
  }
}
