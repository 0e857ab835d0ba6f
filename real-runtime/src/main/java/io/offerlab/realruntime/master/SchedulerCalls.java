package io.offerlab.realruntime.master;

import io.offerlab.allocators.Resources;
import io.offerlab.realruntime.master.Entries.Agent;
import io.offerlab.realruntime.master.Entries.Framework;
import io.offerlab.realruntime.master.Entries.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * What the master does with each accepted scheduler call of a subscribed framework (Mesos' {@code Master::accept},
 * {@code decline}, {@code kill}, {@code acknowledge}, {@code reconcile}): offers and filters go through the core;
 * launches are validated as Mesos validates them ({@code src/master/validation.cpp}: known offers of this framework on
 * one agent, unique task ids, resources within the offers, command tasks) and an invalid task gets TASK_ERROR.
 */
final class SchedulerCalls {
  private final Master master;

  SchedulerCalls(Master master) {
    this.master = master;
  }

  void handle(Framework framework, Call call) {
    long now = master.loop.now();
    switch (call.getType()) {
      case ACCEPT -> accept(framework, call.getAccept());
      case DECLINE -> {
        double refuse = call.getDecline().getFilters().getRefuseSeconds();
        for (OfferID id : call.getDecline().getOfferIdsList()) {
          RealOffer offer = master.takeOffer(framework, id.getValue());
          if (offer != null) {
            master.metrics.offersDeclined++;
            master.core.decline(offer, refuse, now);
          }
        }
      }
      case REVIVE -> master.core.revive(framework.index, now);
      case SUPPRESS -> master.core.suppress(framework.index, now);
      case KILL -> kill(framework, call.getKill());
      case ACKNOWLEDGE -> acknowledge(call.getAcknowledge());
      case RECONCILE -> reconcile(framework, call.getReconcile());
      case TEARDOWN -> master.teardown(framework, "TEARDOWN");
      default -> { } // REQUEST, MESSAGE, SHUTDOWN and the operator calls do nothing here
    }
  }

  private void accept(Framework framework, Call.Accept accept) {
    long now = master.loop.now();
    double refuse = accept.getFilters().getRefuseSeconds();
    List<RealOffer> taken = new ArrayList<>();
    String offerError = null;
    for (OfferID id : accept.getOfferIdsList()) {
      RealOffer offer = master.takeOffer(framework, id.getValue());
      if (offer == null) {
        offerError = "Offer " + id.getValue() + " is no longer valid";
      } else if (!taken.isEmpty() && offer.agentIndex() != taken.get(0).agentIndex()) {
        offerError = "Aggregated offers must belong to one single agent";
        taken.add(offer);
      } else {
        taken.add(offer);
      }
    }
    if (accept.getOfferIdsCount() == 0) {
      offerError = "No offers specified";
    }
    if (offerError != null) {
      for (RealOffer offer : taken) {
        master.core.decline(offer, 0, now);
      }
      for (Offer.Operation op : accept.getOperationsList()) {
        for (TaskInfo task : op.getLaunch().getTaskInfosList()) {
          error(framework, task, TaskStatus.Reason.REASON_INVALID_OFFERS, offerError);
        }
      }
      return;
    }
    master.metrics.offersAccepted += taken.size();
    Agent agent = master.agentsByIndex.get(taken.get(0).agentIndex());
    Resources remaining = Resources.EMPTY;
    for (RealOffer offer : taken) {
      remaining = remaining.plus(offer.resources());
    }
    Resources used = Resources.EMPTY;
    Set<String> launching = new HashSet<>();
    for (Offer.Operation op : accept.getOperationsList()) {
      if (op.getType() != Offer.Operation.Type.LAUNCH) {
        continue;
      }
      for (TaskInfo task : op.getLaunch().getTaskInfosList()) {
        Resources need = MesosResources.toVector(task.getResourcesList());
        String error = validate(framework, agent, task, need, remaining, launching);
        if (error != null) {
          error(framework, task, TaskStatus.Reason.REASON_TASK_INVALID, error);
          continue;
        }
        launching.add(task.getTaskId().getValue());
        remaining = remaining.minus(need);
        used = used.plus(need);
        launch(framework, agent, task, need);
      }
    }
    // the core gives back what the launches did not use, declined with the accept's filter
    for (RealOffer offer : taken) {
      Resources part = offer.resources().min(used);
      used = used.minus(part);
      master.core.accept(offer, part, refuse, now);
    }
  }

