package io.offerlab.realruntime.master;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Capability;
import io.offerlab.allocators.Resources;
import io.offerlab.realruntime.http.EventStream;
import io.offerlab.realruntime.master.Entries.Agent;
import io.offerlab.realruntime.master.Entries.Framework;
import io.offerlab.realruntime.master.Entries.Task;
import io.offerlab.realruntime.wire.ProtoJson;
import io.offerlab.simcore.master.MasterCore;
import io.offerlab.simcore.master.MasterCoreSettings;
import io.offerlab.simcore.master.MasterListener;
import io.offerlab.simcore.master.MasterOffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.URL;
import org.apache.mesos.v1.scheduler.Protos.Event;

/**
 * The master's state and its bookkeeping around sim-core's {@link MasterCore}: frameworks with their event streams,
 * agents with their addresses, tasks with their status updates, and the core's offers as Mesos offers. The Mesos
 * rules about offers (when cycles run, what an accept gives back with its filter, rescinds, agent removal) are the
 * core's; this class only turns them into events and calls, and keeps what {@code /master/state} shows. Owned by the
 * event loop: every method runs on it.
 */
final class Master implements MasterListener<RealOffer> {
  private static final Logger LOG = Logger.getLogger(Master.class.getName());
  private final double heartbeatSeconds;

  final String id;
  /** The advertised host (an address or a name) and port, as agents and frameworks are told to call. */
  final String hostname;
  /** The advertised host's IP address, or null when it is a name that did not resolve. */
  final String ip;
  final int port;
  final EventLoop loop;
  final MasterCore<RealOffer> core;
  final AgentCalls agentCalls = new AgentCalls();
  final Metrics metrics = new Metrics();
  final Map<String, Framework> frameworks = new LinkedHashMap<>();
  final List<Framework> frameworksByIndex = new ArrayList<>();
  final Map<String, Framework> completedFrameworks = new LinkedHashMap<>();
  final Map<String, Agent> agents = new LinkedHashMap<>();
  final List<Agent> agentsByIndex = new ArrayList<>();
  final Map<String, RealOffer> offers = new LinkedHashMap<>();
  final double startTime = System.currentTimeMillis() / 1000.0;
  final String allocatorName;
  /** Agents of the registry that have not re-registered since this master started, by id. */
  final Map<String, org.apache.mesos.v1.Protos.AgentInfo> recovering = new LinkedHashMap<>();
  int unreachableAgents;
  Registry registry;
  private int frameworkSerial;
  private int agentSerial;

  Master(String id, String hostname, String ip, int port, EventLoop loop, Allocator allocator, String allocatorName,
         MasterCoreSettings settings, double heartbeatSeconds) {
    this.id = id;
    this.heartbeatSeconds = heartbeatSeconds;
    this.hostname = hostname;
    this.ip = ip;
    this.port = port;
    this.loop = loop;
    this.allocatorName = allocatorName;
    this.core = new MasterCore<>(allocator, settings, loop, this);
  }

  // ---- MasterListener: the core's offers become Mesos events ------------------------------------------------

  @Override
  public RealOffer newOffer(MasterOffer.OfferKey key, Resources resources) {
    return new RealOffer(key, resources, id);
  }

  @Override
  public RealOffer[] newBatch(int size) {
    return new RealOffer[size];
  }

  @Override
  public void offersMade(int frameworkIndex, RealOffer[] batch, long nowMicros) {
    Framework framework = frameworksByIndex.get(frameworkIndex);
    var event = Event.Offers.newBuilder();
    for (RealOffer offer : batch) {
      offers.put(offer.offerId(), offer);
      framework.offers.put(offer.offerId(), offer);
      event.addOffers(offerProto(offer));
      metrics.offersSent++;
    }
    send(framework, Event.newBuilder().setType(Event.Type.OFFERS).setOffers(event).build());
  }

  @Override
  public void offerRescinded(RealOffer offer, long nowMicros) {
    offers.remove(offer.offerId());
    Framework framework = frameworksByIndex.get(offer.frameworkIndex());
    framework.offers.remove(offer.offerId());
    metrics.offersRescinded++;
    send(framework, Event.newBuilder().setType(Event.Type.RESCIND).setRescind(Event.Rescind.newBuilder()
        .setOfferId(OfferID.newBuilder().setValue(offer.offerId()))).build());
  }

  @Override
  public void collectOutstanding(int agentIndex, List<RealOffer> out) {
    for (RealOffer offer : offers.values()) {
      if (offer.outstanding() && (agentIndex < 0 || offer.agentIndex() == agentIndex)) {
        out.add(offer);
      }
    }
  }

