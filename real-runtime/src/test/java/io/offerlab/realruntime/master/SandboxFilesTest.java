package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.agent.AgentRuntime;
import io.offerlab.realruntime.agent.SandboxFiles;
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
import java.util.List;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task's sandbox over the agent's files endpoints, as Mesos serves them ({@code src/files/files.cpp}): a real master,
 * a real agent and a real task process, whose output is read through its virtual path
 * {@code /frameworks/FID/executors/EID/runs/latest} at the address its offer's {@code url} gave, and through its real
 * path; {@code ..} (plain or percent-encoded) and a symbolic link the task made to leave its sandbox get 400, unknown
 * paths and host files outside the sandboxes 404, bad offsets and lengths 400.
 */
class SandboxFilesTest {
  /** Writes known output, a link out of the sandbox, a link inside it, and a subdirectory. */
  private static final String COMMAND = "printf 'hello sandbox\\\\n'; echo oops >&2; ln -s /etc escape; "
      + "ln -s stdout inside; mkfifo fifo; mkdir sub; printf 'h\\\\303\\\\251' > sub/utf8; yes a | head -c 70000 > sub/big";
  @TempDir
  Path work;
  private MasterRuntime master;
  private AgentRuntime agent;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private String files;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
    if (master != null) {
      master.close();
    }
  }

  private HttpResponse<String> get(String endpoint, String query) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(files + endpoint + "?" + query)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String path(String value) {
    return "path=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void aTasksStdoutIsReadThroughItsVirtualPathAndNothingOutsideItsSandboxIsServed() throws Exception {
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMillis(300)));
    String at = "127.0.0.1:" + master.port();
    agent = AgentRuntime.start(new AgentRuntime.Options(at, "127.0.0.1", 0, null, "cpus:1;mem:256",
        work.resolve("agent"), "none", null));
    String frameworkId;
    try (var framework = new RawScheduler(at, "files")) {
      frameworkId = framework.frameworkId;
      Offer offer = framework.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffers(0);
      var address = offer.getUrl().getAddress();
      assertEquals("127.0.0.1", address.getIp());
      assertEquals(agent.port(), address.getPort());
      files = "http://" + address.getIp() + ":" + address.getPort();
      assertEquals(202, framework.launch(offer, "writer", COMMAND));
      framework.awaitState("writer", "TASK_FINISHED");
    }
    String latest = "/frameworks/" + frameworkId + "/executors/writer/runs/latest";

    var read = get("/files/read", path(latest + "/stdout") + "&offset=0");
    assertEquals(200, read.statusCode(), read.body());
    assertEquals("{\"data\":\"hello sandbox\\n\",\"offset\":0}", read.body());
    assertEquals("{\"data\":\"\",\"offset\":14}", get("/files/read", path(latest + "/stdout") + "&offset=-1").body(),
        "offset -1 gives the size");
    assertEquals("{\"data\":\"hello\",\"offset\":0}", get("/files/read", path(latest + "/stdout")
        + "&offset=0&length=5").body());
    assertEquals("{\"data\":\"sandbox\\n\",\"offset\":6}", get("/files/read", path(latest + "/stdout")
        + "&offset=6&length=-1").body(), "length -1 reads to the end");
    assertEquals("{\"data\":\"\",\"offset\":99}", get("/files/read", path(latest + "/stdout") + "&offset=99").body());
    assertEquals("{\"data\":\"h\\u00e9\",\"offset\":0}", get("/files/read", path(latest + "/sub/utf8")
        + "&offset=0").body());
    assertEquals("{\"data\":\"\",\"offset\":3}", get("/files/read", path(latest + "/sub/utf8")).body(),
        "no offset is offset -1, as in Mesos: the size");
    assertEquals("{\"data\":\"h\",\"offset\":0}", get("/files/read", path(latest + "/sub/utf8")
        + "&offset=0&length=2").body(), "a character cut by the length is left for the next read");
    assertEquals("{\"data\":\"hello sandbox\\n\",\"offset\":0}", get("/files/read", path(latest + "/inside")
        + "&offset=0").body(), "a link that stays inside the sandbox is followed");

    JsonNode listing = json.readTree(get("/files/browse", path(latest)).body());
    var names = new ArrayList<String>();
    for (JsonNode entry : listing) {
      names.add(entry.path("path").asText());
    }
    assertEquals(List.of(latest + "/escape", latest + "/fifo", latest + "/inside", latest + "/stderr",
        latest + "/stdout", latest + "/sub"), names);
    assertTrue(listing.get(1).path("mode").asText().startsWith("p"), listing.get(1).toString());
    JsonNode stdout = listing.get(4);
    assertEquals(14, stdout.path("size").asLong());
    assertTrue(stdout.path("mode").asText().matches("-rw......."), stdout.toString());
    assertEquals(1, stdout.path("nlink").asInt());
    assertEquals(System.getProperty("user.name"), stdout.path("uid").asText());
    assertTrue(Math.abs(stdout.path("mtime").asLong() - System.currentTimeMillis() / 1000) < 600, stdout.toString());
    assertTrue(listing.get(5).path("mode").asText().startsWith("d"), listing.get(5).toString());
    assertTrue(listing.get(0).path("mode").asText().startsWith("l"), "a link out is shown as the link: "
        + listing.get(0));

    var download = http.send(HttpRequest.newBuilder(URI.create(files + "/files/download?"
        + path(latest + "/stderr"))).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, download.statusCode());
    assertEquals("oops\n", new String(download.body(), StandardCharsets.UTF_8));
    assertEquals("attachment; filename=\"stderr\"", download.headers().firstValue("content-disposition").orElse(""));
    assertEquals("application/octet-stream", download.headers().firstValue("content-type").orElse(""));

    Path real = work.resolve("agent").toRealPath().resolve("frameworks").resolve(frameworkId).resolve("tasks")
        .resolve("writer");
    assertEquals("{\"data\":\"hello sandbox\\n\",\"offset\":0}", get("/files/read", path(real + "/stdout")
        + "&offset=0").body(), "the real path is served too");
    assertEquals(real + "/stdout", json.readTree(get("/files/browse", path(real.toString())).body()).get(4)
        .path("path").asText());

    // leaving the sandbox: 400, whatever the spelling
    for (String escape : List.of(latest + "/../../../../../../../../etc/passwd", latest + "/..",
        real + "/../../../../../../../etc/passwd", latest + "/sub/../../writer/stdout")) {
      for (String endpoint : List.of("/files/read", "/files/browse", "/files/download")) {
        var reply = get(endpoint, path(escape));
        assertEquals(400, reply.statusCode(), endpoint + " " + escape + ": " + reply.body());
        assertFalse(reply.body().contains("root:"), reply.body());
      }
    }
    var encoded = get("/files/read", "path=" + latest + "/%2e%2e/%2E%2E/%2e%2e%2f%2e%2e/etc/passwd");
    assertEquals(400, encoded.statusCode(), encoded.body());
    for (String viaLink : List.of(latest + "/escape/passwd", latest + "/escape", latest + "/escape/")) {
      var reply = get("/files/read", path(viaLink));
      assertEquals(400, reply.statusCode(), viaLink + ": " + reply.body());
      assertTrue(reply.body().contains("inaccessible"), reply.body());
      assertEquals(400, get("/files/download", path(viaLink)).statusCode(), viaLink);
    }
    assertEquals(400, get("/files/browse", path(latest + "/escape")).statusCode());

    // unknown paths, and host files outside every sandbox: 404
    for (String unknown : List.of("/frameworks/" + frameworkId + "/executors/nope/runs/latest/stdout",
        "/frameworks/nope/executors/writer/runs/latest", latest + "/missing", latest + "/stdout/more",
        "/etc/passwd", "/etc", work.resolve("agent").toRealPath().toString(),
        work.resolve("agent").toRealPath().resolve("frameworks").toString(), "relative/stdout")) {
      var reply = get("/files/read", path(unknown));
      assertEquals(404, reply.statusCode(), unknown + ": " + reply.body());
      assertEquals(404, get("/files/browse", path(unknown)).statusCode(), unknown);
    }

    // bad requests: 400 as in Mesos
    assertEquals(400, get("/files/read", "offset=0").statusCode(), "no path");
    assertEquals(400, get("/files/browse", "path=").statusCode(), "empty path");
    for (String bad : List.of("offset=abc", "offset=-2", "offset=0&length=-5", "offset=0&length=x")) {
      var reply = get("/files/read", path(latest + "/stdout") + "&" + bad);
      assertEquals(400, reply.statusCode(), bad + ": " + reply.body());
    }
    assertEquals("Cannot read a directory.", get("/files/read", path(latest)).body());
    assertEquals(400, get("/files/read", path(latest + "/fifo") + "&offset=0").statusCode(), "a FIFO would block");
    assertEquals(400, get("/files/download", path(latest + "/fifo")).statusCode());
    assertEquals(400, get("/files/download", path(latest + "/sub")).statusCode());
    String big = json.readTree(get("/files/read", path(latest + "/sub/big") + "&offset=0").body()).path("data")
        .asText();
    assertEquals(SandboxFiles.MAX_READ, big.length(), "one read returns at most 16 pages, as in Mesos");
    assertEquals(65_536, SandboxFiles.MAX_READ);
  }
}
