package io.offerlab.realruntime.master;

import io.offerlab.simcore.master.Timer;
import io.offerlab.simcore.master.Timers;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The master's one thread: it owns the master core, the allocator and every registry, runs what the HTTP threads
 * hand it, and fires the core's timers. The wall clock drives it: time is microseconds since the master started, never
 * going back; a timer fires with the instant it was armed for, so the core sees exact multiples of the allocation
 * interval as the simulator does.
 */
final class EventLoop implements Timers, AutoCloseable {
  private static final Logger LOG = Logger.getLogger(EventLoop.class.getName());

  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "offerlab-master-loop");
    t.setDaemon(true);
    return t;
  });
  private final long startNanos = System.nanoTime();
  private long last;

  EventLoop() {
    executor.setRemoveOnCancelPolicy(true);
  }

  /** Return the current time in microseconds; call on the loop only. */
  long now() {
    long wall = (System.nanoTime() - startNanos) / 1_000;
    last = Math.max(last, wall);
    return last;
  }

  /** Run {@code work} on the loop. */
  void execute(Runnable work) {
    executor.execute(guarded(work));
  }

  /** Run {@code work} on the loop after {@code millis}. */
  ScheduledFuture<?> schedule(Runnable work, long millis) {
    return executor.schedule(guarded(work), Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /** Run {@code work} on the loop every {@code millis}. */
  ScheduledFuture<?> every(Runnable work, long millis) {
    return executor.scheduleWithFixedDelay(guarded(work), millis, millis, TimeUnit.MILLISECONDS);
  }

  private static Runnable guarded(Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "master event loop: unexpected failure", e);
      }
    };
  }

  @Override
  public Timer cycleTimer(LongConsumer action) {
    return new LoopTimer(action);
  }

  @Override
  public Timer offerTimeoutTimer(LongConsumer action) {
    return new LoopTimer(action);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** A core timer: armed for one instant, it runs its action on the loop with that instant. */
  private final class LoopTimer implements Timer {
    private final LongConsumer action;
    private ScheduledFuture<?> pending;
    private long time;

    LoopTimer(LongConsumer action) {
      this.action = action;
    }

    @Override
    public boolean isScheduled() {
      return pending != null;
    }

    @Override
    public long time() {
      return time;
    }

    @Override
    public void set(long timeMicros) {
      if (pending != null) {
        pending.cancel(false);
      }
      time = timeMicros;
      long delayMicros = timeMicros - now();
      ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
      self[0] = executor.schedule(guarded(() -> {
        if (pending != self[0]) {
          return;
        }
        pending = null;
        last = Math.max(last, timeMicros);
        action.accept(timeMicros);
      }), Math.max(0, delayMicros), TimeUnit.MICROSECONDS);
      pending = self[0];
    }
  }
}
