package io.offerlab.realruntime.master;

import java.util.EnumMap;
import java.util.Map;
import org.apache.mesos.v1.Protos.TaskState;

/** The master's counters, named in {@code /metrics/snapshot} as Mesos names them ({@code src/master/metrics.cpp}). */
final class Metrics {
  final Map<TaskState, Long> statesReached = new EnumMap<>(TaskState.class);
  long offersSent;
  long offersRescinded;
  long offersDeclined;
  long offersAccepted;
  long agentRegistrations;
  long agentReregistrations;
  long agentRemovals;
  long validStatusUpdates;
  long invalidStatusUpdates;
  long validAcknowledgements;

  void count(TaskState state) {
    statesReached.merge(state, 1L, Long::sum);
  }

  long reached(TaskState state) {
    return statesReached.getOrDefault(state, 0L);
  }
}
