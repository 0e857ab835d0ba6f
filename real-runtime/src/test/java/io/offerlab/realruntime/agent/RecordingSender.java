package io.offerlab.realruntime.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;

/** A stand-in for the master in agent tests: records every update sent and acknowledges it from another thread. */
final class RecordingSender implements StatusUpdateManager.Sender {
  private final List<TaskStatus> sent = new ArrayList<>();
  private final ExecutorService acker = Executors.newSingleThreadExecutor();
  private volatile Consumer<TaskStatus> ack = s -> { };

  void ackWith(Consumer<TaskStatus> ack) {
    this.ack = ack;
  }

  @Override
  public synchronized void send(FrameworkID frameworkId, TaskStatus status) {
    sent.add(status);
    notifyAll();
    acker.execute(() -> ack.accept(status));
  }

  synchronized List<TaskStatus> sent() {
    return new ArrayList<>(sent);
  }

  synchronized List<TaskState> states(String taskId) {
    return sent.stream().filter(s -> s.getTaskId().getValue().equals(taskId)).map(TaskStatus::getState).distinct()
        .toList();
  }

  /** Wait for a terminal update of the task and return it. */
  synchronized TaskStatus awaitTerminal(String taskId, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (TaskStatus s : sent) {
        if (s.getTaskId().getValue().equals(taskId) && terminal(s.getState())) {
          return s;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no terminal update for " + taskId + " within " + timeout + "; sent: " + states(taskId));
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  synchronized void awaitState(String taskId, TaskState state, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!states(taskId).contains(state)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + state + " for " + taskId + "; sent: " + states(taskId));
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  static boolean terminal(TaskState state) {
    return switch (state) {
      case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_LOST, TASK_DROPPED, TASK_GONE -> true;
      default -> false;
    };
  }

  void close() {
    acker.shutdownNow();
  }
}
