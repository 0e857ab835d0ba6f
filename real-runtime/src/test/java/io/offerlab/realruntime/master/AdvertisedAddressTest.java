package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.realruntime.agent.AgentRuntime;
import io.offerlab.realruntime.http.Advertised;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The addresses a master and its agents advertise (Mesos' {@code --advertise_ip} and {@code --advertise_port}): the
 * agent behind a port forward (as behind a NAT) advertises the forward's port and a host name, and the master calls
 * it there; offers' {@code url}, SUBSCRIBED's {@code master_info} and {@code /master/state} carry the advertised
 * names, with the IP address they resolve to. The network-namespace test covers agents on other addresses.
 */
class AdvertisedAddressTest {
  @TempDir
  Path work;
  private MasterRuntime master;
  private AgentRuntime agent;
  private ServerSocket forward;

  @AfterEach
  void stop() throws IOException {
    if (agent != null) {
      agent.close();
    }
    if (master != null) {
      master.close();
    }
    if (forward != null) {
      forward.close();
    }
  }

  @Test
  void offersAndStateCarryTheAdvertisedAddressesAndTheMasterCallsTheAgentThere() throws Exception {
    master = MasterRuntime.start(new MasterRuntime.Options("127.0.0.1", 0, "drf", Duration.ofMillis(100),
        Duration.ofMillis(500), Duration.ofSeconds(15), Duration.ofMillis(300)).withAdvertiseIp("localhost"));
    String at = "127.0.0.1:" + master.port();
    int agentPort;
    try (var free = new ServerSocket(0)) {
      agentPort = free.getLocalPort();
    }
    forward = new ServerSocket(0); // every address, so that "localhost" reaches it as 127.0.0.1 or ::1
    var forwarded = new AtomicInteger();
    forwardTo(agentPort, forwarded);
    agent = AgentRuntime.start(new AgentRuntime.Options(at, "127.0.0.1", agentPort, "localhost", "cpus:1;mem:256",
        work, "none", null, null, forward.getLocalPort()));
    try (var framework = new RawScheduler(at, "advertised")) {
      // SUBSCRIBED was consumed by the constructor; the master's own address is checked in /master/state below
      Offer offer = framework.await(e -> e.getType() == Event.Type.OFFERS).getOffers().getOffers(0);
      assertEquals("localhost", offer.getHostname());
      assertEquals("localhost", offer.getUrl().getAddress().getHostname());
      assertEquals("127.0.0.1", offer.getUrl().getAddress().getIp(), "the advertised name's address");
      assertEquals(forward.getLocalPort(), offer.getUrl().getAddress().getPort(), "the advertised port");
      assertEquals(202, framework.launch(offer, "via-forward", "true"));
      framework.awaitState("via-forward", "TASK_FINISHED");
    }
    assertTrue(forwarded.get() > 0, "the master called the agent through its advertised port");
    JsonNode state = new ObjectMapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://" + at + "/master/state")).build(), HttpResponse.BodyHandlers.ofString()).body());
    assertEquals("localhost", state.path("hostname").asText());
    assertEquals("master@localhost:" + master.port(), state.path("pid").asText());
    JsonNode slave = state.path("slaves").get(0);
    assertEquals("localhost", slave.path("hostname").asText());
    assertEquals(forward.getLocalPort(), slave.path("port").asInt());
    assertEquals("slave(1)@localhost:" + forward.getLocalPort(), slave.path("pid").asText());
  }

  @Test
  void advertisedAddressesAreCheckedAndAWildcardAdvertisesAnAddressOfThisHost() {
    var wildcard = assertThrows(IllegalArgumentException.class, () -> new MasterRuntime.Options("127.0.0.1", 0,
        "drf", Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(15))
        .withAdvertiseIp("0.0.0.0"));
    assertEquals("--advertise-ip: expected an IPv4 address or a host name, found '0.0.0.0'", wildcard.getMessage());
    var port = assertThrows(IllegalArgumentException.class, () -> new AgentRuntime.Options("127.0.0.1:5050",
        "127.0.0.1", 0, "a b", null, work, "none", null, null, 0));
    assertEquals("--advertise-ip: expected an IPv4 address or a host name, found 'a b'", port.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new AgentRuntime.Options("127.0.0.1:5050", "127.0.0.1", 0,
        null, null, work, "none", null, null, 70_000));
    assertEquals("10.0.0.7", Advertised.host("--advertise-ip", "10.0.0.7", "0.0.0.0"));
    assertEquals("10.0.0.8", Advertised.host("--advertise-ip", null, "10.0.0.8"));
    String chosen = Advertised.host("--advertise-ip", null, "0.0.0.0");
    assertFalse(Advertised.isWildcard(chosen), chosen);
    assertTrue(Advertised.validHost(chosen), chosen);
    assertEquals("10.1.2.3", Advertised.ipOf("10.1.2.3"));
    assertEquals("127.0.0.1", Advertised.ipOf("localhost"));
  }

  /** Forward every connection to the forward socket to {@code port} on 127.0.0.1, counting connections. */
  private void forwardTo(int port, AtomicInteger count) {
    Thread accept = new Thread(() -> {
      while (!forward.isClosed()) {
        try {
          Socket in = forward.accept();
          Socket out = new Socket("127.0.0.1", port);
          count.incrementAndGet();
          pump(in.getInputStream(), out.getOutputStream(), out);
          pump(out.getInputStream(), in.getOutputStream(), in);
        } catch (IOException e) {
          return;
        }
      }
    }, "advertised-port-forward");
    accept.setDaemon(true);
    accept.start();
  }

  private static void pump(InputStream from, OutputStream to, Socket closeAtEnd) {
    Thread t = new Thread(() -> {
      try (closeAtEnd) {
        from.transferTo(to);
      } catch (IOException e) {
        // the other side closed
      }
    }, "advertised-port-pump");
    t.setDaemon(true);
    t.start();
  }
}
