package io.offerlab.realruntime.master;

import io.offerlab.realruntime.http.JsonHandler;
import io.offerlab.realruntime.http.JsonHandler.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The master's web UI, as Mesos serves one on its port: a page, a style sheet and a script from the jar (no build
 * step, nothing fetched from elsewhere), which read {@code /master/state} and {@code /metrics/history} and draw the
 * agents, frameworks, tasks and charts in the browser.
 */
final class WebUi {
  private static final String BASE = "/io/offerlab/realruntime/ui/";

  private WebUi() {
  }

  /** Route {@code GET /} and the UI's files under {@code /ui/} on {@code handler}. */
  static void routes(JsonHandler handler) {
    Reply page = file("index.html", "text/html; charset=utf-8");
    Reply script = file("app.js", "text/javascript; charset=utf-8");
    Reply style = file("app.css", "text/css; charset=utf-8");
    handler.route("GET", "/", (request, body) -> page)
        .route("GET", "/ui/app.js", (request, body) -> script)
        .route("GET", "/ui/app.css", (request, body) -> style);
  }

  private static Reply file(String name, String contentType) {
    try (InputStream in = WebUi.class.getResourceAsStream(BASE + name)) {
      if (in == null) {
        throw new IllegalStateException("the jar holds no web UI file " + BASE + name);
      }
      return new Reply(200, contentType, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the web UI file " + BASE + name, e);
    }
  }
}
