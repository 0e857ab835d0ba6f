package io.offerlab.allocators;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * An allocation module: it decides which framework is offered which agent's free resources, as Mesos'
 * {@code mesos::allocator::Allocator} does for the master.
 *
 * <p>Implementations hold no clock: callers pass the time in microseconds (simulated time in sim-core, wall-clock
 * time in the real master). They are not thread-safe; the master calls them from one event-loop thread.
 * Resources count as a framework's from the moment they are offered until they are {@linkplain #recover recovered}.
 */
public interface Allocator {

  /** Adds an agent with its total resources; its id must be new. */
  void addAgent(String agentId, Resources total);

  /**
   * Adds an agent whose running tasks already use some of its resources ({@code used}: framework id to what its tasks
   * use), as Mesos' {@code addSlave} when an agent re-registers after a master failover. A framework in {@code used}
   * need not be added yet (the agent may re-register before its frameworks re-subscribe): it holds those resources
   * from when it is added, and its tasks' ends may be recovered before. Fails, changing nothing, when the uses do not
   * fit {@code total}.
   */
  void addAgent(String agentId, Resources total, java.util.Map<String, Resources> used);

  /**
   * Replaces an agent's total resources, as Mesos' {@code updateSlave} with a new total: what frameworks hold there is
   * kept, even when it no longer fits (the agent then has nothing free until enough is recovered), and so are the
   * decline filters. Starts no allocation. Range resources cannot be updated.
   */
  void updateAgent(String agentId, Resources total);

  /**
   * Grows an agent by a resource provider's {@code total}, whose resources added frameworks already use ({@code used}:
   * framework id to resources), as Mesos' {@code addResourceProvider}: each use counts as the framework's at once.
   * Starts no allocation. Fails, changing nothing, when a framework is unknown or the uses do not fit what is free.
   */
  void addResourceProvider(String agentId, Resources total, java.util.Map<String, Resources> used);

  /** Removes an agent; what frameworks held on it is forgotten. */
  void removeAgent(String agentId);

  /** Adds an active framework in {@code role} without capabilities; its id must be new. */
  default void addFramework(String frameworkId, String role) {
    addFramework(frameworkId, role, Set.of());
  }

  /**
   * Adds an active framework in {@code role} (a non-empty name, as Mesos requires) with the capabilities it declares;
   * its id must be new. Without {@link Capability#GPU_RESOURCES} it is offered no agent that has GPUs.
   */
  void addFramework(String frameworkId, String role, Set<Capability> capabilities);

  /**
   * Replaces a framework's capabilities, as Mesos' {@code updateFramework} does for an UPDATE_FRAMEWORK call; what it
   * holds and its filters are kept. Starts no allocation.
   */
  void updateFramework(String frameworkId, Set<Capability> capabilities);

  /** Removes a framework, recovering everything it holds and dropping its filters. */
  void removeFramework(String frameworkId);

  /** Makes a framework eligible for offers again. */
  void activateFramework(String frameworkId);

  /** Stops offering to a framework until it is activated; it keeps what it holds and its filters are cleared. */
  void deactivateFramework(String frameworkId);

  /**
   * Sets a role's weight (default 1): its fair share is proportional to it. The role need not have a framework yet:
   * the weight is kept for when one joins (Mesos' {@code updateWeights}). Starts no allocation.
   */
  void setWeight(String role, double weight);

  /**
   * Returns resources a framework held on an agent: declined, unused in an accept, or released by a finished task.
   * With {@code refuseSeconds > 0} a decline filter stops offering that framework, on that agent, resources no
   * bigger than these until {@code nowMicros + refuseSeconds} (Mesos' {@code Filters.refuse_seconds}). Recovering
   * nothing is a no-op, as in Mesos.
   */
  void recover(String frameworkId, String agentId, Resources resources, double refuseSeconds, long nowMicros);

  /** Stops offering to a framework until it revives (Mesos SUPPRESS). */
  void suppress(String frameworkId);

  /** Clears a framework's filters and unsuppresses it (Mesos REVIVE). */
  void revive(String frameworkId);