  Offer offerProto(RealOffer offer) {
    Agent agent = agentsByIndex.get(offer.agentIndex());
    String host = agent.info.getHostname();
    return Offer.newBuilder().setId(OfferID.newBuilder().setValue(offer.offerId()))
        .setFrameworkId(FrameworkID.newBuilder().setValue(offer.frameworkId()))
        .setAgentId(AgentID.newBuilder().setValue(offer.agentId()))
        .setHostname(host)
        .setUrl(URL.newBuilder().setScheme("http").setPath("/slave(1)").setAddress(address(host, agent.ip,
            agent.info.getPort())))
        .addAllResources(MesosResources.toMesos(offer.resources()))
        .build();
  }

  /** Answer an offer: mark it used and forget it. */
  RealOffer takeOffer(Framework framework, String offerId) {
    RealOffer offer = framework.offers.remove(offerId);
    if (offer != null) {
      offers.remove(offerId);
    }
    return offer;
  }

  // ---- frameworks ---------------------------------------------------------------------------------------------

  /** Add a framework (a new SUBSCRIBE, or a re-SUBSCRIBE with an id this master has not seen). */
  Framework addFramework(FrameworkInfo info) {
    String frameworkId = info.hasId() ? info.getId().getValue()
        : String.format(Locale.ROOT, "%s-%04d", id, frameworkSerial++);
    String role = roleOf(info);
    int index = core.addFramework(frameworkId, role, capabilities(info), loop.now());
    var framework = new Framework(frameworkId, index, info.toBuilder()
        .setId(FrameworkID.newBuilder().setValue(frameworkId)).build(), System.currentTimeMillis() / 1000.0);
    frameworks.put(frameworkId, framework);
    while (frameworksByIndex.size() <= index) {
      frameworksByIndex.add(null);
    }
    frameworksByIndex.set(index, framework);
    persist();
    return framework;
  }

  /** Rewrite the registry (when there is one) with the registered agents and frameworks. */
  void persist() {
    if (registry == null) {
      return;
    }
    var agentInfos = new ArrayList<org.apache.mesos.v1.Protos.AgentInfo>(recovering.values());
    for (Agent agent : agents.values()) {
      if (agent.active) {
        agentInfos.add(agent.info);
      }
    }
    registry.store(agentInfos, frameworks.values().stream().map(f -> f.info).toList());
  }

  /**
   * Recover from the registry after a restart: its frameworks are known but disconnected until they re-subscribe
   * (their failover timeouts run from now, and last at least {@code reregisterMillis}); its agents may re-register
   * with their ids and running tasks until {@code reregisterMillis} pass, then they are unreachable.
   */
  void recover(Registry registry, long reregisterMillis) {
    this.registry = registry;
    Registry.State state = registry.load();
    for (FrameworkInfo info : state.frameworks()) {
      Framework framework = addFramework(info);
      framework.connected = false;
      deactivate(framework);
      long millis = Math.max(reregisterMillis, (long) (info.getFailoverTimeout() * 1000));
      framework.failover = loop.schedule(() -> {
        if (!framework.connected) {
          teardown(framework, "it did not re-subscribe after the master restarted");
        }
      }, millis);
    }
    for (var info : state.agents()) {
      recovering.put(info.getId().getValue(), info);
    }
    if (!recovering.isEmpty()) {
      LOG.info("recovered " + state.frameworks().size() + " frameworks and " + recovering.size()
          + " agents from " + "the registry; agents may re-register for " + reregisterMillis + " ms");
      loop.schedule(() -> {
        for (String agentId : recovering.keySet()) {
          LOG.info("agent " + agentId + " did not re-register in time: unreachable");
          unreachableAgents++;
        }
        recovering.clear();
        persist();
      }, reregisterMillis);
    }
    persist();
  }

  /** Connect a framework's new event stream: SUBSCRIBED, then heartbeats (every 15 s by default). */
  void connect(Framework framework, EventStream stream, String streamId) {
    if (framework.stream != null && framework.stream.open()) {
      framework.stream.close();
    }
    if (framework.failover != null) {
      framework.failover.cancel(false);
      framework.failover = null;
    }
    framework.stream = stream;
    framework.streamId = streamId;
    framework.connected = true;
    if (!framework.active) {
      framework.active = true;
      core.activateFramework(framework.index, loop.now());
    }
    send(framework, Event.newBuilder().setType(Event.Type.SUBSCRIBED).setSubscribed(Event.Subscribed.newBuilder()
        .setFrameworkId(FrameworkID.newBuilder().setValue(framework.id))
        .setHeartbeatIntervalSeconds(heartbeatSeconds).setMasterInfo(masterInfo())).build());
    if (framework.heartbeat != null) {
      framework.heartbeat.cancel(false);
    }
    framework.heartbeat = loop.every(() -> send(framework, Event.newBuilder().setType(Event.Type.HEARTBEAT).build()),
        (long) (heartbeatSeconds * 1000));
  }

