package io.offerlab.simcore.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.Allocators;
import io.offerlab.allocators.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * The master core driven as a real master would drive it: by hand-fired timers and ids, with no engine. Each test
 * states one Mesos master rule and checks it.
 */
class MasterCoreTest {
  private static final long SECOND = 1_000_000;
  private static final Resources AGENT = Resources.parse("cpus:4;mem:4096");

  private final ManualTimer cycle = new ManualTimer();
  private final ManualTimer timeouts = new ManualTimer();
  private final Recorder recorder = new Recorder();
  private final Allocator allocator = Allocators.create("drf", AllocatorOptions.defaults().withShuffleAgents(false));

  private MasterCore<Held> core(long offerTimeout) {
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
    return new MasterCore<>(allocator, new MasterCoreSettings(SECOND, offerTimeout, false), timers, recorder);
  }

  @Test
  void aNewFrameworkGetsACycleAtOnceAndEveryFreeAgentInOneBatch() {
    MasterCore<Held> core = core(0);
    core.addAgent("a0", AGENT, 0);
    core.addAgent("a1", AGENT, 0);
    assertFalse(cycle.isScheduled(), "no framework wants offers yet: no cycle is due");
    int f = core.addFramework("f", "r", java.util.Set.of(), 300);
    assertEquals(300, cycle.time(), "SUBSCRIBE runs a cycle at once");
    cycle.fire();
    assertEquals(1, recorder.batches.size());
    assertEquals(2, recorder.batches.get(0).length);
    assertEquals(f, recorder.batches.get(0)[0].frameworkIndex());
    assertEquals(AGENT, recorder.batches.get(0)[0].resources());
    assertFalse(cycle.isScheduled(), "nothing is left to offer, so no periodic cycle is armed");
  }

  @Test
  void anAcceptDeclinesItsUnusedPartWithTheFrameworksFilter() {
    MasterCore<Held> core = core(0);
    core.addAgent("a0", AGENT, 0);
    core.addFramework("f", "r", java.util.Set.of(), 0);
    cycle.fire();
    Held offer = recorder.batches.get(0)[0];
    core.accept(offer, Resources.parse("cpus:1;mem:1024"), 5, 10);
    assertEquals(MasterOffer.Status.ACCEPTED, offer.status());
    assertEquals(Resources.parse("cpus:1;mem:1024"), allocator.allocation("f", "a0"), "the used part stays held");
    assertEquals(SECOND, cycle.time(), "the free part makes the agent allocatable: next multiple of 1 s");
    cycle.fire();
    assertEquals(1, recorder.batches.size(), "the filter of 5 s holds back the declined part");
    core.revive(0, SECOND + 1);
    cycle.fire();
    assertEquals(2, recorder.batches.size(), "REVIVE clears the filter and runs a cycle");
    assertEquals(Resources.parse("cpus:3;mem:3072"), recorder.batches.get(1)[0].resources());
  }

  @Test
  void offersHeldPastTheTimeoutAreRescindedAndRecovered() {
    MasterCore<Held> core = core(3 * SECOND);
    core.addAgent("a0", AGENT, 0);
    core.addFramework("f", "r", java.util.Set.of(), 0);
    cycle.fire();
    Held offer = recorder.batches.get(0)[0];
    assertEquals(3 * SECOND, timeouts.time());
    timeouts.fire();
    assertEquals(List.of(offer), recorder.rescinded);
    assertEquals(MasterOffer.Status.RESCINDED, offer.status());
    assertEquals(AGENT, allocator.available("a0"), "a rescinded offer goes back to the allocator unfiltered");
  }

  @Test
  void aRemovedAgentsOffersAreRescindedWithoutRecoveringAndItRejoinsWithACycleOverIt() {
    MasterCore<Held> core = core(0);
    int agent = core.addAgent("a0", AGENT, 0);
    core.addFramework("f", "r", java.util.Set.of(), 0);
    cycle.fire();
    Held offer = recorder.batches.get(0)[0];
    recorder.outstanding.add(offer);
    core.removeAgent(agent, 5 * SECOND);
    assertEquals(List.of(offer), recorder.rescinded);
    assertFalse(core.agentUp(agent));
    core.rejoinAgent(agent, 9 * SECOND + 7);
    assertTrue(core.agentUp(agent));
    assertEquals(9 * SECOND + 7, cycle.time(), "a rejoining agent gets a cycle at once");
    cycle.fire();
    assertEquals(2, recorder.batches.size());
    assertEquals(AGENT, recorder.batches.get(1)[0].resources(), "it rejoins with everything free");
  }

  @Test
  void aTaskEndReturnsItsResourcesWithoutAFilterAndSuppressStopsCycles() {
    MasterCore<Held> core = core(0);
    core.addAgent("a0", AGENT, 0);
    int f = core.addFramework("f", "r", java.util.Set.of(), 0);
    cycle.fire();
    core.accept(recorder.batches.get(0)[0], AGENT, 5, 0);
    assertFalse(cycle.isScheduled(), "everything is used: nothing to offer");
    core.suppress(f, SECOND);
    core.taskEnded(f, core.agentIndex("a0"), AGENT, SECOND);
    assertFalse(cycle.isScheduled(), "a suppressed framework wants no offers, so no cycle is armed");
    assertEquals(AGENT, allocator.available("a0"));
  }