  /** Runs one allocation cycle over every agent with allocatable free resources and returns the offers made. */
  List<Offer> allocate(long nowMicros);

  /**
   * Runs one allocation cycle over the listed agents only (for example a newly added one), still visited in the
   * order they were added: the list filters, it does not reorder.
   */
  List<Offer> allocate(long nowMicros, Collection<String> agentIds);

  /**
   * Returns the earliest time at or after {@code nowMicros} at which {@link #allocate(long)} could offer something if
   * nothing else is called meanwhile, or Long.MAX_VALUE when it cannot before the next call that changes the state:
   * no framework is eligible, no agent has allocatable free resources, or nothing changed since a cycle that offered
   * nothing. A master arms its allocation timer from it instead of mirroring the agents' free resources.
   */
  long nextOfferTime(long nowMicros);

  /** Returns what the framework holds (offered or in use) on the agent. */
  Resources allocation(String frameworkId, String agentId);

  /** Returns the agent's free resources: its total less everything allocated on it. */
  Resources available(String agentId);

  // ---- index-based methods (the hot path) ----------------------------------------------------------------------
  // Agents and frameworks are also known by dense int indices, stable for as long as they are known and never reused
  // (an id removed and added again gets a new index). The defaults below are built on the String-id methods above,
  // numbering ids on first sight in a per-instance table; an allocator that numbers its own state overrides them all.

  /**
   * Returns the index of an agent in index-based calls, or -1 when the allocator knows no such agent (the default
   * implementation keeps no agent list and numbers any id it is given).
   */
  default int agentIndex(String agentId) {
    return IdTable.of(this).agent(agentId);
  }

  /**
   * Returns the index of a framework in index-based calls, or -1 when the allocator knows no such framework (the
   * default implementation numbers any id it is given).
   */
  default int frameworkIndex(String frameworkId) {
    return IdTable.of(this).framework(frameworkId);
  }

  /** Returns the id of the agent with this index; fails for an index no agent ever had. */
  default String agentId(int agentIndex) {
    return IdTable.of(this).agentId(agentIndex);
  }

  /** Returns the id of the framework with this index; fails for an index no framework ever had. */
  default String frameworkId(int frameworkIndex) {
    return IdTable.of(this).frameworkId(frameworkIndex);
  }

  /**
   * Runs one allocation cycle, as {@link #allocate(long)}, writing its offers into {@code into} (cleared first, in the
   * same order) instead of a list of objects.
   */
  default void allocate(long nowMicros, OfferBatch into) {
    fill(into, allocate(nowMicros));
  }

  /** Runs one allocation cycle over the listed agents only, as {@link #allocate(long, Collection)}, into {@code into}. */
  default void allocate(long nowMicros, Collection<String> agentIds, OfferBatch into) {
    fill(into, allocate(nowMicros, agentIds));
  }

  private void fill(OfferBatch into, List<Offer> offers) {
    into.clear();
    for (Offer offer : offers) {
      into.add(agentIndex(offer.agentId()), frameworkIndex(offer.frameworkId()), offer.resources());
    }
  }

  /**
   * Returns scalar resources a framework held on an agent, as {@link #recover(String, String, Resources, double, long)}:
   * {@code milli} holds thousandths by kind ({@link OfferBatch#CPUS}, {@link OfferBatch#kind}); it is not kept.
   */
  default void recover(int frameworkIndex, int agentIndex, long[] milli, double refuseSeconds, long nowMicros) {
    recover(frameworkId(frameworkIndex), agentId(agentIndex), Resources.wrap(milli.clone()), refuseSeconds,
        nowMicros);
  }

  /**
   * Returns the whole of offer {@code offer} of {@code batch} (ranges included), as a decline of it with
   * {@link #recover(String, String, Resources, double, long)}; the offer must still be held whole.
   */
  default void recover(OfferBatch batch, int offer, double refuseSeconds, long nowMicros) {
    recover(frameworkId(batch.framework(offer)), agentId(batch.agent(offer)), batch.resources(offer), refuseSeconds,
        nowMicros);
  }
}
