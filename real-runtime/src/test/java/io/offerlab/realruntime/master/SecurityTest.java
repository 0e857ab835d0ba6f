package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.realruntime.agent.AgentRuntime;
import io.offerlab.realruntime.agent.Credential;
import io.offerlab.realruntime.http.JsonHandler;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mesos' authentication and authorisation over HTTP: without credentials or with a wrong secret a framework gets
 * 401, a role its principal's register_frameworks ACL does not allow gets 403 with a message, the right principal
 * subscribes, an agent with its --credential registers, and no secret shows in /master/state. Bodies above 4 MB are
 * 413, and the master keeps serving.
 */
class SecurityTest {
  private static final String SECRET = "s3cr3t-never-shown";
  @TempDir
  Path work;
  private MasterRuntime master;
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (master != null) {
      master.close();
    }
  }

  private void start() throws Exception {
    Path credentials = work.resolve("credentials.json");
    Files.writeString(credentials, "{\"credentials\":[{\"principal\":\"alice\",\"secret\":\"" + SECRET + "\"},"
        + "{\"principal\":\"agent\",\"secret\":\"" + SECRET + "-agent\"}]}");
    Path acls = work.resolve("acls.json");
    Files.writeString(acls, "{\"permissive\":false,\"register_frameworks\":[{\"principals\":{\"values\":[\"alice\"]},"
        + "\"roles\":{\"values\":[\"analytics\"]}}]}");
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(1)).withSecurity(
        Security.load(credentials, acls)));
  }

  private HttpResponse<InputStream> subscribe(String authorization, String role) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + master.port() + "/api/v1/scheduler"))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"SUBSCRIBE\",\"subscribe\":{\"framework_info\":"
            + "{\"user\":\"u\",\"name\":\"f\",\"roles\":[\"" + role + "\"]}}}"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private static String basic(String principal, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((principal + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static String text(HttpResponse<InputStream> reply) throws Exception {
    try (InputStream in = reply.body()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void onlyAuthenticatedPrincipalsInTheirRolesGetIn() throws Exception {
    start();
    var none = subscribe(null, "analytics");
    assertEquals(401, none.statusCode(), text(none));
    assertTrue(none.headers().firstValue("WWW-Authenticate").isPresent());
    var wrong = subscribe(basic("alice", "guess"), "analytics");
    assertEquals(401, wrong.statusCode(), text(wrong));
    var garbage = subscribe("Basic !!!not-base64", "analytics");
    assertEquals(401, garbage.statusCode(), text(garbage));
    var forbidden = subscribe(basic("alice", SECRET), "batch");
    assertEquals(403, forbidden.statusCode());
    String why = text(forbidden);
    assertTrue(why.contains("alice") && why.contains("batch"), why);
    var otherPrincipal = subscribe(basic("agent", SECRET + "-agent"), "analytics");
    assertEquals(403, otherPrincipal.statusCode(), "the ACL names only alice for analytics");
    text(otherPrincipal);
    var right = subscribe(basic("alice", SECRET), "analytics");
    assertEquals(200, right.statusCode());
    assertTrue(right.headers().firstValue("Mesos-Stream-Id").isPresent());
    right.body().close();

    AgentRuntime unauthenticated = AgentRuntime.start(new AgentRuntime.Options("127.0.0.1:" + master.port(),
        "127.0.0.1", 0, null, "cpus:1;mem:256", work.resolve("a0"), "none", null));
    AgentRuntime agent = AgentRuntime.start(new AgentRuntime.Options("127.0.0.1:" + master.port(), "127.0.0.1", 0,
        null, "cpus:1;mem:256", work.resolve("a1"), "none", null, new Credential("agent", SECRET + "-agent")));
    try {
      String state = "";
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (System.nanoTime() < deadline && !state.contains("\"activated_slaves\":1")) {
        Thread.sleep(100);
        state = get("/master/state").body();
      }
      assertTrue(state.contains("\"activated_slaves\":1"), "only the agent with its credential registers: " + state);
      assertFalse(state.contains(SECRET), "no secret in /master/state");
      assertFalse(new Credential("agent", SECRET).toString().contains(SECRET), "nor in a credential's text");
    } finally {
      agent.close();
      unauthenticated.close();
    }
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + master.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aBodyAboveFourMegabytesIs413AndTheMasterKeepsServing() throws Exception {
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(1)));
    // A raw socket: the master answers from the declared length without reading the body, and closes the
    // connection, so a client that insists on uploading all 4 MB first may see the close before the answer.
    try (var socket = new java.net.Socket("127.0.0.1", master.port())) {
      socket.setSoTimeout(10_000);
      String head = "POST /api/v1/scheduler HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + (JsonHandler.MAX_BODY + 1) + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().write(new byte[1024]);
      socket.getOutputStream().flush();
      String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
          java.nio.charset.StandardCharsets.US_ASCII)).readLine();
      assertEquals("HTTP/1.1 413 Payload Too Large", status);
    }
    assertEquals(200, get("/master/state").statusCode());
  }
}
