package io.offerlab.realruntime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.offerlab.realruntime.wire.BadMessageException;
import io.offerlab.realruntime.wire.ProtoJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * The agent's side of its link to the master, over HTTP ({@link AgentProtocol}): it registers, heartbeats, sends status
 * updates, and when the master is gone or forgot it, re-registers with its id and its running tasks, backing off from
 * 1 s, doubled each try with jitter up to 30 s (Mesos' agent uses a randomized, doubling registration backoff).
 */
public final class MasterLink implements StatusUpdateManager.Sender, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(MasterLink.class.getName());

  private final URI master;
  private final AgentInfo info;
  private final Duration minBackoff;
  private final Duration maxBackoff;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
      .version(HttpClient.Version.HTTP_1_1).build();
  private volatile Agent agent;
  private volatile boolean running = true;
  private volatile boolean connected;
  private Thread loop;
  private volatile Credential credential;

  /** Link to the master at {@code master} (http://host:port) announcing {@code info}. */
  public MasterLink(URI master, AgentInfo info, Duration minBackoff, Duration maxBackoff) {
    this.master = master;
    this.info = info;
    this.minBackoff = minBackoff;
    this.maxBackoff = maxBackoff;
  }

  /** Authenticate to the master with {@code credential} (HTTP Basic), before {@link #start}. */
  public void authenticate(Credential credential) {
    this.credential = credential;
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    Credential c = credential;
    return c == null ? builder : builder.header("Authorization", c.basicHeader());
  }

  /** Start registering and heartbeating on behalf of {@code agent}. */
  public synchronized void start(Agent agent) {
    this.agent = agent;
    loop = new Thread(this::run, "offerlab-agent-master-link");
    loop.setDaemon(true);
    loop.start();
  }

  /** Return true while the last registration or heartbeat succeeded. */
  public boolean connected() {
    return connected;
  }

  private void run() {
    Duration backoff = minBackoff;
    while (running) {
      try {
        double interval = register();
        connected = true;
        backoff = minBackoff;
        agent.updates().resendAll();
        while (running) {
          Thread.sleep((long) (interval * 1000));
          HttpResponse<String> reply = post(AgentProtocol.HEARTBEAT,
              "{\"agent_id\":" + ProtoJson.print(agent.agentId()) + "}");
          if (reply.statusCode() != 200) {
            LOG.warning("master answered heartbeat with " + reply.statusCode() + ": re-registering");
            break;
          }
        }
      } catch (InterruptedException e) {
        return;
      } catch (IOException | BadMessageException | RuntimeException e) {
        LOG.log(Level.INFO, "master " + master + " unreachable or refused: " + e.getMessage());
      }
      connected = false;
      try {
        long millis = (long) (backoff.toMillis() * (1 + ThreadLocalRandom.current().nextDouble()));
        Thread.sleep(Math.min(millis, maxBackoff.toMillis()));
      } catch (InterruptedException e) {
        return;
      }
      backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
    }
  }

  private double register() throws IOException, InterruptedException, BadMessageException {
    AgentInfo announce = agent.agentId() == null ? info : info.toBuilder().setId(agent.agentId()).build();
    var body = new StringBuilder("{\"agent_info\":").append(ProtoJson.print(announce)).append(",\"tasks\":[");
    List<Agent.TaskReport> tasks = agent.tasks();
    for (int i = 0; i < tasks.size(); i++) {
      Agent.TaskReport t = tasks.get(i);
      body.append(i == 0 ? "" : ",").append("{\"framework_id\":").append(ProtoJson.print(t.frameworkId()))
          .append(",\"task\":").append(ProtoJson.print(t.task()));
      if (t.latest() != null) {
        body.append(",\"status\":").append(ProtoJson.print(t.latest()));
      }
      body.append('}');
    }
    body.append("]}");
    HttpResponse<String> reply = post(AgentProtocol.REGISTER, body.toString());
    if (reply.statusCode() != 200) {
      throw new IOException("registration refused with " + reply.statusCode() + ": " + reply.body());
    }
    JsonNode root = ProtoJson.tree(reply.body().getBytes(StandardCharsets.UTF_8));
    AgentID id = (AgentID) ProtoJson.parse(root.get("agent_id"), AgentID.newBuilder(), "agent_id");
    agent.registered(id);
    LOG.info("registered with master " + master + " as " + id.getValue());
    return root.path("heartbeat_interval_seconds").asDouble(5);
  }

  private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    HttpRequest request = authorized(HttpRequest.newBuilder(master.resolve(path))).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void send(FrameworkID frameworkId, TaskStatus status) {
    AgentID id = agent == null ? null : agent.agentId();
    if (id == null || !running) {
      return; // resent after registration
    }
    String body = "{\"agent_id\":" + ProtoJson.print(id) + ",\"framework_id\":" + ProtoJson.print(frameworkId)
        + ",\"status\":" + ProtoJson.print(status) + "}";
    HttpRequest request = authorized(HttpRequest.newBuilder(master.resolve(AgentProtocol.UPDATE)))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).exceptionally(e -> null);
  }

  @Override
  public synchronized void close() {
    running = false;
    if (loop != null) {
      loop.interrupt();
    }
  }
}
