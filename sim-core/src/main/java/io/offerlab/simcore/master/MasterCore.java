package io.offerlab.simcore.master;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Capability;
import io.offerlab.allocators.OfferBatch;
import io.offerlab.allocators.Resources;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Mesos master's rules, without a clock: when an allocation cycle runs, how its output becomes offers, how
 * answers return resources to the allocator (an accept declines its unused part with the framework's filter), offer
 * timeouts and rescinds, and what an agent's removal does to its offers and held resources. Every call takes the
 * time; timers come from {@link Timers}; offers, rescinds and the outstanding offers go through a
 * {@link MasterListener}.
 *
 * <p>Cycles start as ARCHITECTURE.md section 5 says, after Mesos' {@code HierarchicalAllocatorProcess}: at every
 * multiple of the allocation interval, over one agent when it (re)joins, and over all agents when a framework is added
 * or revives; never on declines or task ends. The cycle timer fires after the other work of its instant. The core asks
 * the allocator when a cycle could next offer something ({@link Allocator#nextOfferTime}) and arms the timer for the
 * first multiple of the interval from then, leaving it unarmed while no cycle could offer anything (no framework
 * wants offers, no agent has allocatable free resources, or nothing changed since a cycle that offered nothing): such
 * a cycle would offer nothing and draw no random number, so the results are those of ticking every interval, at a
 * fraction of the timer events. After every call that changes the allocator it asks again.
 *
 * <p>Agents and frameworks are known by id and by index (the order they were added, from 0); the index form is what a
 * fast driver uses, the id form what an HTTP master receives. Offers carry ids; the core keeps no index of them (a
 * driver that receives offers by id keeps its own map from {@link MasterListener#offersMade}). Not thread-safe: one
 * event loop drives it.
 *
 * <p>The hot path speaks the allocator's index-based SPI: a cycle's offers come out as one reused {@link OfferBatch}
 * (no object per offer from the allocator, no id lookup), and a declined offer of scalars only goes back by index
 * with its thousandths ({@link MasterOffer#scalarMilli}). The allocator numbers agents and frameworks its own way (a
 * rejoining agent gets a new number there), so the core maps its indices to the allocator's and back.
 *
 * @param <O> the driver's offer type
 */
public final class MasterCore<O extends MasterOffer> {
  private final Allocator allocator;
  private final MasterListener<O> listener;
  private final long interval;
  private final long timeout;
  private final boolean tickWhenIdle;
  private final Timer tick;
  private final Timer timeouts;
  private final AgentTable agents = new AgentTable();
  private final List<String> frameworkIds = new ArrayList<>();
  private final Map<String, Integer> frameworkIndex = new HashMap<>();
  private final BitSet frameworkActive = new BitSet();
  private final BitSet frameworkRemoved = new BitSet();
  private final ArrayDeque<O> byCreation = new ArrayDeque<>();
  private final List<Integer> agentCycle = new ArrayList<>();
  private final List<String> agentCycleIds = new ArrayList<>();
  private final MasterOffer.OfferKey key = new MasterOffer.OfferKey();
  /** The reused buffer a cycle's offers come out in. */
  private final OfferBatch cycleBatch = new OfferBatch();
  /** The allocator's index of each agent and framework (by the core's index), and the core's by the allocator's. */
  private int[] allocatorAgent = new int[16];
  private int[] coreAgent = new int[16];
  private int[] allocatorFramework = new int[16];
  private int[] coreFramework = new int[16];
  /** Scratch: the thousandths of an offer given back by index. */
  private final long[] backMilli = new long[4];
  /** Scratch of {@link #cycle}: the agent index and the framework index of each offer. */
  private int[] offerAgents = new int[16];
  private int[] offerFrameworks = new int[16];
  /** Per framework: how many offers it has in the cycle being turned into offers, and their batch. */
  private int[] batchSize = new int[16];
  private Object[][] batches = new Object[16][];
  /** Frameworks with offers in that cycle, in the order the allocator first offered to them. */
  private int[] touched = new int[16];
  private boolean fullRequested;
  private long lastPeriodic = -1;
  private long nextOfferId = 1;

  /** Creates a core over {@code allocator}; it adds agents and frameworks to the allocator itself. */
  public MasterCore(Allocator allocator, MasterCoreSettings settings, Timers timers, MasterListener<O> listener) {
    this.allocator = allocator;
    this.listener = listener;
    this.interval = settings.allocationIntervalMicros();
    this.timeout = settings.offerTimeoutMicros();
    this.tickWhenIdle = settings.tickWhenIdle();
    this.tick = timers.cycleTimer(this::tick);
    this.timeouts = timers.offerTimeoutTimer(this::expireOffers);
  }

  // ---- agents and frameworks ----------------------------------------------------------------------------------

  /** Adds an agent with all its resources free and returns its index; no cycle runs for it (it is there at start). */
  public int addAgent(String agentId, Resources total, long now) {
    int index = agents.add(agentId, total);
    allocator.addAgent(agentId, total);
    mapAgent(index, agentId);
    rearm(now);
    return index;
  }

  /**
   * Registers an agent while the master runs (Mesos REGISTER or REREGISTER): {@code used} maps framework ids to what
   * its running tasks hold, frameworks not subscribed yet included (Mesos' {@code addSlave}); a cycle runs over it.
   */
  public int registerAgent(String agentId, Resources total, Map<String, Resources> used, long now) {
    allocator.addAgent(agentId, total, used);
    int index = agents.add(agentId, total);
    mapAgent(index, agentId);
    requestAgentCycle(index, now);
    return index;
  }

  /** Returns the number of agents ever added. */
  public int agentCount() {
    return agents.size();
  }

  /** Returns the index of a known agent. */
  public int agentIndex(String agentId) {
    return agents.indexOf(agentId);
  }

  /** Returns whether the agent is registered (added, and not removed since). */
  public boolean agentUp(int agentIndex) {
    return agents.up(agentIndex);
  }

  /**
   * Removes an agent (it failed or disconnected for good): the allocator forgets everything held on it, so the
   * resources of its tasks are not recovered (the driver reports those tasks LOST), and its outstanding offers are
   * rescinded, oldest first, without going back to the allocator.
   */
  public void removeAgent(int agentIndex, long now) {
    allocator.removeAgent(agents.id(agentIndex));
    for (O offer : outstandingOffers(agentIndex)) {
      rescind(offer, false, now);
    }
    agents.setUp(agentIndex, false);
    rearm(now);
  }

  /** Adds a removed agent back with all its resources free; a cycle runs over it. */
  public void rejoinAgent(int agentIndex, long now) {
    Resources total = agents.total(agentIndex);
    allocator.addAgent(agents.id(agentIndex), total);
    mapAgent(agentIndex, agents.id(agentIndex));
    agents.setUp(agentIndex, true);
    requestAgentCycle(agentIndex, now);
  }

  /**
   * Registers a framework with its role and capabilities (Mesos SUBSCRIBE), returns its index and runs a cycle for
   * it.
   */
  public int addFramework(String frameworkId, String role, Set<Capability> capabilities, long nowMicros) {
    if (frameworkIndex.containsKey(frameworkId)) {
      throw new IllegalArgumentException("framework '" + frameworkId + "' already exists");
    }
    int index = frameworkIds.size();
    frameworkIds.add(frameworkId);
    frameworkIndex.put(frameworkId, index);
    frameworkActive.set(index);
    if (index == batchSize.length) {
      batchSize = Arrays.copyOf(batchSize, 2 * index);
      batches = Arrays.copyOf(batches, 2 * index);
    }
    allocator.addFramework(frameworkId, role, capabilities);
    int theirs = allocator.frameworkIndex(frameworkId);
    if (index == allocatorFramework.length) {
      allocatorFramework = Arrays.copyOf(allocatorFramework, 2 * index);
    }
    allocatorFramework[index] = theirs;
    coreFramework = set(coreFramework, theirs, index);
    requestFullCycle(nowMicros);
    return index;
  }

  /** Records the allocator's index of the core's agent {@code index} (just added to the allocator). */
  private void mapAgent(int index, String agentId) {
    int theirs = allocator.agentIndex(agentId);
    allocatorAgent = set(allocatorAgent, index, theirs);
    coreAgent = set(coreAgent, theirs, index);
  }

  private static int[] set(int[] array, int index, int value) {
    int[] a = index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1, 2 * array.length));
    a[index] = value;
    return a;
  }

  /**
   * Mesos UPDATE_FRAMEWORK: replaces the framework's capabilities (for example GPU_RESOURCES, after which agents with
   * GPUs may be offered to it). Runs no cycle at once; the next periodic one sees it.
   */
  public void updateFramework(int frameworkIndex, Set<Capability> capabilities, long now) {
    if (frameworkRemoved.get(frameworkIndex)) {
      return;
    }
    allocator.updateFramework(frameworkIds.get(frameworkIndex), capabilities);
    rearm(now);
  }

  /**
   * Deactivates a framework (Mesos {@code deactivate(framework, rescind)}: its scheduler disconnected, or it is being
   * removed): the allocator stops offering to it, and its outstanding offers are rescinded, oldest first, their
   * resources going back to the allocator unfiltered. It keeps what its tasks hold. No-op if already inactive.
   */
  public void deactivateFramework(int frameworkIndex, long now) {
    if (!frameworkActive.get(frameworkIndex) || frameworkRemoved.get(frameworkIndex)) {
      return;
    }
    frameworkActive.clear(frameworkIndex);
    allocator.deactivateFramework(frameworkIds.get(frameworkIndex));
    for (O offer : outstandingOffers(-1)) {
      if (offer.frameworkIndex() == frameworkIndex) {
        rescind(offer, true, now);
      }
    }
    rearm(now);
  }

  /**
   * Activates a deactivated framework (Mesos {@code activate}: it re-subscribed within its failover timeout) and
   * runs a cycle for it. No-op if already active.
   */
  public void activateFramework(int frameworkIndex, long now) {
    if (frameworkActive.get(frameworkIndex) || frameworkRemoved.get(frameworkIndex)) {
      return;
    }
    frameworkActive.set(frameworkIndex);
    allocator.activateFramework(frameworkIds.get(frameworkIndex));
    requestFullCycle(now);
  }

  /**
   * Removes a framework for good (Mesos {@code removeFramework}: TEARDOWN, or its failover timeout expired): it is
   * deactivated (its offers rescinded and recovered), then the resources of its running tasks, {@code held} (agent
   * index to what its tasks there hold), go back to the allocator unfiltered, and the allocator forgets it. The
   * driver kills those tasks. Its index stays taken; its id cannot be added again.
   */
  public void removeFramework(int frameworkIndex, Map<Integer, Resources> held, long now) {
    if (frameworkRemoved.get(frameworkIndex)) {
      return;
    }
    deactivateFramework(frameworkIndex, now);
    String id = frameworkIds.get(frameworkIndex);
    for (Map.Entry<Integer, Resources> e : held.entrySet()) {
      if (agents.up(e.getKey()) && !e.getValue().isEmpty()) {
        allocator.recover(id, agents.id(e.getKey()), e.getValue(), 0, now);
      }
    }
    allocator.removeFramework(id);
    frameworkRemoved.set(frameworkIndex);
    rearm(now);
  }

  /** Returns whether the framework is active (subscribed and connected, not deactivated or removed). */
  public boolean frameworkActive(int frameworkIndex) {
    return frameworkActive.get(frameworkIndex) && !frameworkRemoved.get(frameworkIndex);
  }

  /** Returns whether the framework was removed. */
  public boolean frameworkRemoved(int frameworkIndex) {
    return frameworkRemoved.get(frameworkIndex);
  }

  /** Returns the index of a known framework. */
  public int frameworkIndex(String frameworkId) {
    Integer index = frameworkIndex.get(frameworkId);
    if (index == null) {
      throw new IllegalArgumentException("unknown framework '" + frameworkId + "'");
    }
    return index;
  }

  /** Mesos REVIVE: clears the framework's filters, unsuppresses it and runs a cycle. */
  public void revive(int frameworkIndex, long nowMicros) {
    if (!frameworkActive(frameworkIndex)) {
      return;
    }
    allocator.revive(frameworkIds.get(frameworkIndex));
    requestFullCycle(nowMicros);
  }

  /** Mesos SUPPRESS: no more offers to the framework until it revives. */
  public void suppress(int frameworkIndex, long nowMicros) {
    if (frameworkRemoved.get(frameworkIndex)) {
      return;
    }
    allocator.suppress(frameworkIds.get(frameworkIndex));
  }

  // ---- offers -------------------------------------------------------------------------------------------------

  /**
   * Mesos ACCEPT: the framework launched tasks using {@code used} of the offer; the rest goes back to the allocator
   * declined with the filter {@code refuseSeconds} (nothing goes back when everything was used).
   */
  public void accept(O offer, Resources used, double refuseSeconds, long nowMicros) {
    Resources back = offer.resources().minus(used);
    offer.resolve(MasterOffer.Status.ACCEPTED);
    giveBack(offer, back, refuseSeconds, nowMicros);
  }

  /** Mesos DECLINE: the whole offer goes back to the allocator with the filter {@code refuseSeconds}. */
  public void decline(O offer, double refuseSeconds, long nowMicros) {
    offer.resolve(MasterOffer.Status.DECLINED);
    long[] milli = backMilli;
    if (!offer.scalarMilli(milli)) {
      giveBack(offer, offer.resources(), refuseSeconds, nowMicros);
    } else if ((milli[0] | milli[1] | milli[2] | milli[3]) != 0 && !frameworkRemoved.get(offer.frameworkIndex())) {
      allocator.recover(allocatorFramework[offer.frameworkIndex()], allocatorAgent[offer.agentIndex()], milli,
          refuseSeconds, nowMicros);
      rearm(nowMicros);
    }
  }

  private void giveBack(O offer, Resources back, double refuseSeconds, long now) {
    if (!back.isEmpty() && !frameworkRemoved.get(offer.frameworkIndex())) {
      allocator.recover(offer.frameworkId(), offer.agentId(), back, refuseSeconds, now);
      rearm(now);
    }
  }

  /** A task of the framework on the agent ended (finished, failed or killed): its resources go back unfiltered. */
  public void taskEnded(int frameworkIndex, int agentIndex, Resources resources, long now) {
    if (frameworkRemoved.get(frameworkIndex)) {
      return; // a removed framework's tasks were recovered at its removal
    }
    allocator.recover(frameworkIds.get(frameworkIndex), agents.id(agentIndex), resources, 0, now);
    rearm(now);
  }

  /** Returns the outstanding offers on the agent (on every agent when -1), oldest first. */
  public List<O> outstandingOffers(int agentIndex) {
    List<O> out = new ArrayList<>();
    listener.collectOutstanding(agentIndex, out);
    out.sort(Comparator.comparingLong(MasterOffer::createdAt));
    return out;
  }

  /** Rescinds an offer; its resources return to the allocator unless its agent is gone. */
  private void rescind(O offer, boolean recover, long now) {
    if (recover) {
      allocator.recover(offer.frameworkId(), offer.agentId(), offer.resources(), 0, now);
      rearm(now);
    }
    offer.resolve(MasterOffer.Status.RESCINDED);
    listener.offerRescinded(offer, now);
  }

  /** Rescinds the offers held past the offer timeout. */
  private void expireOffers(long now) {
    while (!byCreation.isEmpty()) {
      O head = byCreation.peekFirst();
      if (!head.outstanding()) {
        byCreation.pollFirst();
      } else if (head.createdAt() + timeout <= now) {
        byCreation.pollFirst();
        rescind(head, true, now);
      } else {
        break;
      }
    }
    if (!byCreation.isEmpty()) {
      timeouts.set(Math.max(now, byCreation.peekFirst().createdAt() + timeout));
    }
  }

  // ---- the allocation cycle -----------------------------------------------------------------------------------

  /** Whether a full cycle now could offer something, as the allocator tells. */
  private boolean couldOffer(long now) {
    return allocator.nextOfferTime(now) <= now;
  }

  private void requestFullCycle(long now) {
    fullRequested = true;
    runNow(now);
  }

  private void requestAgentCycle(int agentIndex, long now) {
    if (!agentCycle.contains(agentIndex)) {
      agentCycle.add(agentIndex);
    }
    runNow(now);
  }

  private void runNow(long now) {
    if (!tick.isScheduled() || tick.time() > now) {
      tick.set(now);
    }
  }

  /**
   * Arms the cycle timer for the first multiple of the interval at which the allocator says a cycle could offer
   * something (every multiple with tickWhenIdle), or moves it there if it is armed later.
   */
  private void rearm(long now) {
    long multiple = now / interval * interval;
    long next = multiple == now && lastPeriodic != now ? now : multiple + interval;
    if (tickWhenIdle) {
      if (!tick.isScheduled()) {
        tick.set(next);
      }
      return;
    }
    long from = allocator.nextOfferTime(now);
    if (from == Long.MAX_VALUE) {
      return;
    }
    if (from > next) {
      next = (from + interval - 1) / interval * interval;
    }
    if (!tick.isScheduled() || tick.time() > next) {
      tick.set(next);
    }
  }

  private void tick(long now) {
    boolean periodic = now % interval == 0;
    if (periodic) {
      lastPeriodic = now;
    }
    if (fullRequested || (periodic && couldOffer(now))) {
      cycle(now, null);
    } else if (!agentCycle.isEmpty()) {
      agentCycleIds.clear();
      for (int agent : agentCycle) {
        if (agents.up(agent)) {
          agentCycleIds.add(agents.id(agent));
        }
      }
      cycle(now, agentCycleIds);
    }
    fullRequested = false;
    agentCycle.clear();
    rearm(now);
  }

  /**
   * Runs the allocator's cycle and turns its output into offers. Each framework's offers of the cycle travel as one
   * batch (Mesos' OFFERS event carries many offers), in the order the allocator made them.
   */
  private void cycle(long now, List<String> agentIds) {
    OfferBatch offers = cycleBatch;
    if (agentIds == null) {
      allocator.allocate(now, offers);
    } else {
      allocator.allocate(now, agentIds, offers);
    }
    int n = offers.size();
    if (n == 0) {
      return;
    }
    if (timeout > 0 && !timeouts.isScheduled()) {
      timeouts.set(now + timeout);
    }
    // A first pass maps each offer's agent and framework to the core's indices and counts the offers per framework.
    if (offerAgents.length < n) {
      offerAgents = new int[Math.max(n, 2 * offerAgents.length)];
      offerFrameworks = new int[offerAgents.length];
    }
    int touchedCount = 0;
    for (int i = 0; i < n; i++) {
      offerAgents[i] = coreAgent[offers.agent(i)];
      int framework = coreFramework[offers.framework(i)];
      offerFrameworks[i] = framework;
      if (batchSize[framework]++ == 0) {
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = framework;
      }
    }
    for (int k = 0; k < touchedCount; k++) {
      int f = touched[k];
      batches[f] = listener.newBatch(batchSize[f]);
      batchSize[f] = 0;
    }
    for (int i = 0; i < n; i++) {
      int f = offerFrameworks[i];
      int agent = offerAgents[i];
      key.set(nextOfferId++, f, frameworkIds.get(f), agent, agents.id(agent), now);
      O state = listener.newOffer(key, offers, i);
      batches[f][batchSize[f]++] = state;
      if (timeout > 0) {
        byCreation.addLast(state);
      }
    }
    for (int k = 0; k < touchedCount; k++) {
      int f = touched[k];
      @SuppressWarnings("unchecked")
      O[] batch = (O[]) batches[f];
      batches[f] = null;
      batchSize[f] = 0;
      listener.offersMade(f, batch, now);
    }
  }

}
