package io.offerlab.realruntime.master;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offerlab.allocators.Resources;
import io.offerlab.realruntime.master.Entries.Agent;
import io.offerlab.realruntime.master.Entries.Framework;
import io.offerlab.realruntime.master.Entries.Task;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;

/**
 * {@code GET /master/state} and {@code GET /metrics/snapshot} in Mesos' shapes ({@code src/master/http.cpp},
 * {@code src/common/http.cpp} {@code model(Resources)}): resources as flat maps that always hold cpus, gpus, mem and
 * disk, ranges as text such as {@code "[31000-32000]"}; agents under {@code slaves}, ids under {@code slave_id}.
 * Fields Offerlab has no value for (git sha, build info, flags it does not take) are left out; a live framework has one
 * field Mesos' state lacks, {@code dominant_share} (used + offered over the active agents' total), which the web UI shows.
 */
final class StateJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private StateJson() {
  }

  static String state(Master master) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("version", "1.11.0");
    root.put("id", master.id);
    root.put("pid", "master@" + master.hostname + ":" + master.port);
    root.put("hostname", master.hostname);
    root.put("start_time", seconds(master.startTime));
    root.put("elected_time", seconds(master.startTime));
    root.put("leader", "master@" + master.hostname + ":" + master.port);
    long active = master.agents.values().stream().filter(a -> a.active).count();
    root.put("activated_slaves", active);
    root.put("deactivated_slaves", 0);
    root.put("unreachable_slaves", master.unreachableAgents);
    root.putObject("flags").put("allocator", master.allocatorName);
    ArrayNode slaves = root.putArray("slaves");
    for (Agent agent : master.agents.values()) {
      if (agent.active) {
        slaves.add(agent(master, agent));
      }
    }
    ArrayNode frameworks = root.putArray("frameworks");
    Resources total = MetricsSample.total(master);
    for (Framework f : master.frameworks.values()) {
      frameworks.add(framework(master, f, true).put("dominant_share", MetricsSample.dominantShare(master, f, total)));
    }
    ArrayNode completed = root.putArray("completed_frameworks");
    for (Framework f : master.completedFrameworks.values()) {
      completed.add(framework(master, f, false));
    }
    root.putArray("orphan_tasks");
    root.putArray("unregistered_frameworks");
    return write(root);
  }

  private static ObjectNode agent(Master master, Agent agent) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", agent.id);
    node.put("pid", "slave(1)@" + agent.address);
    node.put("hostname", agent.info.getHostname());
    node.put("port", agent.info.getPort());
    node.put("registered_time", seconds(agent.registeredTime));
    node.set("resources", flat(agent.info.getResourcesList()));
    Resources used = Resources.EMPTY;
    for (Task t : agent.tasks.values()) {
      used = used.plus(t.resources);
    }
    Resources offered = Resources.EMPTY;
    for (RealOffer o : master.offers.values()) {
      if (o.agentIndex() == agent.index) {
        offered = offered.plus(o.resources());
      }
    }
    node.set("used_resources", flat(used));
    node.set("offered_resources", flat(offered));
    node.set("reserved_resources", MAPPER.createObjectNode());
    node.set("unreserved_resources", flat(agent.info.getResourcesList()));
    node.putObject("attributes");
    node.put("active", true);
    node.put("version", "1.11.0");
    node.putArray("capabilities");
    return node;
  }

  private static ObjectNode framework(Master master, Framework f, boolean live) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", f.id);
    node.put("name", f.info.getName());
    node.put("user", f.info.getUser());
    node.put("hostname", f.info.getHostname());
    node.put("webui_url", f.info.getWebuiUrl());
    node.put("failover_timeout", f.info.getFailoverTimeout());
    node.put("checkpoint", f.info.getCheckpoint());
    String role = Master.roleOf(f.info);
    node.put("role", role);
    node.putArray("roles").add(role);
    node.put("active", live && f.active);
    node.put("connected", live && f.connected);
    node.put("recovered", false);
    node.put("registered_time", seconds(f.registeredTime));
    node.put("unregistered_time", 0);
    node.putArray("capabilities");
    Resources used = Resources.EMPTY;
    for (Task t : f.tasks.values()) {
      used = used.plus(t.resources);
    }
    Resources offered = Resources.EMPTY;
    ArrayNode offers = MAPPER.createArrayNode();
    for (RealOffer o : f.offers.values()) {
      offered = offered.plus(o.resources());
      ObjectNode offer = offers.addObject();
      offer.put("id", o.offerId());
      offer.put("framework_id", f.id);
      offer.put("slave_id", o.agentId());
      offer.set("resources", flat(o.resources()));
    }
    node.set("used_resources", flat(used));
    node.set("offered_resources", flat(offered));
    node.set("resources", flat(used.plus(offered)));
    ArrayNode tasks = node.putArray("tasks");
    f.tasks.values().forEach(t -> tasks.add(task(t)));
    node.putArray("unreachable_tasks");
    ArrayNode completed = node.putArray("completed_tasks");
    f.completed.forEach(t -> completed.add(task(t)));
    node.set("offers", offers);
    node.putArray("executors");
    return node;
  }

  private static ObjectNode task(Task t) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", t.id());
    node.put("name", t.info.getName());
    node.put("framework_id", t.frameworkId);
    node.put("executor_id", "");
    node.put("slave_id", t.agentId);
    node.put("state", t.state.name());
    node.set("resources", flat(t.info.getResourcesList()));
    ArrayNode statuses = node.putArray("statuses");
    for (TaskStatus s : t.statuses) {
      ObjectNode status = statuses.addObject();
      status.put("state", s.getState().name());
      status.put("timestamp", seconds(s.getTimestamp()));
    }
    return node;
  }

  /** Seconds since the epoch as a plain decimal number, as Mesos prints them ({@code 1796026945.606}). */
  private static java.math.BigDecimal seconds(double value) {
    return java.math.BigDecimal.valueOf(value);
  }

  /** Mesos' flat resource map of a vector: cpus, gpus, mem and disk always present. */
  static ObjectNode flat(Resources resources) {
    ObjectNode node = base();
    for (Map.Entry<String, Double> e : resources.asMap().entrySet()) {
      node.put(e.getKey(), e.getValue());
    }
    resources.rangeMap().forEach((name, ranges) -> node.put(name, ranges.toString().replace(",", ", ")));
    return node;
  }

  /** Mesos' flat resource map of a resource list, with ranges as text. */
  static ObjectNode flat(List<Resource> resources) {
    ObjectNode node = base();
    for (Resource r : resources) {
      if (r.getType() == Value.Type.SCALAR) {
        node.put(r.getName(), node.path(r.getName()).asDouble(0) + r.getScalar().getValue());
      } else if (r.getType() == Value.Type.RANGES) {
        var text = new StringBuilder("[");
        for (Value.Range range : r.getRanges().getRangeList()) {
          text.append(text.length() > 1 ? ", " : "").append(range.getBegin()).append('-').append(range.getEnd());
        }
        node.put(r.getName(), text.append(']').toString());
      }
    }
    return node;
  }

  private static ObjectNode base() {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("cpus", 0.0);
    node.put("gpus", 0.0);
    node.put("mem", 0.0);
    node.put("disk", 0.0);
    return node;
  }

  static String metrics(Master master) {
    ObjectNode root = MAPPER.createObjectNode();
    Metrics m = master.metrics;
    long activeAgents = master.agents.values().stream().filter(a -> a.active).count();
    root.put("master/uptime_secs", System.currentTimeMillis() / 1000.0 - master.startTime);
    root.put("master/elected", 1);
    root.put("master/slaves_active", activeAgents);
    root.put("master/slaves_connected", activeAgents);
    root.put("master/slaves_inactive", 0);
    root.put("master/slave_registrations", m.agentRegistrations);
    root.put("master/slave_reregistrations", m.agentReregistrations);
    root.put("master/slave_removals", m.agentRemovals);
    root.put("master/frameworks_active", master.frameworks.values().stream().filter(f -> f.active).count());
    root.put("master/frameworks_connected", master.frameworks.values().stream().filter(f -> f.connected).count());
    root.put("master/frameworks_disconnected",
        master.frameworks.values().stream().filter(f -> !f.connected).count());
    root.put("master/outstanding_offers", master.offers.size());
    long staging = 0;
    long starting = 0;
    long running = 0;
    Resources total = Resources.EMPTY;
    Resources used = Resources.EMPTY;
    for (Agent a : master.agents.values()) {
      if (a.active) {
        total = total.plus(a.total);
        for (Task t : a.tasks.values()) {
          used = used.plus(t.resources);
          staging += t.state == TaskState.TASK_STAGING ? 1 : 0;
          starting += t.state == TaskState.TASK_STARTING ? 1 : 0;
          running += t.state == TaskState.TASK_RUNNING ? 1 : 0;
        }
      }
    }
    root.put("master/tasks_staging", staging);
    root.put("master/tasks_starting", starting);
    root.put("master/tasks_running", running);
    for (TaskState s : List.of(TaskState.TASK_FINISHED, TaskState.TASK_FAILED, TaskState.TASK_KILLED,
        TaskState.TASK_LOST, TaskState.TASK_ERROR)) {
      root.put("master/tasks_" + s.name().substring("TASK_".length()).toLowerCase(java.util.Locale.ROOT),
          m.reached(s));
    }
    for (String r : List.of("cpus", "mem", "disk", "gpus")) {
      root.put("master/" + r + "_total", total.get(r));
      root.put("master/" + r + "_used", used.get(r));
      root.put("master/" + r + "_percent", total.get(r) > 0 ? used.get(r) / total.get(r) : 0);
    }
    root.put("master/valid_status_updates", m.validStatusUpdates);
    root.put("master/invalid_status_updates", m.invalidStatusUpdates);
    root.put("master/valid_status_update_acknowledgements", m.validAcknowledgements);
    root.put("master/messages_decline_offers", m.offersDeclined);
    return write(root);
  }

  private static String write(ObjectNode root) {
    try {
      return MAPPER.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write state JSON", e);
    }
  }
}
