package io.offerlab.simcore.master;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.Allocators;
import io.offerlab.allocators.Resources;
import io.offerlab.simcore.master.MasterCoreTest.Held;
import io.offerlab.simcore.master.MasterCoreTest.ManualTimer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of the calls a real master makes on the core (cycles, accepts, declines, task ends, framework
 * deactivation, activation and removal, agent removal and rejoin, revive, suppress) keep Mesos' invariants after every
 * call: on each agent, what the allocator holds for frameworks equals the outstanding offers plus the running tasks
 * (no resource offered twice, nothing leaked), and that plus what is free equals the agent's total.
 */
class MasterCoreSequencePropertyTest {
  private static final long TICK = 100_000;
  private static final Resources AGENT = Resources.parse("cpus:4;mem:4096");
  private static final Resources TASK = Resources.parse("cpus:1;mem:512");
  /** Whole-agent offers (drf), random order, and offers smaller than the agent (slots, drf-sized). */
  private static final String[] ALLOCATORS = {"drf", "random", "slots", "drf-sized"};

  private record Running(int framework, int agent, Resources resources) {
  }

  @Property(tries = 300)
  void invariantsHoldAfterEveryCall(@ForAll @Size(min = 1, max = 120) List<@IntRange(min = 0, max = 10) Integer> ops,
                                    @ForAll @IntRange(min = 0, max = 1_000_000) int pick,
                                    @ForAll @IntRange(min = 0, max = 3) int allocatorChoice) {
    Allocator allocator = Allocators.create(ALLOCATORS[allocatorChoice], AllocatorOptions.defaults()
        .withShuffleAgents(false).withSeed(pick));
    ManualTimer cycle = new ManualTimer();
    ManualTimer timeouts = new ManualTimer();
    List<Held> outstanding = new ArrayList<>();
    MasterListener<Held> listener = new MasterListener<>() {
      @Override
      public Held newOffer(MasterOffer.OfferKey key, Resources resources) {
        return new Held(key, resources);
      }

      @Override
      public Held[] newBatch(int size) {
        return new Held[size];
      }

      @Override
      public void offersMade(int frameworkIndex, Held[] batch, long nowMicros) {
        for (Held offer : batch) {
          outstanding.add(offer);
        }
      }

      @Override
      public void offerRescinded(Held offer, long nowMicros) {
        outstanding.remove(offer);
      }

      @Override
      public void collectOutstanding(int agentIndex, List<Held> out) {
        for (Held offer : outstanding) {
          if (offer.outstanding() && (agentIndex < 0 || offer.agentIndex() == agentIndex)) {
            out.add(offer);
          }
        }
      }
    };
    Timers timers = new Timers() {
      @Override
      public Timer cycleTimer(LongConsumer action) {
        cycle.action = action;
        return cycle;
      }

      @Override
      public Timer offerTimeoutTimer(LongConsumer action) {
        timeouts.action = action;
        return timeouts;
      }
    };
    var core = new MasterCore<Held>(allocator, new MasterCoreSettings(10 * TICK, 30 * TICK, false), timers, listener);
    int agents = 3;
    for (int a = 0; a < agents; a++) {
      core.addAgent("a" + a, AGENT, 0);
    }
    int frameworks = 3;
    for (int f = 0; f < frameworks; f++) {
      core.addFramework("f" + f, f == 2 ? "other" : "r", Set.of(), 0);
    }
    List<Running> tasks = new ArrayList<>();
    long now = 0;
    int r = pick;
    for (int op : ops) {
      now += TICK;
      r = r * 1_103_515_245 + 12_345;
      int x = Math.abs(r >> 8);
      switch (op) {
        case 0 -> { } // time passes
        case 1 -> {
          if (!outstanding.isEmpty()) {
            Held offer = outstanding.remove(x % outstanding.size());
            Resources used = offer.resources().contains(TASK) ? TASK : offer.resources();
            core.accept(offer, used, (x % 3), now);
            tasks.add(new Running(offer.frameworkIndex(), offer.agentIndex(), used));
          }
        }
        case 2 -> {
          if (!outstanding.isEmpty()) {
            core.decline(outstanding.remove(x % outstanding.size()), x % 4, now);
          }
        }
        case 3 -> {
          if (!tasks.isEmpty()) {
            Running t = tasks.remove(x % tasks.size());
            core.taskEnded(t.framework(), t.agent(), t.resources(), now);
          }
        }
        case 4 -> core.deactivateFramework(x % frameworks, now);
        case 5 -> core.activateFramework(x % frameworks, now);
        case 6 -> {
          int f = x % frameworks;
          var held = new java.util.HashMap<Integer, Resources>();
          for (Running t : tasks) {
            if (t.framework() == f) {
              held.merge(t.agent(), t.resources(), Resources::plus);
            }
          }
          core.removeFramework(f, held, now);
          tasks.removeIf(t -> t.framework() == f);
        }
        case 7 -> {
          int a = x % agents;
          if (core.agentUp(a)) {
            core.removeAgent(a, now);
            tasks.removeIf(t -> t.agent() == a); // the driver reports them LOST
          }
        }
        case 8 -> {
          int a = x % agents;
          if (!core.agentUp(a)) {
            core.rejoinAgent(a, now);
          }
        }
        case 9 -> core.revive(x % frameworks, now);
        default -> core.suppress(x % frameworks, now);
      }
      outstanding.removeIf(o -> !o.outstanding());
      while (cycle.isScheduled() && cycle.time() <= now) {
        cycle.fire();
      }
      while (timeouts.isScheduled() && timeouts.time() <= now) {
        timeouts.fire();
      }
      outstanding.removeIf(o -> !o.outstanding());
      check(core, allocator, agents, frameworks, outstanding, tasks);
    }
  }

  private static void check(MasterCore<Held> core, Allocator allocator, int agents, int frameworks,
                            List<Held> outstanding, List<Running> tasks) {
    for (int a = 0; a < agents; a++) {
      if (!core.agentUp(a)) {
        continue;
      }
      Resources held = Resources.EMPTY;
      for (int f = 0; f < frameworks; f++) {
        if (!core.frameworkRemoved(f)) {
          held = held.plus(allocator.allocation("f" + f, "a" + a));
        }
      }
      Resources expected = Resources.EMPTY;
      for (Held offer : outstanding) {
        if (offer.agentIndex() == a) {
          expected = expected.plus(offer.resources());
        }
      }
      for (Running t : tasks) {
        if (t.agent() == a) {
          expected = expected.plus(t.resources());
        }
      }
      assertEquals(expected, held, "agent a" + a + ": the allocator holds the outstanding offers plus the tasks");
      assertEquals(AGENT, held.plus(allocator.available("a" + a)), "agent a" + a + ": held plus free is the total");
    }
    for (Held offer : outstanding) {
      assertEquals(false, core.frameworkRemoved(offer.frameworkIndex()), "no offer to a removed framework");
    }
  }
}