  @Test
  void anAgentReregisteringWithRunningTasksIsOfferedWhatIsLeftAtOnce() {
    MasterCore<Held> core = core(0);
    core.addFramework("f", "r", java.util.Set.of(), 0);
    cycle.fire();
    core.registerAgent("a0", AGENT, java.util.Map.of("gone", Resources.parse("cpus:3;mem:1024")), 7 * SECOND + 5);
    assertEquals(7 * SECOND + 5, cycle.time(), "a (re)registering agent gets a cycle at once");
    cycle.fire();
    assertEquals(Resources.parse("cpus:1;mem:3072"), recorder.batches.get(0)[0].resources(),
        "the tasks of a framework that has not re-subscribed keep their resources");
  }

  @Test
  void aDeactivatedFrameworksOffersAreRescindedAndRecoveredAndItGetsNoneUntilActivated() {
    MasterCore<Held> core = core(0);
    core.addAgent("a0", AGENT, 0);
    int f = core.addFramework("f", "r", java.util.Set.of(), 0);
    cycle.fire();
    Held offer = recorder.batches.get(0)[0];
    recorder.outstanding.add(offer);
    core.deactivateFramework(f, 2 * SECOND);
    assertEquals(List.of(offer), recorder.rescinded, "Mesos deactivate(framework, rescind=true)");
    assertEquals(AGENT, allocator.available("a0"), "its offers go back to the allocator");
    assertFalse(core.frameworkActive(f));
    if (cycle.isScheduled()) {
      cycle.fire();
    }
    assertEquals(1, recorder.batches.size(), "an inactive framework is offered nothing");
    core.activateFramework(f, 4 * SECOND + 3);
    assertEquals(4 * SECOND + 3, cycle.time(), "re-subscribing within the failover timeout runs a cycle at once");
    cycle.fire();
    assertEquals(2, recorder.batches.size());
    assertEquals(AGENT, recorder.batches.get(1)[0].resources());
  }

  @Test
  void aRemovedFrameworksTasksAndOffersGoBackAndItIsForgotten() {
    MasterCore<Held> core = core(0);
    int agent = core.addAgent("a0", AGENT, 0);
    int f = core.addFramework("f", "r", java.util.Set.of(), 0);
    int g = core.addFramework("g", "r", java.util.Set.of(), 0);
    cycle.fire();
    Held offer = recorder.batches.get(0)[0];
    assertEquals(f, offer.frameworkIndex());
    Resources task = Resources.parse("cpus:1;mem:1024");
    core.accept(offer, task, 100, SECOND);
    core.removeFramework(f, java.util.Map.of(agent, task), 2 * SECOND);
    assertTrue(core.frameworkRemoved(f));
    assertEquals(AGENT, allocator.available("a0"), "its tasks' resources and its declined part are recovered");
    core.taskEnded(f, agent, task, 3 * SECOND);
    assertEquals(AGENT, allocator.available("a0"), "a later end of its killed task recovers nothing twice");
    core.revive(f, 3 * SECOND);
    cycle.fire();
    Held last = recorder.batches.get(recorder.batches.size() - 1)[0];
    assertEquals(g, last.frameworkIndex(), "only the remaining framework is offered");
    assertEquals(AGENT, last.resources());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> core.addFramework("f", "r", java.util.Set.of(), 4 * SECOND), "a removed id cannot come back");
  }

  /** The driver's offer: nothing more than the core's. */
  static final class Held extends MasterOffer {
    Held(OfferKey key, Resources resources) {
      super(key, resources);
    }
  }

  /** A listener that records what the core tells it. */
  static final class Recorder implements MasterListener<Held> {
    final List<Held[]> batches = new ArrayList<>();
    final List<Held> rescinded = new ArrayList<>();
    final List<Held> outstanding = new ArrayList<>();

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
      batches.add(batch);
    }

    @Override
    public void offerRescinded(Held offer, long nowMicros) {
      rescinded.add(offer);
    }

    @Override
    public void collectOutstanding(int agentIndex, List<Held> out) {
      for (Held offer : outstanding) {
        if (offer.outstanding() && (agentIndex < 0 || offer.agentIndex() == agentIndex)) {
          out.add(offer);
        }
      }
    }
  }

  /** A timer fired by hand, as a test or a real master's executor would. */
  static final class ManualTimer implements Timer {
    LongConsumer action;
    private boolean scheduled;
    private long time;

    @Override
    public boolean isScheduled() {
      return scheduled;
    }

    @Override
    public long time() {
      return time;
    }

    @Override
    public void set(long timeMicros) {
      scheduled = true;
      time = timeMicros;
    }

    void fire() {
      assertTrue(scheduled, "the timer is not armed");
      scheduled = false;
      action.accept(time);
    }
  }
}
