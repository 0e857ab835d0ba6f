package io.offerlab.jmh;

import io.offerlab.simcore.engine.Engine;
import io.offerlab.simcore.engine.Event;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classic hold model of event-list studies (Jones, CACM 1986; Vaucher and Duval, CACM 1975): {@code size}
 * events wait; one op pops the earliest and pushes a new one at its time plus an exponential delay of mean 1 s
 * (10^6 us). {@link #engine} runs it on sim-core's {@link Engine}, each event rescheduling itself when it fires;
 * {@link #primitiveHeap} on a plain binary min-heap written here: parallel {@code long} times and {@code int} event
 * ids, a pop (last to root, sift down) then a push (append, sift up), with no tie-break and no cancel support: the
 * floor the engine is compared with.
 *
 * <p>Both draw their delays from the same precomputed ring of seeded exponential samples, so the random-number
 * cost is out of the comparison. JMH classes cannot be final.
 *
 * <p>How to run: {@code java -jar jmh/target/benchmarks.jar EventQueueBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class EventQueueBenchmark {
  private static final int RING = 1 << 16;
  private static final long MEAN_DELAY_MICROS = 1_000_000;

  /** Number of pending events. */
  @Param({"1000", "100000", "1000000"})
  public int size;

  private long[] delays;
  private int next;

  /** Draws the ring of exponential delays. */
  @Setup(Level.Trial)
  public void drawDelays() {
    SplittableRandom random = new SplittableRandom(AllocatorType.SEED);
    delays = new long[RING];
    for (int i = 0; i < RING; i++) {
      delays[i] = 1 + (long) (-Math.log(1 - random.nextDouble()) * MEAN_DELAY_MICROS);
    }
  }

  long delay() {
    long d = delays[next];
    next = (next + 1) & (RING - 1);
    return d;
  }

  /** The hold model on the engine: each event, when it fires, schedules itself again. */
  @State(Scope.Thread)
  public static class EngineQueue {
    Engine engine;

    /** Schedules {@code size} self-rescheduling events. */
    @Setup(Level.Trial)
    public void fill(EventQueueBenchmark bench) {
      engine = new Engine();
      for (int i = 0; i < bench.size; i++) {
        engine.schedule(new Hold(engine, bench), bench.delay());
      }
    }
  }

  /** An event that reschedules itself one exponential delay later. */
  static final class Hold extends Event {
    private final Engine engine;
    private final EventQueueBenchmark bench;

    Hold(Engine engine, EventQueueBenchmark bench) {
      this.engine = engine;
      this.bench = bench;
    }

    @Override
    protected void fire() {
      engine.schedule(this, engine.now() + bench.delay());
    }
  }

  /** The hold model on a plain binary min-heap of (time, id) pairs. */
  @State(Scope.Thread)
  public static class PrimitiveHeap {
    long[] times;
    int[] ids;
    int count;

    /** Pushes {@code size} events. */
    @Setup(Level.Trial)
    public void fill(EventQueueBenchmark bench) {
      times = new long[bench.size];
      ids = new int[bench.size];
      count = 0;
      for (int i = 0; i < bench.size; i++) {
        push(bench.delay(), i);
      }
    }

    void push(long time, int id) {
      int slot = count++;
      while (slot > 0) {
        int parent = (slot - 1) >>> 1;
        if (times[parent] <= time) {
          break;
        }
        times[slot] = times[parent];
        ids[slot] = ids[parent];
        slot = parent;
      }
      times[slot] = time;
      ids[slot] = id;
    }

    /** Removes the earliest entry, leaving its time in {@code times[count]} and its id in {@code ids[count]}. */
    void pop() {
      long minTime = times[0];
      int minId = ids[0];
      long lastTime = times[--count];
      int lastId = ids[count];
      int slot = 0;
      int half = count >>> 1;
      while (slot < half) {
        int child = 2 * slot + 1;
        if (child + 1 < count && times[child + 1] < times[child]) {
          child++;
        }
        if (lastTime <= times[child]) {
          break;
        }
        times[slot] = times[child];
        ids[slot] = ids[child];
        slot = child;
      }
      times[slot] = lastTime;
      ids[slot] = lastId;
      times[count] = minTime;
      ids[count] = minId;
    }
  }

  /** Fires the earliest event, which schedules its successor. */
  @Benchmark
  public long engine(EngineQueue queue) {
    queue.engine.step();
    return queue.engine.now();
  }

  /** Pops the earliest event and pushes its successor. */
  @Benchmark
  public long primitiveHeap(PrimitiveHeap queue) {
    queue.pop();
    long now = queue.times[queue.count];
    queue.push(now + delay(), queue.ids[queue.count]);
    return now;
  }
}