  private String validate(Framework framework, Agent agent, TaskInfo task, Resources need, Resources remaining,
                          Set<String> launching) {
    String id = task.getTaskId().getValue();
    if (framework.tasks.containsKey(id) || launching.contains(id)) {
      return "Task has duplicate ID: " + id;
    }
    if (!task.getAgentId().getValue().equals(agent.id)) {
      return "Agent " + task.getAgentId().getValue() + " is invalid: the offers are on agent " + agent.id;
    }
    if (!task.hasCommand() || task.hasExecutor()) {
      return "Offerlab agents run command tasks only: expected 'command' and no 'executor'";
    }
    if (need.isEmpty()) {
      return "Task uses no resources";
    }
    if (!remaining.contains(need)) {
      return "Task uses more resources " + need + " than available " + remaining;
    }
    return null;
  }

  private void error(Framework framework, TaskInfo task, TaskStatus.Reason reason, String message) {
    master.metrics.count(TaskState.TASK_ERROR);
    master.sendUpdate(framework, master.masterStatus(task.getTaskId(), task.getAgentId().getValue(),
        TaskState.TASK_ERROR, reason, message));
  }

  private void launch(Framework framework, Agent agent, TaskInfo task, Resources need) {
    var entry = new Task(task, framework.id, agent.id, need);
    framework.tasks.put(entry.id(), entry);
    agent.tasks.put(entry.id(), entry);
    master.metrics.count(TaskState.TASK_STAGING);
    master.agentCalls.launch(agent.address, FrameworkID.newBuilder().setValue(framework.id).build(), task)
        .thenAccept(code -> master.loop.execute(() -> {
          if (code != 202) {
            master.lose(entry, TaskStatus.Reason.REASON_AGENT_REMOVED,
                "Agent " + agent.id + " did not take the task (HTTP " + code + ")");
          }
        }));
  }

  private void kill(Framework framework, Call.Kill kill) {
    Task task = framework.tasks.get(kill.getTaskId().getValue());
    if (task == null) {
      master.sendUpdate(framework, master.masterStatus(kill.getTaskId(),
          kill.hasAgentId() ? kill.getAgentId().getValue() : null, TaskState.TASK_LOST,
          TaskStatus.Reason.REASON_RECONCILIATION, "Attempted to kill an unknown task"));
      return;
    }
    Agent agent = master.agents.get(task.agentId);
    KillPolicy policy = kill.hasKillPolicy() ? kill.getKillPolicy()
        : task.info.hasKillPolicy() ? task.info.getKillPolicy() : null;
    master.agentCalls.kill(agent.address, task.info.getTaskId(), policy);
  }

  private void acknowledge(Call.Acknowledge ack) {
    Agent agent = master.agents.get(ack.getAgentId().getValue());
    if (agent != null && agent.active) {
      master.metrics.validAcknowledgements++;
      master.agentCalls.acknowledge(agent.address, ack.getTaskId(), ack.getUuid().toByteArray());
    }
  }

  private void reconcile(Framework framework, Call.Reconcile reconcile) {
    if (reconcile.getTasksCount() == 0) {
      for (Task task : framework.tasks.values()) {
        master.sendUpdate(framework, reconciled(task));
      }
      return;
    }
    for (Call.Reconcile.Task asked : reconcile.getTasksList()) {
      Task task = framework.tasks.get(asked.getTaskId().getValue());
      master.sendUpdate(framework, task != null ? reconciled(task)
          : master.masterStatus(asked.getTaskId(), asked.hasAgentId() ? asked.getAgentId().getValue() : null,
              TaskState.TASK_LOST, TaskStatus.Reason.REASON_RECONCILIATION, "Reconciliation: task is unknown"));
    }
  }

  private TaskStatus reconciled(Task task) {
    return master.masterStatus(task.info.getTaskId(), task.agentId, task.state,
        TaskStatus.Reason.REASON_RECONCILIATION, "Reconciliation: latest task state");
  }
}
