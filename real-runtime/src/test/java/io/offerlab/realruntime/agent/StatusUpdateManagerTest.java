package io.offerlab.realruntime.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Acknowledgements (ARCHITECTURE.md 7.1): an unacknowledged update is resent with a doubling interval, and a task's
 * next update waits until the previous one is acknowledged. Intervals are scaled down from Mesos' 10 s / 10 min.
 */
class StatusUpdateManagerTest {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<Sent> sent = new ArrayList<>();

  private record Sent(long nanos, TaskStatus status) {
  }

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  private static TaskStatus status(String task, TaskState state, int uuid) {
    return TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue(task)).setState(state)
        .setUuid(ByteString.copyFrom(new byte[] {(byte) uuid})).build();
  }

  private synchronized List<Sent> sent() {
    return new ArrayList<>(sent);
  }

  @Test
  void unacknowledgedUpdateIsResentWithBackoffAndTheNextWaitsForTheAck() throws Exception {
    var manager = new StatusUpdateManager((fw, s) -> {
      synchronized (this) {
        sent.add(new Sent(System.nanoTime(), s));
      }
    }, timer, Duration.ofMillis(100), Duration.ofMillis(400));
    FrameworkID fw = FrameworkID.newBuilder().setValue("f").build();
    TaskStatus running = status("t", TaskState.TASK_RUNNING, 1);
    TaskStatus finished = status("t", TaskState.TASK_FINISHED, 2);
    manager.update(fw, running);
    manager.update(fw, finished);
    Thread.sleep(1_000);
    List<Sent> before = sent();
    assertTrue(before.stream().allMatch(s -> s.status().equals(running)), "FINISHED waits for RUNNING's ack");
    // sent at 0, resent after 100, 200 and then every 400 ms (the cap): about 0, 100, 300, 700 ms
    assertTrue(before.size() >= 4 && before.size() <= 5, "sends in the first second: " + before.size());
    long gap1 = before.get(2).nanos() - before.get(1).nanos();
    long gap0 = before.get(1).nanos() - before.get(0).nanos();
    assertTrue(gap1 > gap0 * 3 / 2, "the interval doubles: " + gap0 + " then " + gap1);

    assertFalse(manager.acknowledge("t", ByteString.copyFrom(new byte[] {9})), "a stale uuid acknowledges nothing");
    assertTrue(manager.acknowledge("t", running.getUuid()));
    Thread.sleep(50);
    List<Sent> after = sent();
    assertEquals(finished, after.get(before.size()).status(), "the next update goes out on the ack");
    assertTrue(manager.acknowledge("t", finished.getUuid()));
    assertEquals(List.of(), manager.unacknowledged());
    int total = sent().size();
    Thread.sleep(300);
    assertEquals(total, sent().size(), "nothing is resent after the last ack");
  }

  @Test
  void tasksDoNotWaitForEachOther() {
    var got = new ArrayList<TaskStatus>();
    var manager = new StatusUpdateManager((fw, s) -> got.add(s), timer, Duration.ofSeconds(10), Duration.ofMinutes(10));
    FrameworkID fw = FrameworkID.newBuilder().setValue("f").build();
    manager.update(fw, status("a", TaskState.TASK_RUNNING, 1));
    manager.update(fw, status("b", TaskState.TASK_RUNNING, 2));
    assertEquals(2, got.size());
  }
}
