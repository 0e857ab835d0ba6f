package io.offerlab.simcore.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The engine's contract: exact ordering, refusals, reusable events, and an allocation-free loop. */
class EngineTest {
  /** An event that records when it fired. */
  private static final class Probe extends Event {
    final String name;
    final List<String> log;
    final Engine engine;

    Probe(Engine engine, String name, int priority, List<String> log) {
      super(priority);
      this.engine = engine;
      this.name = name;
      this.log = log;
    }

    @Override
    protected void fire() {
      log.add(name + "@" + engine.now());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Events fire by time, then priority, then the order they were scheduled in. */
  @Test
  void ordersByTimeThenPriorityThenInsertion() {
    Engine engine = new Engine();
    List<String> log = new ArrayList<>();
    engine.schedule(new Probe(engine, "late", 0, log), 20);
    engine.schedule(new Probe(engine, "b", 0, log), 10);
    engine.schedule(new Probe(engine, "tick", 1, log), 10);
    engine.schedule(new Probe(engine, "c", 0, log), 10);
    engine.schedule(new Probe(engine, "first", -1, log), 10);
    engine.schedule(new Probe(engine, "a", 0, log), 5);
    engine.run();
    assertEquals(List.of("a@5", "first@10", "b@10", "c@10", "tick@10", "late@20"), log);
    assertEquals(6, engine.eventsProcessed());
    assertEquals(20, engine.now());
  }

  @Test
  void refusesSchedulingInThePast() {
    Engine engine = new Engine();
    List<String> log = new ArrayList<>();
    engine.schedule(new Probe(engine, "x", 0, log), 100);
    engine.run();
    var e = assertThrows(IllegalArgumentException.class, () -> engine.schedule(new Probe(engine, "y", 0, log), 99));
    assertTrue(e.getMessage().contains("in the past"), e.getMessage());
  }

  @Test
  void refusesSchedulingAnEventTwice() {
    Engine engine = new Engine();
    Probe p = new Probe(engine, "p", 0, new ArrayList<>());
    engine.schedule(p, 10);
    var e = assertThrows(IllegalStateException.class, () -> engine.schedule(p, 20));
    assertTrue(e.getMessage().contains("already scheduled"), e.getMessage());
  }

  /** Reschedule moves a waiting event; cancel removes it; a fired event can be scheduled again. */
  @Test
  void reusableEventsCanBeMovedCancelledAndReused() {
    Engine engine = new Engine();
    List<String> log = new ArrayList<>();
    Probe p = new Probe(engine, "p", 0, log);
    Probe q = new Probe(engine, "q", 0, log);
    engine.schedule(p, 50);
    engine.schedule(q, 40);
    engine.reschedule(p, 30);
    assertEquals(30, p.scheduledTime());
    assertTrue(engine.cancel(q));
    assertFalse(engine.cancel(q));
    engine.run();
    engine.schedule(p, 70);
    engine.run();
    assertEquals(List.of("p@30", "p@70"), log);
    assertFalse(p.isScheduled());
  }

  @Test
  void enginesAreIndependentObjects() {
    Engine one = new Engine();
    Engine two = new Engine();
    List<String> log = new ArrayList<>();
    one.schedule(new Probe(one, "one", 0, log), 5);
    two.schedule(new Probe(two, "two", 0, log), 3);
    one.run();
    assertEquals(5, one.now());
    assertEquals(0, two.now());
    assertEquals(1, two.size());
  }

  /** Property: any mix of schedules, moves and cancels fires exactly the remaining events in (time, priority, seq). */
  @Property(tries = 200)
  void firesInTheSameOrderAsASortedReference(@ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 40) Integer> times,
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = -1, max = 1) Integer> priorities,
      @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 59) Integer> moves) {
    Engine engine = new Engine();
    List<String> log = new ArrayList<>();
    List<Probe> probes = new ArrayList<>();
    record Expected(long time, int priority, long seq, String name) {}
    List<Expected> expected = new ArrayList<>();
    long seq = 0;
    for (int i = 0; i < times.size(); i++) {
      int priority = priorities.get(i % priorities.size());
      Probe p = new Probe(engine, "e" + i, priority, log);
      probes.add(p);
      engine.schedule(p, times.get(i));
      expected.add(new Expected(times.get(i), priority, seq++, p.name));
    }
    for (int m = 0; m < moves.size(); m++) {
      int index = moves.get(m) % probes.size();
      Probe p = probes.get(index);
      expected.removeIf(e -> e.name().equals(p.name));
      if (m % 3 == 0) {
        engine.cancel(p);
      } else {
        long time = (m * 7L) % 45;
        engine.reschedule(p, time);
        expected.add(new Expected(time, p.priority(), seq++, p.name));
      }
    }
    engine.run();
    expected.sort(Comparator.comparingLong(Expected::time).thenComparingInt(Expected::priority)
        .thenComparingLong(Expected::seq));
    List<String> want = expected.stream().map(e -> e.name() + "@" + e.time()).toList();
    assertEquals(want, log);
  }

  /**
   * Many more moves and cancels than waiting events (so that stale entries are dropped and the heap is rebuilt), with
   * cancelled events scheduled again (so that handles are reused) and steps in between: the engine fires exactly what
   * a sorted reference of the live schedules says, and its size and scheduled times agree with it.
   */
  @Test
  void staleEntriesOfMovedAndCancelledEventsNeverFire() {
    checkAgainstReference(300, 20_000, 7);
  }

  /**
   * Thousands of events waiting at once, so that the handle space grows several times and the live entries are
   * renumbered each time, between moves, cancels and steps: the order is still exactly the reference's.
   */
  @Test
  void renumberingWhenHandlesGrowKeepsTheOrder() {
    checkAgainstReference(5_000, 40_000, 11);
  }

  private static void checkAgainstReference(int probeCount, int ops, long seed) {
    Engine engine = new Engine();
    List<String> log = new ArrayList<>();
    List<Probe> probes = new ArrayList<>();
    record Live(long time, int priority, long seq, String name) {}
    java.util.Map<String, Live> live = new java.util.HashMap<>();
    List<String> want = new ArrayList<>();
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    for (int i = 0; i < probeCount; i++) {
      probes.add(new Probe(engine, "e" + i, random.nextInt(-2, 3), log));
    }
    long seq = 0;
    for (int op = 0; op < ops; op++) {
      Probe p = probes.get(random.nextInt(probes.size()));
      int kind = random.nextInt(10);
      if (kind < 2) {
        assertEquals(live.remove(p.name) != null, engine.cancel(p));
      } else if (kind < 9) {
        long time = engine.now() + random.nextInt(1000);
        engine.reschedule(p, time);
        live.put(p.name, new Live(time, p.priority(), seq++, p.name));
        assertEquals(time, p.scheduledTime());
      } else {
        Live next = live.values().stream().min(Comparator.comparingLong(Live::time).thenComparingInt(Live::priority)
            .thenComparingLong(Live::seq)).orElse(null);
        assertEquals(next == null ? Long.MAX_VALUE : next.time(), engine.peekTime());
        if (next != null) {
          live.remove(next.name());
          want.add(next.name() + "@" + next.time());
          assertTrue(engine.step());
        }
      }
      assertEquals(live.size(), engine.size());
    }
    live.values().stream().sorted(Comparator.comparingLong(Live::time).thenComparingInt(Live::priority)
        .thenComparingLong(Live::seq)).forEach(l -> want.add(l.name() + "@" + l.time()));
    engine.run();
    assertEquals(want, log);
    assertEquals(0, engine.size());
    assertEquals(Long.MAX_VALUE, engine.peekTime());
  }

  /** The event loop allocates nothing per event: a million reschedule-and-fire cycles of reusable events. */
  @Test
  void theLoopAllocatesNothingPerEvent() {
    Engine engine = new Engine();
    final class Ticker extends Event {
      long fired;

      @Override
      protected void fire() {
        fired++;
        if (fired < 1_000_000) {
          engine.schedule(this, engine.now() + 1 + (fired * 7919) % 13);
        }
      }
    }
    Ticker[] tickers = new Ticker[64];
    for (int i = 0; i < tickers.length; i++) {
      tickers[i] = new Ticker();
      engine.schedule(tickers[i], i);
    }
    for (int i = 0; i < 20_000; i++) {
      engine.step();
    }
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    long steps = 0;
    while (steps < 1_000_000 && engine.step()) {
      steps++;
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertEquals(1_000_000, steps);
    assertTrue(allocated < 100_000, "allocated " + allocated + " bytes over " + steps + " events");
  }
}
