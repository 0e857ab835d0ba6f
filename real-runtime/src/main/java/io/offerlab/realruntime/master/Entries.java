package io.offerlab.realruntime.master;

import io.offerlab.allocators.Resources;
import io.offerlab.realruntime.http.EventStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/** What the master knows of its frameworks, agents and tasks; read and written on the event loop only. */
final class Entries {
  private Entries() {
  }

  /** A subscribed framework. */
  static final class Framework {
    final String id;
    final int index;
    FrameworkInfo info;
    EventStream stream;
    String streamId;
    boolean connected;
    boolean active = true;
    ScheduledFuture<?> heartbeat;
    ScheduledFuture<?> failover;
    final double registeredTime;
    final Map<String, RealOffer> offers = new LinkedHashMap<>();
    final Map<String, Task> tasks = new LinkedHashMap<>();
    final List<Task> completed = new ArrayList<>();

    Framework(String id, int index, FrameworkInfo info, double registeredTime) {
      this.id = id;
      this.index = index;
      this.info = info;
      this.registeredTime = registeredTime;
    }
  }

  /** A registered agent. */
  static final class Agent {
    final String id;
    final int index;
    AgentInfo info;
    final Resources total;
    final String address;
    /** The IP address of the advertised host (the host itself, or what it resolved to), or null. */
    String ip;
    boolean active = true;
    long lastHeartbeatMicros;
    final double registeredTime;
    final Map<String, Task> tasks = new LinkedHashMap<>();

    Agent(String id, int index, AgentInfo info, Resources total, String address, double registeredTime) {
      this.id = id;
      this.index = index;
      this.info = info;
      this.total = total;
      this.address = address;
      this.registeredTime = registeredTime;
    }
  }

  /** A launched task. */
  static final class Task {
    final TaskInfo info;
    final String frameworkId;
    final String agentId;
    final Resources resources;
    TaskState state = TaskState.TASK_STAGING;
    TaskStatus latest;
    final List<TaskStatus> statuses = new ArrayList<>();
    boolean ended;

    Task(TaskInfo info, String frameworkId, String agentId, Resources resources) {
      this.info = info;
      this.frameworkId = frameworkId;
      this.agentId = agentId;
      this.resources = resources;
    }

    String id() {
      return info.getTaskId().getValue();
    }
  }

  /** Return whether a state is terminal, as Mesos' {@code protobuf::isTerminalState}. */
  static boolean terminal(TaskState state) {
    return switch (state) {
      case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE,
           TASK_GONE_BY_OPERATOR -> true;
      default -> false;
    };
  }
}
