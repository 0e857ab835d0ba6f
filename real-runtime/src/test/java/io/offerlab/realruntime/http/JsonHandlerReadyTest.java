package io.offerlab.realruntime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/** A server that listens before its routes exist answers 503 (retry), not 404, until it is ready. */
class JsonHandlerReadyTest {

  @Test
  void answers503UntilReadyThenRoutes() throws Exception {
    var handler = new JsonHandler().holdUntilReady();
    Server server = HttpServers.start("ready-test", "127.0.0.1", 0, handler, Duration.ofSeconds(5));
    try {
      var http = HttpClient.newHttpClient();
      var uri = URI.create("http://127.0.0.1:" + HttpServers.port(server) + "/ping");
      HttpResponse<String> early = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(503, early.statusCode());
      assertEquals("Starting; retry shortly", early.body().strip());
      handler.route("GET", "/ping", (request, body) -> JsonHandler.Reply.json(200, "{\"pong\":true}"));
      handler.ready();
      HttpResponse<String> late = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, late.statusCode());
      assertEquals("{\"pong\":true}", late.body().strip());
    } finally {
      server.stop();
    }
  }
}
