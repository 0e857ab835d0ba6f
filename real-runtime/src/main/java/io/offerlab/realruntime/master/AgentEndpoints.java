package io.offerlab.realruntime.master;

import com.fasterxml.jackson.databind.JsonNode;
import io.offerlab.realruntime.http.Advertised;
import io.offerlab.realruntime.http.JsonHandler;
import io.offerlab.realruntime.http.JsonHandler.Reply;
import io.offerlab.realruntime.master.Entries.Agent;
import io.offerlab.realruntime.master.Entries.Framework;
import io.offerlab.realruntime.master.Entries.Task;
import io.offerlab.realruntime.wire.BadMessageException;
import io.offerlab.realruntime.wire.ProtoJson;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The master's side of the agent protocol (docs/real-runtime.md): registration and re-registration, heartbeats, and
 * status updates, which the master records and forwards to the framework as UPDATE events. The master keeps no
 * registry: tasks an agent reports that this master did not launch (after a master restart, or after the agent was
 * removed and its tasks reported LOST) are killed.
 */
final class AgentEndpoints {
  private static final Logger LOG = Logger.getLogger(AgentEndpoints.class.getName());

  private final Master master;
  private final double heartbeatSeconds;

  AgentEndpoints(Master master, double heartbeatSeconds) {
    this.master = master;
    this.heartbeatSeconds = heartbeatSeconds;
  }

  /** Remove agents silent for longer than {@code timeoutMicros}; runs on the loop. */
  void checkHeartbeats(long timeoutMicros) {
    long now = master.loop.now();
    for (Agent agent : master.agents.values()) {
      if (agent.active && now - agent.lastHeartbeatMicros > timeoutMicros) {
        master.removeAgent(agent, "no heartbeat for " + (now - agent.lastHeartbeatMicros) / 1_000_000 + " s");
      }
    }
  }

  /** A registered/re-registered endpoint that answers from the loop. */
  JsonHandler.StreamingEndpoint register() {
    return (request, body, response, callback) -> {
      JsonNode root = ProtoJson.tree(body);
      AgentInfo info = (AgentInfo) ProtoJson.parse(root.get("agent_info"), AgentInfo.newBuilder(), "agent_info");
      var reported = new ArrayList<Reported>();
      JsonNode tasks = root.path("tasks");
      for (int i = 0; i < tasks.size(); i++) {
        JsonNode t = tasks.get(i);
        reported.add(new Reported(
            (FrameworkID) ProtoJson.parse(t.get("framework_id"), FrameworkID.newBuilder(), "tasks[" + i + "].framework_id"),
            (TaskInfo) ProtoJson.parse(t.get("task"), TaskInfo.newBuilder(), "tasks[" + i + "].task"),
            t.hasNonNull("status") ? (TaskStatus) ProtoJson.parse(t.get("status"), TaskStatus.newBuilder(),
                "tasks[" + i + "].status") : null));
      }
      String address = info.getHostname() + ":" + info.getPort();
      String ip = Advertised.ipOf(info.getHostname()); // may ask DNS: here, not on the loop
      master.loop.execute(() -> JsonHandler.send(response, callback, registerOnLoop(info, reported, address, ip)));
      return null;
    };
  }

  private record Reported(FrameworkID frameworkId, TaskInfo task, TaskStatus status) {
  }

  /**
   * An agent of the registry re-registers after a master restart (Mesos' reregisterSlave while recovering): it is
   * admitted under its id with its running tasks' resources as used (the SPI's addAgent with used), and its tasks of
   * known frameworks are the master's tasks again; tasks of frameworks the master does not know are killed.
   */
  private Agent readmit(AgentInfo info, List<Reported> reported, String address) {
    var used = new java.util.HashMap<String, io.offerlab.allocators.Resources>();
    var kept = new ArrayList<Reported>();
    for (Reported r : reported) {
      Framework framework = master.frameworks.get(r.frameworkId().getValue());
      boolean running = r.status() == null || !Entries.terminal(r.status().getState());
      if (framework != null && running && !framework.tasks.containsKey(r.task().getTaskId().getValue())) {
        kept.add(r);
        used.merge(framework.id, MesosResources.toVector(r.task().getResourcesList()),
            io.offerlab.allocators.Resources::plus);
      } else if (framework == null) {
        master.agentCalls.kill(address, r.task().getTaskId(), null);
      } else if (!running && framework.completed.stream().noneMatch(t -> t.id().equals(r.task().getTaskId()
          .getValue()))) {
        // ended with its terminal update unacknowledged: known again, so the update reaches the framework
        var done = new Task(r.task(), framework.id, info.getId().getValue(),
            MesosResources.toVector(r.task().getResourcesList()));
        done.state = r.status().getState();
        done.ended = true;
        framework.completed.add(done);
      }
    }
    Agent agent = master.admit(info.getId().getValue(), info.toBuilder().clearId().build(), address, used);
    for (Reported r : kept) {
      Framework framework = master.frameworks.get(r.frameworkId().getValue());
      var task = new Task(r.task(), framework.id, agent.id, MesosResources.toVector(r.task().getResourcesList()));
      if (r.status() != null) {
        task.state = r.status().getState();
        task.latest = r.status();
        task.statuses.add(r.status());
      }
      framework.tasks.put(task.id(), task);
      agent.tasks.put(task.id(), task);
    }
    master.metrics.agentReregistrations++;
    LOG.info("agent " + agent.id + " re-registered from " + address + " with " + kept.size() + " tasks");
    return agent;
  }