  /**
   * A framework's stream closed: it is disconnected and gets no offers; its outstanding offers go back unfiltered;
   * after its {@code failover_timeout} (Mesos' default 0) it is torn down.
   */
  void disconnected(Framework framework, EventStream stream) {
    if (framework.stream != stream || !frameworks.containsKey(framework.id)) {
      return;
    }
    framework.connected = false;
    framework.stream = null;
    if (framework.heartbeat != null) {
      framework.heartbeat.cancel(false);
    }
    deactivate(framework);
    long millis = (long) (framework.info.getFailoverTimeout() * 1000);
    framework.failover = loop.schedule(() -> {
      if (!framework.connected) {
        teardown(framework, "its failover timeout of " + framework.info.getFailoverTimeout() + " s expired");
      }
    }, millis);
  }

  /** Mesos' deactivate: the core rescinds the framework's offers into the allocator and stops offering to it. */
  private void deactivate(Framework framework) {
    framework.active = false;
    core.deactivateFramework(framework.index, loop.now());
  }

  /**
   * Mesos' removeFramework (TEARDOWN, or its failover timeout expired): the core rescinds its offers, recovers what
   * its tasks hold and forgets it; its tasks are killed on their agents.
   */
  void teardown(Framework framework, String why) {
    if (frameworks.remove(framework.id) == null) {
      return;
    }
    LOG.info("removing framework " + framework.id + ": " + why);
    framework.active = false;
    var held = new java.util.HashMap<Integer, Resources>();
    for (Task task : framework.tasks.values()) {
      Agent agent = agents.get(task.agentId);
      if (agent != null && agent.active) {
        held.merge(agent.index, task.resources, Resources::plus);
      }
    }
    core.removeFramework(framework.index, held, loop.now());
    persist();
    for (Task task : framework.tasks.values()) {
      Agent agent = agents.get(task.agentId);
      if (agent != null && agent.active) {
        if (task.latest != null && task.latest.hasUuid()) {
          // nobody will acknowledge the framework's last update now: the master does, so the agent sends the next
          agentCalls.acknowledge(agent.address, task.info.getTaskId(), task.latest.getUuid().toByteArray());
        }
        agentCalls.kill(agent.address, task.info.getTaskId(), task.info.hasKillPolicy()
            ? task.info.getKillPolicy() : null);
      }
    }
    if (framework.heartbeat != null) {
      framework.heartbeat.cancel(false);
    }
    if (framework.stream != null) {
      framework.stream.close();
    }
    framework.connected = false;
    completedFrameworks.put(framework.id, framework);
  }

  Framework frameworkOf(String frameworkId) {
    Framework f = frameworks.get(frameworkId);
    return f != null ? f : completedFrameworks.get(frameworkId);
  }

  /** Return the capabilities of {@code info} that the allocators look at (GPU_RESOURCES). */
  static Set<Capability> capabilities(FrameworkInfo info) {
    var out = EnumSet.noneOf(Capability.class);
    for (FrameworkInfo.Capability c : info.getCapabilitiesList()) {
      if (c.getType() == FrameworkInfo.Capability.Type.GPU_RESOURCES) {
        out.add(Capability.GPU_RESOURCES);
      }
    }
    return out;
  }

  /** Return the framework's role: its first {@code roles} entry, else the deprecated {@code role} (default *). */
  @SuppressWarnings("deprecation")
  static String roleOf(FrameworkInfo info) {
    return info.getRolesCount() > 0 ? info.getRoles(0) : info.getRole();
  }

  // ---- tasks and updates --------------------------------------------------------------------------------------

  /** Send an event to a framework if it is connected; events for a disconnected one are dropped, as in Mesos. */
  void send(Framework framework, Event event) {
    if (framework != null && framework.connected && framework.stream != null) {
      framework.stream.send(ProtoJson.print(event));
    }
  }

  /** A status the master makes itself (no uuid, so no acknowledgement): TASK_ERROR, TASK_LOST, reconciliation. */
  TaskStatus masterStatus(TaskID task, String agentId, TaskState state, TaskStatus.Reason reason, String message) {
    var status = TaskStatus.newBuilder().setTaskId(task).setState(state).setSource(TaskStatus.Source.SOURCE_MASTER)
        .setReason(reason).setMessage(message).setTimestamp(System.currentTimeMillis() / 1000.0);
    if (agentId != null) {
      status.setAgentId(AgentID.newBuilder().setValue(agentId));
    }
    return status.build();
  }

