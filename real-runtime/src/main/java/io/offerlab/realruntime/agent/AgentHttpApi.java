package io.offerlab.realruntime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.offerlab.realruntime.http.JsonHandler;
import io.offerlab.realruntime.http.JsonHandler.Reply;
import io.offerlab.realruntime.wire.BadMessageException;
import io.offerlab.realruntime.wire.ProtoJson;
import java.time.Duration;
import java.util.Base64;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;

/**
 * The agent's HTTP API, called by the master: launch, kill, acknowledge, ping and state ({@link AgentProtocol}).
 * Launch and kill answer 202 as soon as the agent took the request; the outcome arrives as status updates.
 */
public final class AgentHttpApi {
  private AgentHttpApi() {
  }

  /** Return the handler serving {@code agent}. */
  public static JsonHandler handler(Agent agent) {
    return new JsonHandler()
        .route("POST", AgentProtocol.LAUNCH, (request, body) -> launch(agent, body))
        .route("POST", AgentProtocol.KILL, (request, body) -> kill(agent, body))
        .route("POST", AgentProtocol.ACKNOWLEDGE, (request, body) -> acknowledge(agent, body))
        .route("GET", AgentProtocol.PING, (request, body) -> Reply.json(200, "{\"agent_id\":"
            + (agent.agentId() == null ? "null" : ProtoJson.print(agent.agentId())) + "}"))
        .route("GET", AgentProtocol.STATE, (request, body) -> Reply.json(200, state(agent)));
  }

  private static Reply launch(Agent agent, byte[] body) throws BadMessageException {
    JsonNode root = ProtoJson.tree(body);
    FrameworkID framework = (FrameworkID) ProtoJson.parse(root.get("framework_id"), FrameworkID.newBuilder(),
        "framework_id");
    TaskInfo task = (TaskInfo) ProtoJson.parse(root.get("task"), TaskInfo.newBuilder(), "task");
    AgentID own = agent.agentId();
    if (own != null && !task.getAgentId().equals(own)) {
      return Reply.text(409, "task.agent_id: expected '" + own.getValue() + "', found '"
          + task.getAgentId().getValue() + "'");
    }
    try {
      agent.launch(framework, task);
    } catch (IllegalArgumentException e) {
      return Reply.text(409, e.getMessage());
    } catch (IllegalStateException e) {
      return Reply.text(503, e.getMessage());
    }
    return Reply.empty(202);
  }

  private static Reply kill(Agent agent, byte[] body) throws BadMessageException {
    JsonNode root = ProtoJson.tree(body);
    TaskID task = (TaskID) ProtoJson.parse(root.get("task_id"), TaskID.newBuilder(), "task_id");
    Duration grace = null;
    if (root.hasNonNull("kill_policy")) {
      KillPolicy policy = (KillPolicy) ProtoJson.parse(root.get("kill_policy"), KillPolicy.newBuilder(),
          "kill_policy");
      if (policy.hasGracePeriod()) {
        grace = Duration.ofNanos(Math.max(0, policy.getGracePeriod().getNanoseconds()));
      }
    }
    return agent.kill(task, grace) ? Reply.empty(202) : Reply.text(404, "Unknown task '" + task.getValue() + "'");
  }

  private static Reply acknowledge(Agent agent, byte[] body) throws BadMessageException {
    JsonNode root = ProtoJson.tree(body);
    TaskID task = (TaskID) ProtoJson.parse(root.get("task_id"), TaskID.newBuilder(), "task_id");
    JsonNode uuid = root.get("uuid");
    if (uuid == null || !uuid.isTextual()) {
      throw new BadMessageException("field 'uuid': expected a Base64 JSON string");
    }
    ByteString bytes;
    try {
      bytes = ByteString.copyFrom(Base64.getDecoder().decode(uuid.textValue()));
    } catch (IllegalArgumentException e) {
      throw new BadMessageException("field 'uuid': expected Base64, found '" + uuid.textValue() + "'");
    }
    return agent.acknowledge(task.getValue(), bytes) ? Reply.empty(202)
        : Reply.text(404, "No update of task '" + task.getValue() + "' waits for that uuid");
  }

  private static String state(Agent agent) {
    var out = new StringBuilder("{\"agent_id\":");
    out.append(agent.agentId() == null ? "null" : ProtoJson.print(agent.agentId())).append(",\"tasks\":[");
    boolean first = true;
    for (Agent.TaskReport t : agent.tasks()) {
      out.append(first ? "" : ",").append("{\"framework_id\":").append(ProtoJson.print(t.frameworkId()))
          .append(",\"task_id\":").append(ProtoJson.print(t.task().getTaskId()))
          .append(",\"state\":\"").append(t.latest() == null ? "TASK_STAGING" : t.latest().getState().name())
          .append("\",\"sandbox\":");
      ProtoJson.quote(out, String.valueOf(t.sandbox()));
      out.append('}');
      first = false;
    }
    out.append("],\"unacknowledged_updates\":").append(agent.updates().unacknowledged().size()).append('}');
    return out.toString();
  }
}
