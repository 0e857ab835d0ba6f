package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.agent.AgentRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master's web UI files and {@code /metrics/history} over HTTP, with a master sampling every 100 ms and one agent
 * in this JVM: the page and its files come from the jar with their content types, and the samples show the agent's
 * total, the outstanding offer and the framework's dominant share.
 */
class WebUiEndpointsTest {
  @TempDir
  Path work;
  private MasterRuntime master;
  private AgentRuntime agent;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMillis(300)), Duration.ofMillis(100));
    agent = AgentRuntime.start(new AgentRuntime.Options("127.0.0.1:" + master.port(), "127.0.0.1", 0, null,
        "cpus:2;mem:1024;disk:100", work.resolve("agent"), "none", null));
  }

  @AfterEach
  void stop() throws Exception {
    if (agent != null) {
      agent.close();
    }
    if (master != null) {
      master.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + master.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePageAndItsFilesAreServedFromTheJar() throws Exception {
    var page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"), page.headers().map()
        .toString());
    assertTrue(page.body().contains("<script src=\"/ui/app.js\"></script>"), page.body());
    assertTrue(!page.body().contains("http://") && !page.body().contains("https://"),
        "the page loads nothing from other hosts");
    var script = get("/ui/app.js");
    assertEquals(200, script.statusCode());
    assertTrue(script.headers().firstValue("content-type").orElse("").startsWith("text/javascript"));
    assertTrue(script.body().contains("/metrics/history"), "the script reads the history");
    var style = get("/ui/app.css");
    assertEquals(200, style.statusCode());
    assertTrue(style.headers().firstValue("content-type").orElse("").startsWith("text/css"));
    assertEquals(404, get("/ui/missing.js").statusCode());
  }

  @Test
  void theHistorySamplesTheAgentTheOfferAndTheFrameworksShareOldestFirst() throws Exception {
    try (var framework = new RawScheduler("127.0.0.1:" + master.port(), "history-test")) {
      framework.await(e -> e.getType() == Event.Type.OFFERS);
      JsonNode history = awaitHistory(h -> {
        JsonNode samples = h.path("samples");
        JsonNode last = samples.get(samples.size() - 1);
        return last != null && last.path("dominant_shares").has(framework.frameworkId)
            && last.path("offered").path("cpus").asDouble() == 2.0;
      });
      assertEquals(0.1, history.path("interval_seconds").asDouble());
      assertEquals(720, history.path("capacity").asInt());
      assertEquals("history-test", history.path("frameworks").path(framework.frameworkId).path("name").asText());
      assertEquals("*", history.path("frameworks").path(framework.frameworkId).path("role").asText());
      JsonNode samples = history.path("samples");
      JsonNode last = samples.get(samples.size() - 1);
      assertEquals(1, last.path("agents").asInt());
      assertEquals(2.0, last.path("total").path("cpus").asDouble());
      assertEquals(1024.0, last.path("total").path("mem").asDouble());
      assertEquals(100.0, last.path("total").path("disk").asDouble());
      assertEquals(0.0, last.path("used").path("cpus").asDouble());
      assertEquals(1.0, last.path("dominant_shares").path(framework.frameworkId).asDouble(),
          "the framework holds the whole agent in its offer");
      for (int i = 1; i < samples.size(); i++) {
        double gap = samples.get(i).path("time").asDouble() - samples.get(i - 1).path("time").asDouble();
        assertTrue(gap > 0.05, "samples oldest first, about 100 ms apart: " + samples);
      }
      var state = new ObjectMapper().readTree(get("/master/state").body());
      assertEquals(1.0, state.path("frameworks").get(0).path("dominant_share").asDouble(), state.toString());
    }
  }

  private JsonNode awaitHistory(java.util.function.Predicate<JsonNode> done) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      var reply = get("/metrics/history");
      assertEquals(200, reply.statusCode(), reply.body());
      assertTrue(reply.headers().firstValue("content-type").orElse("").startsWith("application/json"));
      last = new ObjectMapper().readTree(reply.body());
      if (done.test(last)) {
        return last;
      }
      Thread.sleep(50);
    }
    fail("the history never showed the agent, the offer and the framework: " + last);
    return null;
  }
}
