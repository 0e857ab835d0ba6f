package io.offerlab.realruntime.master;

import io.offerlab.allocators.Resources;
import io.offerlab.realruntime.master.Entries.Agent;
import io.offerlab.realruntime.master.Entries.Framework;
import io.offerlab.realruntime.master.Entries.Task;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.mesos.v1.Protos.TaskState;

/**
 * One sample of the cluster for {@code /metrics/history}: the active agents' total, what running tasks use and what
 * outstanding offers hold (as Mesos' {@code master/cpus_total}, {@code _used} and the allocator's offered), and each
 * live framework's dominant share of (used + offered) over the total, as Mesos' DRF sorter counts allocations
 * (Ghodsi et al., NSDI 2011).
 *
 * @param time seconds since the epoch
 * @param agents active agents
 * @param tasksRunning tasks in TASK_RUNNING on active agents
 * @param total the active agents' resources
 * @param used what tasks on active agents hold
 * @param offered what outstanding offers hold
 * @param shares framework id to dominant share, in subscription order
 */
record MetricsSample(double time, int agents, int tasksRunning, Resources total, Resources used, Resources offered,
                     Map<String, Double> shares) {
  /** Copy the shares so a sample never changes. */
  MetricsSample {
    shares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shares));
  }

  /** Take a sample of {@code master} now; call on the event loop. */
  static MetricsSample of(Master master, double time) {
    Resources total = total(master);
    Resources used = Resources.EMPTY;
    int agents = 0;
    int running = 0;
    for (Agent agent : master.agents.values()) {
      if (agent.active) {
        agents++;
        for (Task task : agent.tasks.values()) {
          used = used.plus(task.resources);
          running += task.state == TaskState.TASK_RUNNING ? 1 : 0;
        }
      }
    }
    Resources offered = Resources.EMPTY;
    for (RealOffer offer : master.offers.values()) {
      offered = offered.plus(offer.resources());
    }
    var shares = new LinkedHashMap<String, Double>();
    for (Framework framework : master.frameworks.values()) {
      shares.put(framework.id, dominantShare(master, framework, total));
    }
    return new MetricsSample(time, agents, running, total, used.scalars(), offered.scalars(), shares);
  }

  /** Return the active agents' total scalar resources. */
  static Resources total(Master master) {
    Resources total = Resources.EMPTY;
    for (Agent agent : master.agents.values()) {
      if (agent.active) {
        total = total.plus(agent.total);
      }
    }
    return total.scalars();
  }

  /** Return a framework's dominant share of {@code total}: its running tasks on active agents plus its offers. */
  static double dominantShare(Master master, Framework framework, Resources total) {
    Resources held = Resources.EMPTY;
    for (Task task : framework.tasks.values()) {
      Agent agent = master.agents.get(task.agentId);
      if (agent != null && agent.active) {
        held = held.plus(task.resources);
      }
    }
    for (RealOffer offer : framework.offers.values()) {
      held = held.plus(offer.resources());
    }
    return held.scalars().dominantShare(total);
  }
}
