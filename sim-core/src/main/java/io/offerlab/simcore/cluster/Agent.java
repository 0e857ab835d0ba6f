package io.offerlab.simcore.cluster;

import io.offerlab.allocators.Resources;
import io.offerlab.isolationmodel.AgentModel;
import io.offerlab.isolationmodel.CpuIsolation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A simulated Mesos agent: its resources and the tasks it runs (the allocator keeps its free resources, and its
 * outstanding offers are with their frameworks). On every task start, end or usage change it re-solves the cgroups
 * fluid model ({@link AgentModel}) and moves each task whose CPU rate
 * changed to its new finish time, so execution is exact with no time stepping.
 */
final class Agent {
  final String id;
  /** The agent's position in the cluster (and in the master's agent list). */
  final int index;
  final Resources total;
  final long totalCpus;
  final long totalMem;
  final long totalDisk;
  final long totalGpus;
  final AgentModel model;
  final boolean quota;
  final List<TaskRun> tasks = new ArrayList<>();
  final AgentTransition transition;
  private boolean up = true;

  Agent(String id, int index, Resources total, AgentModel model, SplittableRandom random, AgentChanges changes) {
    this.id = id;
    this.index = index;
    this.total = total;
    this.totalCpus = Milli.of(total.cpus());
    this.totalMem = Milli.of(total.memMb());
    this.totalDisk = Milli.of(total.diskMb());
    this.totalGpus = Milli.of(total.gpus());
    this.model = model;
    this.quota = model.config().cpu() == CpuIsolation.QUOTA;
    this.transition = new AgentTransition(this, random, changes);
  }

  /** Returns whether the agent is up (it has not failed, or it rejoined). */
  boolean up() {
    return up;
  }

  void setUp(boolean value) {
    up = value;
  }

  void addTask(TaskRun task) {
    task.setAgentSlot(tasks.size());
    tasks.add(task);
  }

  void removeTask(TaskRun task) {
    int slot = task.agentSlot();
    TaskRun last = tasks.remove(tasks.size() - 1);
    if (last != task) {
      tasks.set(slot, last);
      last.setAgentSlot(slot);
    }
    task.setAgentSlot(-1);
  }

  /**
   * Solves the CPU model for the running tasks and applies the new rates. When the tasks' caps (demand, and quota
   * under {@code cpu: quota}) fit in the agent's cores, water-filling gives every task its cap, so the solver is
   * skipped.
   */
  void refreshRates(long now, Scratch scratch) {
    int n = tasks.size();
    if (n == 0) {
      return;
    }
    scratch.ensure(n);
    double sumCaps = 0;
    for (int i = 0; i < n; i++) {
      TaskRun t = tasks.get(i);
      double cap = quota ? Math.min(t.demand, t.quotaCores) : t.demand;
      scratch.rates[i] = cap;
      sumCaps += cap;
    }
    if (sumCaps > model.cores()) {
      for (int i = 0; i < n; i++) {
        TaskRun t = tasks.get(i);
        scratch.shares[i] = t.shares;
        scratch.quota[i] = t.quotaCores;
        scratch.demand[i] = t.demand;
      }
      model.solve(n, scratch.shares, scratch.quota, scratch.demand, scratch.rates);
    }
    for (int i = 0; i < n; i++) {
      TaskRun t = tasks.get(i);
      t.setRate(now, scratch.rates[i]);
    }
  }

  /** Reusable arrays for the solver, shared by every agent of a simulation. */
  static final class Scratch {
    long[] shares = new long[16];
    double[] quota = new double[16];
    double[] demand = new double[16];
    double[] rates = new double[16];

    void ensure(int n) {
      if (rates.length < n) {
        int size = Math.max(n, rates.length * 2);
        shares = new long[size];
        quota = new double[size];
        demand = new double[size];
        rates = new double[size];
      }
    }
  }
}