  void sendUpdate(Framework framework, TaskStatus status) {
    send(framework, Event.newBuilder().setType(Event.Type.UPDATE)
        .setUpdate(Event.Update.newBuilder().setStatus(status)).build());
  }

  /** Record a task's new status; a terminal one returns its resources to the allocator through the core. */
  void record(Task task, TaskStatus status) {
    task.latest = status;
    if (!status.hasUuid() || task.statuses.stream().noneMatch(s -> s.getUuid().equals(status.getUuid()))) {
      task.statuses.add(status);
    }
    if (task.ended) {
      return;
    }
    task.state = status.getState();
    metrics.count(status.getState());
    if (Entries.terminal(status.getState())) {
      task.ended = true;
      Agent agent = agents.get(task.agentId);
      Framework framework = frameworkOf(task.frameworkId);
      if (agent != null) {
        agent.tasks.remove(task.id());
        if (agent.active) {
          core.taskEnded(framework.index, agent.index, task.resources, loop.now());
        }
      }
      framework.tasks.remove(task.id());
      framework.completed.add(task);
    }
  }

  /** End a task the agent will never report on (agent gone, launch refused): TASK_LOST to the framework. */
  void lose(Task task, TaskStatus.Reason reason, String message) {
    if (task.ended) {
      return;
    }
    TaskStatus lost = masterStatus(task.info.getTaskId(), task.agentId, TaskState.TASK_LOST, reason, message);
    record(task, lost);
    sendUpdate(frameworkOf(task.frameworkId), lost);
  }

  // ---- agents -------------------------------------------------------------------------------------------------

  Agent addAgent(org.apache.mesos.v1.Protos.AgentInfo info, String address) {
    return admit(String.format(Locale.ROOT, "%s-S%d", id, agentSerial++), info, address, Map.of());
  }

  /**
   * Admit an agent under {@code agentId}: {@code used} maps framework ids to what its running tasks hold (an agent
   * of the registry re-registering after a master restart), as the SPI's addAgent takes them.
   */
  Agent admit(String agentId, org.apache.mesos.v1.Protos.AgentInfo info, String address,
              Map<String, Resources> used) {
    Resources total = MesosResources.toVector(info.getResourcesList());
    int index = core.registerAgent(agentId, total, used, loop.now());
    var agent = new Agent(agentId, index, info.toBuilder().setId(AgentID.newBuilder().setValue(agentId)).build(),
        total, address, System.currentTimeMillis() / 1000.0);
    agents.put(agentId, agent);
    while (agentsByIndex.size() <= index) {
      agentsByIndex.add(null);
    }
    agentsByIndex.set(index, agent);
    agent.lastHeartbeatMicros = loop.now();
    metrics.agentRegistrations++;
    recovering.remove(agentId);
    persist();
    return agent;
  }

  /** Remove an agent that stopped heartbeating: the core rescinds its offers; its tasks are LOST. */
  void removeAgent(Agent agent, String why) {
    if (!agent.active) {
      return;
    }
    LOG.info("removing agent " + agent.id + ": " + why);
    agent.active = false;
    metrics.agentRemovals++;
    core.removeAgent(agent.index, loop.now());
    for (Task task : new ArrayList<>(agent.tasks.values())) {
      lose(task, TaskStatus.Reason.REASON_AGENT_REMOVED, "Agent " + agent.id + " removed: " + why);
    }
    agent.tasks.clear();
    persist();
    for (Framework framework : frameworks.values()) {
      send(framework, Event.newBuilder().setType(Event.Type.FAILURE).setFailure(Event.Failure.newBuilder()
          .setAgentId(AgentID.newBuilder().setValue(agent.id))).build());
    }
  }

  MasterInfo masterInfo() {
    return MasterInfo.newBuilder().setId(id).setIp(ip == null ? 0 : ipv4(ip)).setPort(port).setHostname(hostname)
        .setVersion("1.11.0").setAddress(address(hostname, ip, port)).build();
  }

  /** Return an advertised address as Mesos' Address: the host name, its IP address when known, and the port. */
  private static Address address(String hostname, String ip, int port) {
    var address = Address.newBuilder().setHostname(hostname).setPort(port);
    if (ip != null) {
      address.setIp(ip);
    }
    return address.build();
  }

  private static int ipv4(String host) {
    String[] parts = host.split("\\.");
    if (parts.length != 4) {
      return 0;
    }
    int ip = 0;
    try {
      // Mesos' MasterInfo.ip is the address in network order read as a little-endian uint32
      for (int i = 3; i >= 0; i--) {
        ip = (ip << 8) | (Integer.parseInt(parts[i]) & 0xff);
      }
    } catch (NumberFormatException e) {
      return 0;
    }
    return ip;
  }
}
