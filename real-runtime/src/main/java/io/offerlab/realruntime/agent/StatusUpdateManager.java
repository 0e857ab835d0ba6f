package io.offerlab.realruntime.agent;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskStatus;

/**
 * Reliable, ordered status updates, as Mesos' agent status update manager sends them
 * ({@code src/slave/task_status_update_manager.cpp}): per task, updates go out in order and the next one only after
 * the previous one was acknowledged; an unacknowledged update is resent after 10 s, then after twice as long each time,
 * up to 10 min ({@code STATUS_UPDATE_RETRY_INTERVAL_MIN/MAX}).
 */
public final class StatusUpdateManager {
  /** Where updates go: the master. */
  public interface Sender {
    /** Send one update; failures are retried by the manager. */
    void send(FrameworkID frameworkId, TaskStatus status);
  }

  private final Sender sender;
  private final ScheduledExecutorService timer;
  private final Duration minRetry;
  private final Duration maxRetry;
  private final Map<String, Stream> streams = new HashMap<>();

  /** Create a manager that sends with {@code sender} and retries on {@code timer}. */
  public StatusUpdateManager(Sender sender, ScheduledExecutorService timer, Duration minRetry, Duration maxRetry) {
    this.sender = sender;
    this.timer = timer;
    this.minRetry = minRetry;
    this.maxRetry = maxRetry;
  }

  /** Queue an update (it must carry a uuid); it is sent now when no earlier update of its task waits. */
  public synchronized void update(FrameworkID frameworkId, TaskStatus status) {
    Stream stream = streams.computeIfAbsent(status.getTaskId().getValue(), k -> new Stream(frameworkId));
    stream.pending.add(status);
    if (stream.pending.size() == 1) {
      sendHead(stream, minRetry);
    }
  }

  /** Handle an acknowledgement; returns false when it does not match the update waiting for one. */
  public synchronized boolean acknowledge(String taskId, ByteString uuid) {
    Stream stream = streams.get(taskId);
    if (stream == null || stream.pending.isEmpty() || !stream.pending.peek().getUuid().equals(uuid)) {
      return false;
    }
    stream.pending.poll();
    if (stream.retry != null) {
      stream.retry.cancel(false);
    }
    if (stream.pending.isEmpty()) {
      streams.remove(taskId);
    } else {
      sendHead(stream, minRetry);
    }
    return true;
  }

  /** Resend every update waiting for an acknowledgement now, keeping their order (after re-registration). */
  public synchronized void resendAll() {
    for (Stream stream : streams.values()) {
      if (stream.retry != null) {
        stream.retry.cancel(false);
      }
      sendHead(stream, minRetry);
    }
  }

  /** Return whether an update of the task still waits for an acknowledgement. */
  public synchronized boolean pending(String taskId) {
    return streams.containsKey(taskId);
  }

  /** Return the updates still waiting to be acknowledged, per task in order. */
  public synchronized List<TaskStatus> unacknowledged() {
    var all = new ArrayList<TaskStatus>();
    streams.values().forEach(s -> all.addAll(s.pending));
    return all;
  }

  private void sendHead(Stream stream, Duration delay) {
    TaskStatus head = stream.pending.peek();
    sender.send(stream.frameworkId, head);
    Duration next = delay.multipliedBy(2).compareTo(maxRetry) > 0 ? maxRetry : delay.multipliedBy(2);
    stream.retry = timer.schedule(() -> retry(stream, head, next), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void retry(Stream stream, TaskStatus head, Duration next) {
    if (stream.pending.peek() == head) {
      sendHead(stream, next);
    }
  }

  private static final class Stream {
    final FrameworkID frameworkId;
    final ArrayDeque<TaskStatus> pending = new ArrayDeque<>();
    ScheduledFuture<?> retry;

    Stream(FrameworkID frameworkId) {
      this.frameworkId = frameworkId;
    }
  }
}