  private Reply registerOnLoop(AgentInfo info, List<Reported> reported, String address, String ip) {
    if (info.hasId() && master.recovering.containsKey(info.getId().getValue())) {
      Agent back = readmit(info, reported, address);
      back.ip = ip;
      return Reply.json(200, "{\"agent_id\":" + ProtoJson.print(AgentID.newBuilder().setValue(back.id).build())
          + ",\"heartbeat_interval_seconds\":" + heartbeatSeconds + "}");
    }
    Agent agent = info.hasId() ? master.agents.get(info.getId().getValue()) : null;
    if (agent != null && agent.active && agent.address.equals(address)) {
      master.metrics.agentReregistrations++;
      agent.lastHeartbeatMicros = master.loop.now();
      var still = new java.util.HashSet<String>();
      for (Reported r : reported) {
        still.add(r.task().getTaskId().getValue());
        if (!agent.tasks.containsKey(r.task().getTaskId().getValue())) {
          master.agentCalls.kill(address, r.task().getTaskId(), null);
        }
      }
      for (Task task : new ArrayList<>(agent.tasks.values())) {
        if (!still.contains(task.id()) && task.state != org.apache.mesos.v1.Protos.TaskState.TASK_STAGING) {
          master.lose(task, TaskStatus.Reason.REASON_AGENT_RESTARTED, "The agent re-registered without the task");
        }
      }
    } else {
      if (agent != null && agent.active) {
        master.removeAgent(agent, "it registered again from " + address);
      }
      agent = master.addAgent(info, address);
      agent.ip = ip;
      for (Reported r : reported) {
        master.agentCalls.kill(address, r.task().getTaskId(), null);
      }
      LOG.info("agent " + agent.id + " registered from " + address);
    }
    return Reply.json(200, "{\"agent_id\":" + ProtoJson.print(AgentID.newBuilder().setValue(agent.id).build())
        + ",\"heartbeat_interval_seconds\":" + heartbeatSeconds + "}");
  }

  JsonHandler.StreamingEndpoint heartbeat() {
    return (Request request, byte[] body, Response response, Callback callback) -> {
      JsonNode root = ProtoJson.tree(body);
      AgentID id = (AgentID) ProtoJson.parse(root.get("agent_id"), AgentID.newBuilder(), "agent_id");
      master.loop.execute(() -> {
        Agent agent = master.agents.get(id.getValue());
        if (agent == null || !agent.active) {
          JsonHandler.send(response, callback, Reply.text(404, "Unknown agent " + id.getValue()));
          return;
        }
        agent.lastHeartbeatMicros = master.loop.now();
        JsonHandler.send(response, callback, Reply.json(200, "{}"));
      });
      return null;
    };
  }

  JsonHandler.StreamingEndpoint update() {
    return (request, body, response, callback) -> {
      JsonNode root = ProtoJson.tree(body);
      AgentID agentId = (AgentID) ProtoJson.parse(root.get("agent_id"), AgentID.newBuilder(), "agent_id");
      FrameworkID frameworkId = (FrameworkID) ProtoJson.parse(root.get("framework_id"), FrameworkID.newBuilder(),
          "framework_id");
      TaskStatus status = (TaskStatus) ProtoJson.parse(root.get("status"), TaskStatus.newBuilder(), "status");
      master.loop.execute(() -> JsonHandler.send(response, callback, updateOnLoop(agentId, frameworkId, status)));
      return null;
    };
  }

  private Reply updateOnLoop(AgentID agentId, FrameworkID frameworkId, TaskStatus status) {
    Agent agent = master.agents.get(agentId.getValue());
    Framework framework = master.frameworkOf(frameworkId.getValue());
    if (agent == null || !agent.active || framework == null) {
      master.metrics.invalidStatusUpdates++;
      return Reply.text(404, "Unknown agent or framework");
    }
    Task task = framework.tasks.get(status.getTaskId().getValue());
    if (task == null) {
      for (Task done : framework.completed) {
        if (done.id().equals(status.getTaskId().getValue()) && done.agentId.equals(agent.id)) {
          task = done;
        }
      }
    }
    if (task == null) {
      master.metrics.invalidStatusUpdates++;
      return Reply.text(404, "Unknown task " + status.getTaskId().getValue());
    }
    master.metrics.validStatusUpdates++;
    TaskStatus forwarded = status.hasAgentId() ? status : status.toBuilder().setAgentId(agentId).build();
    master.record(task, forwarded);
    if (master.frameworks.containsKey(framework.id)) {
      master.sendUpdate(framework, forwarded);
    } else if (status.hasUuid()) {
      // the framework was torn down: nobody will acknowledge, so the master does, and the agent forgets the task
      // (Mesos' agent drops the status update streams of a removed framework)
      master.agentCalls.acknowledge(agent.address, status.getTaskId(), status.getUuid().toByteArray());
    }
    return Reply.empty(202);
  }
}
