package io.offerlab.allocators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The two-level allocation cycle of Mesos' hierarchical allocator ({@code src/master/allocator/mesos/hierarchical.cpp}):
 * for each agent with allocatable free resources, roles are visited in their sorter's order and, within a role, its
 * frameworks in theirs; the first framework that is active, unsuppressed and not filtered is offered <em>all</em> of
 * the agent's remaining free resources, and the sorters are updated at once.
 *
 * <p>As in Mesos, an agent with GPUs is offered only to frameworks with the GPU_RESOURCES capability
 * ({@code filterGpuResources}), deactivating a framework clears its decline filters, a role leaves the role sorter
 * with its last framework ({@code tryUntrackFrameworkUnderRole}), and a weight may be set for a role no framework has
 * joined yet ({@code updateWeights}). Left out: quota, reservations, revocable and shared resources, and offer
 * constraints. Range resources (such as {@code ports}) go with the rest: an offer carries all of the agent's free
 * ranges, a decline filter blocks an offer only if every range of the offer lies inside the refused ranges, and shares
 * count scalars only, as Mesos' sorter does. An agent may re-register with resources its tasks already use, for
 * frameworks not subscribed yet (Mesos' {@code addSlave}): those count as theirs once they subscribe.
 *
 * <p>String ids live only at this API edge: agents and frameworks are numbered densely as they are added, the hot
 * state is in primitive arrays indexed by those numbers ({@link AgentTable}, {@link FilterTable}), and the cycle
 * ({@link OfferCycle}) writes its offers into an {@link OfferBatch}.
 *
 * <p>Extension points for subclasses (allocators in this package):
 * <ul>
 *   <li>{@link #newSorter} orders the roles and the frameworks of each role: a {@link DrfSorter} (optionally with its
 *       own {@link DrfSorter.Share}), a {@link RandomSorter}, or any {@link Sorter};
 *   <li>{@link #sizesOffers} and {@link #offerFor} size the offer to one framework on one agent during a cycle (by
 *       default the whole of what is available), or pass the framework over on that agent;
 *   <li>{@link #availableFor} and {@link #soleRole} confine roles to parts of agents (static partitioning);
 *   <li>{@link #mayCacheIdleVisits} turns the idle-cycle shortcuts off for sorters that draw random numbers.
 * </ul>
 */
abstract class HierarchicalAllocator implements Allocator {
  private static final long MAX_FILTER_MICROS = 365L * 24 * 3600 * 1_000_000;

  protected final AllocatorOptions options;
  /** The cluster total, shared by every sorter; the array is replaced when agents come and go. */
  final long[][] total = {new long[0]};
  final long[][] minAllocatable;
  final AgentTable agents;
  final FilterTable filters;
  private final Map<String, Integer> agentIndex = new HashMap<>();
  /** Agents whose free resources are allocatable, by index (the order they were added). */
  final BitSet allocatableAgents = new BitSet();
  private final Map<String, FrameworkState> frameworks = new HashMap<>();
  /** Agents holding resources for frameworks not added yet, by framework id. */
  private final Map<String, List<Integer>> pendingAgents = new HashMap<>();
  private final Map<String, RoleState> roles = new HashMap<>();
  private final Map<String, Double> weights = new HashMap<>();
  final NameRanks roleRanks = new NameRanks();
  private final NameRanks frameworkRanks = new NameRanks();
  final Sorter roleSorter;
  final SplittableRandom shuffle;
  int eligibleFrameworks;
  /** Frameworks ever added: the next framework's index. */
  int frameworkCount;
  /** Frameworks by index; null once removed. */
  FrameworkState[] frameworksByIndex = new FrameworkState[16];
  /** Every framework id ever added, by index (kept after removal: indices are never reused). */
  private final List<String> frameworkIds = new ArrayList<>();
  boolean totalChanged;
  /** Bumped whenever a framework may have become eligible for an agent it was not before. */
  long eligibilityEpoch;
  /** Which framework each recent bump of {@link #eligibilityEpoch} was for, by framework index. */
  final EligibilityLog eligibilityLog = new EligibilityLog();
  /**
   * Bumped whenever a framework stops counting for agents it was filtered on (it became ineligible, or lost the GPU
   * capability: {@link #gpuLossEpoch}, which matters on GPU agents only): the earliest blocking filter of such an agent
   * may be gone, so its cache is then only refreshed by a full visit.
   */
  long ineligibilityEpoch;
  long gpuLossEpoch;
  boolean changed = true;
  private final OfferCycle cycle;
  /** The batch the list-returning {@link #allocate(long)} fills before wrapping its offers. */
  private final OfferBatch scratch = new OfferBatch();
  private long[] recoverScratch = new long[0];

  protected HierarchicalAllocator(AllocatorOptions options) {
    this.options = options;
    this.minAllocatable = options.minAllocatable().stream().map(r -> r.toMilliArray(0)).toArray(long[][]::new);
    this.shuffle = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    int width = Math.max(ResourceKinds.GPUS + 1, 1);
    this.agents = new AgentTable(width);
    this.filters = new FilterTable(width);
    this.roleSorter = newSorter(true);
    this.cycle = new OfferCycle(this);
  }

  /** Returns a sorter for roles ({@code forRoles}) or for the frameworks of one role. */
  abstract Sorter newSorter(boolean forRoles);

  /**
   * Whether the idle-cycle skip and the per-agent "all filtered" cache may be used. They change no offer when the
   * sorters are deterministic; a random sorter draws at every visit, so skipping a visit would shift its stream.
   */
  boolean mayCacheIdleVisits() {
    return true;
  }

  /** Returns the cluster total, shared by every sorter this allocator creates. */
  final long[][] clusterTotal() {
    return total;
  }

  /** Returns the priority of a role (0 unless a subclass orders by priority). */
  int priority(String role) {
    return options.priorities().getOrDefault(role, 0);
  }

  /** Called after an agent is added, before any allocation on it. */
  void agentAdded(int agent) {}

  /**
   * Returns what {@code role} may be offered on {@code agent}, {@link AgentTable#width} entries: by default all its
   * free resources, in {@code into} (a scratch vector of that width, which may be returned). The returned array is
   * not kept and must not be modified by the caller.
   */
  long[] availableFor(int agent, RoleState role, long[] into) {
    System.arraycopy(agents.rows, agents.freeAt(agent), into, 0, agents.width);
    return into;
  }

  /** Returns the only role that may be offered anything on the agent, or null when any role may. */
  RoleState soleRole(int agent) {
    return null;
  }

  /**
   * Whether this allocator sizes its offers ({@link #offerFor} may return anything but {@code available}). Read once
   * per cycle: when false, the cycle does not call {@link #offerFor} at all, so whole-agent offers cost nothing more.
   */
  boolean sizesOffers() {
    return false;
  }

  /**
   * Sizes the offer to {@code framework} on {@code agent} during a cycle (called only when {@link #sizesOffers}),
   * given what its role may be offered there ({@code available}, not to be modified): returns the amount to offer
   * ({@code available} itself, the default, or a vector of the same width that does not exceed it, such as
   * {@code into}), or null to pass the framework over on this agent as if it were filtered, the agent then going to
   * the next framework in order. The cycle also passes the framework over when an amount other than {@code available}
   * holds no minimum allocatable resources; offers the agent's free ranges only with the whole of {@code available}
   * (the same array, or equal quantities); and checks the decline filters against the amount as sized. A passed-over
   * visit counts as a filtered one for the idle-cycle shortcuts, so a subclass whose sizes depend on anything but the
   * agent's free resources must also turn off {@link #mayCacheIdleVisits}.
   */
  long[] offerFor(int agent, FrameworkState framework, long[] available, long[] into) {
    return available;
  }

  // ---- agents -------------------------------------------------------------------------------------------------

  @Override
  public void addAgent(String agentId, Resources resources) {
    if (agentIndex.containsKey(agentId)) {
      throw new IllegalArgumentException("agent '" + agentId + "' already exists");
    }
    long[] agentTotal = resources.toMilliArray(0);
    long[] newTotal = sum(total[0], agentTotal, 1);
    widen(agentTotal.length);
    int a = agents.add(agentId, agentTotal);
    filters.ensureAgent(a);
    agents.freeRanges[a] = resources.namedRanges();
    agentIndex.put(agentId, a);
    total[0] = newTotal;
    totalChanged = true;
    agentAdded(a);
    refreshAllocatable(a);
    changed = true;
  }

  /** Widens every vector when a kind beyond the current width appears. */
  private void widen(int kinds) {
    if (kinds > agents.width) {
      agents.widen(kinds);
      filters.widen(kinds);
      cycle.widen(kinds);
    }
  }

  /**
   * Adds an agent whose tasks already use {@code used} (framework id to resources), as Mesos' {@code addSlave} when an
   * agent re-registers: a framework not added yet holds them from when it is added. Fails, changing nothing, when the
   * uses do not fit the total.
   */
  @Override
  public void addAgent(String agentId, Resources total, Map<String, Resources> used) {
    Resources sum = Resources.EMPTY;
    for (Resources r : used.values()) {
      sum = sum.plus(r);
    }
    if (!total.contains(sum)) {
      throw new IllegalArgumentException("agent '" + agentId + "': its tasks use " + sum + ", more than its total "
          + total);
    }
    addAgent(agentId, total);
    int a = agentIndex.get(agentId);
    for (var entry : new java.util.TreeMap<>(used).entrySet()) {
      Resources r = entry.getValue();
      if (r.isEmpty()) {
        continue;
      }
      FrameworkState framework = frameworks.get(entry.getKey());
      if (framework != null) {
        allocate(a, framework, r.toMilliArray(0), r.namedRanges());
      } else {
        agents.take(a, r.toMilliArray(0), r.namedRanges());
        agents.pending(a).merge(entry.getKey(), r, Resources::plus);
        pendingAgents.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(a);
        refreshAllocatable(a);
      }
    }
  }

  /** Gives a newly added framework what agents that re-registered before it already hold for it. */
  private void adoptPending(FrameworkState framework) {
    List<Integer> waiting = pendingAgents.remove(framework.id);
    if (waiting == null) {
      return;
    }
    for (int a : waiting) {
      Resources held = agents.pending[a].remove(framework.id);
      if (held != null) {
        agents.untake(a, held.toMilliArray(0), held.namedRanges()); // allocate takes it again: free is unchanged
        allocate(a, framework, held.toMilliArray(0), held.namedRanges());
      }
    }
  }

  /**
   * Replaces an agent's total, as Mesos' {@code updateSlave} ({@code updateSlaveTotal}): holdings and filters stay;
   * the free resources become total less held, kind by kind, and nothing where the held exceed the total.
   */
  @Override
  public void updateAgent(String agentId, Resources newTotal) {
    int a = agent(agentId);
    if (newTotal.namedRanges() != null || agents.freeRanges[a] != null
        || agents.heldRanges[a] != null && !agents.heldRanges[a].isEmpty()) {
      throw new IllegalArgumentException("agent '" + agentId + "': range resources cannot be updated");
    }
    long[] next = newTotal.toMilliArray(0);
    long[] cluster = sum(sum(total[0], agents.totalCopy(a), -1), next, 1);
    widen(next.length);
    agents.updateTotal(a, next);
    total[0] = cluster;
    totalChanged = true;
    changed = true;
    refreshAllocatable(a);
  }

  /**
   * Grows an agent by a resource provider, as Mesos' {@code addResourceProvider}: the total grows (as
   * {@link #updateAgent}) and each framework's use is held by it at once, tracked in the sorters as an allocation.
   */
  @Override
  public void addResourceProvider(String agentId, Resources extra, Map<String, Resources> used) {
    int a = agent(agentId);
    Resources sum = Resources.EMPTY;
    for (var entry : used.entrySet()) {
      framework(entry.getKey()); // fails: unknown framework
      sum = sum.plus(entry.getValue());
    }
    if (sum.namedRanges() != null) {
      throw new IllegalArgumentException("agent '" + agentId + "': range resources cannot be updated");
    }
    Resources before = Resources.wrap(agents.totalCopy(a), null);
    updateAgent(agentId, before.plus(extra));
    if (!available(agentId).contains(sum)) {
      Resources free = available(agentId);
      updateAgent(agentId, before);
      throw new IllegalArgumentException("agent '" + agentId + "': the provider's uses " + sum
          + " do not fit what is free, " + free);
    }
    for (var entry : new java.util.TreeMap<>(used).entrySet()) {
      Resources r = entry.getValue();
      if (!r.isEmpty()) {
        allocate(a, frameworks.get(entry.getKey()), r.toMilliArray(0), null);
      }
    }
    changed = true;
  }

  @Override
  public void removeAgent(String agentId) {
    int a = agent(agentId);
    if (agents.pending[a] != null) {
      for (String pending : agents.pending[a].keySet()) {
        pendingAgents.get(pending).remove(Integer.valueOf(a));
      }
    }
    while (agents.holderCount(a) > 0) {
      int slot = agents.holderCount(a) - 1;
      unallocate(a, frameworksByIndex[agents.holderFramework(a, slot)], agents.heldCopy(a, slot));
    }
    agentIndex.remove(agentId);
    agents.present[a] = false;
    filters.dropAgent(a);
    allocatableAgents.clear(a);
    total[0] = sum(total[0], agents.totalCopy(a), -1);
    totalChanged = true;
    changed = true;
  }

  /** Returns {@code a + sign * b}; fails, changing nothing, when a quantity would overflow a long. */
  private static long[] sum(long[] a, long[] b, int sign) {
    long[] out = Arrays.copyOf(a, Math.max(a.length, b.length));
    for (int i = 0; i < b.length; i++) {
      try {
        out[i] = sign > 0 ? Math.addExact(out[i], b[i]) : Math.subtractExact(out[i], b[i]);
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the cluster total of " + ResourceKinds.name(i)
            + " would overflow (it is kept in thousandths in a 64-bit integer)");
      }
    }
    return out;
  }

  // ---- frameworks and roles -----------------------------------------------------------------------------------

  @Override
  public void addFramework(String frameworkId, String role, Set<Capability> capabilities) {
    if (frameworks.containsKey(frameworkId)) {
      throw new IllegalArgumentException("framework '" + frameworkId + "' already exists");
    }
    checkRole(role);
    RoleState roleState = roles.get(role);
    if (roleState == null) {
      roleState = newRole(role);
      roles.put(role, roleState);
      roleAdded(roleState);
    }
    FrameworkState framework = new FrameworkState(frameworkId, frameworkCount++, roleState, total[0].length,
        capabilities.contains(Capability.GPU_RESOURCES));
    frameworkRanks.add(framework.client);
    if (framework.index == frameworksByIndex.length) {
      frameworksByIndex = Arrays.copyOf(frameworksByIndex, 2 * frameworksByIndex.length);
    }
    frameworksByIndex[framework.index] = framework;
    frameworkIds.add(frameworkId);
    frameworks.put(frameworkId, framework);
    roleState.frameworkCount++;
    setEligible(framework, true);
    adoptPending(framework);
  }

  private static void checkRole(String role) {
    if (role == null || role.isEmpty()) {
      throw new IllegalArgumentException("role: expected a non-empty role name (Mesos rejects an empty role), found ''");
    }
  }

  /** Called when a role enters the role sorter: its first framework joined, or one joined it again. */
  void roleAdded(RoleState role) {}

  private RoleState newRole(String name) {
    RoleState role = new RoleState(name, newSorter(false), total[0].length);
    role.client.weight = weights.getOrDefault(name, 1.0);
    role.client.priority = priority(name);
    roleRanks.add(role.client);
    return role;
  }

  /** Returns the roles known so far, by name. */
  final Map<String, RoleState> roles() {
    return roles;
  }

  @Override
  public void removeFramework(String frameworkId) {
    FrameworkState framework = framework(frameworkId);
    int f = framework.index;
    for (int a = 0; a < agents.count; a++) {
      if (!agents.present[a]) {
        continue;
      }
      int slot = agents.holderSlot(a, f);
      if (slot >= 0) {
        unallocate(a, framework, agents.heldCopy(a, slot));
      }
      NamedRanges ranges = agents.heldRanges(a, f);
      if (ranges != null) {
        agents.returnRanges(a, f, ranges);
      }
    }
    filters.dropFramework(f);
    setEligible(framework, false);
    RoleState role = framework.role;
    if (--role.frameworkCount == 0) {
      // Mesos' tryUntrackFrameworkUnderRole: the role leaves the role sorter with its last framework, so a framework
      // that joins it later starts it again with no picks. Its weight is kept (Mesos' sorter keeps weights by name).
      roles.remove(role.name);
    }
    frameworks.remove(frameworkId);
    frameworksByIndex[f] = null;
    changed = true;
  }

  @Override
  public void updateFramework(String frameworkId, Set<Capability> capabilities) {
    FrameworkState framework = framework(frameworkId);
    boolean gpu = capabilities.contains(Capability.GPU_RESOURCES);
    if (gpu != framework.gpuCapable) {
      framework.gpuCapable = gpu;
      bumpEligibility(framework); // GPU agents it was skipped on may now be offered to it
      if (!gpu) {
        gpuLossEpoch++;
      }
      changed = true;
    }
  }

  @Override
  public void activateFramework(String frameworkId) {
    FrameworkState framework = framework(frameworkId);
    framework.active = true;
    refreshEligible(framework);
  }

  @Override
  public void deactivateFramework(String frameworkId) {
    FrameworkState framework = framework(frameworkId);
    framework.active = false;
    framework.filterEpoch++; // As Mesos' deactivateFramework, which clears offerFilters.
    refreshEligible(framework);
  }

  @Override
  public void suppress(String frameworkId) {
    FrameworkState framework = framework(frameworkId);
    framework.suppressed = true;
    refreshEligible(framework);
  }

  @Override
  public void revive(String frameworkId) {
    FrameworkState framework = framework(frameworkId);
    framework.filterEpoch++; // Mesos' revive clears the framework's filters: those of an older epoch are dead.
    framework.suppressed = false;
    refreshEligible(framework);
    bumpEligibility(framework);
    changed = true;
  }

  @Override
  public void setWeight(String role, double weight) {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("expected a finite weight > 0 for role '" + role + "', found " + weight);
    }
    checkRole(role);
    weights.put(role, weight);
    RoleState roleState = roles.get(role);
    if (roleState != null) {
      roleState.client.weight = weight;
      roleSorter.changed(roleState.client);
    }
    changed = true;
  }

  private void refreshEligible(FrameworkState framework) {
    setEligible(framework, framework.active && !framework.suppressed);
  }

  private void setEligible(FrameworkState framework, boolean eligible) {
    if (eligible == framework.eligible) {
      return;
    }
    framework.eligible = eligible;
    RoleState role = framework.role;
    if (eligible) {
      role.frameworks.activate(framework.client);
      if (role.eligibleCount++ == 0) {
        roleSorter.activate(role.client);
      }
      eligibleFrameworks++;
      bumpEligibility(framework);
      changed = true;
    } else {
      role.frameworks.deactivate(framework.client);
      if (--role.eligibleCount == 0) {
        roleSorter.deactivate(role.client);
      }
      eligibleFrameworks--;
      ineligibilityEpoch++;
    }
  }

  /** Records that the framework may have become eligible for agents it was not before. */
  private void bumpEligibility(FrameworkState framework) {
    eligibilityLog.record(eligibilityEpoch, framework.index);
    eligibilityEpoch++;
  }

  // ---- recovery -----------------------------------------------------------------------------------------------

  @Override
  public void recover(String frameworkId, String agentId, Resources resources, double refuseSeconds, long nowMicros) {
    FrameworkState framework = frameworks.get(frameworkId);
    if (framework == null && !pendingAgents.containsKey(frameworkId)) {
      framework(frameworkId); // fails: unknown framework
    }
    int a = agent(agentId);
    if (framework == null) {
      recoverPending(frameworkId, a, resources);
      return;
    }
    recover(framework, a, resources.milliView(), resources.namedRanges(), refuseSeconds, nowMicros);
  }

  @Override
  public void recover(int frameworkIndex, int agentIndex, long[] milli, double refuseSeconds, long nowMicros) {
    recover(framework(frameworkIndex), agent(agentIndex), milli, null, refuseSeconds, nowMicros);
  }

  @Override
  public void recover(OfferBatch batch, int offer, double refuseSeconds, long nowMicros) {
    FrameworkState framework = framework(batch.framework(offer));
    int a = agent(batch.agent(offer));
    if (batch.hasRanges(offer)) {
      Resources resources = batch.resources(offer);
      recover(framework, a, resources.toMilliArray(0), resources.namedRanges(), refuseSeconds, nowMicros);
    } else {
      if (recoverScratch.length < batch.kinds()) {
        recoverScratch = new long[batch.kinds()];
      }
      batch.copyMilli(offer, recoverScratch);
      recover(framework, a, recoverScratch, null, refuseSeconds, nowMicros);
    }
  }

  /**
   * Recovers {@code amount} (thousandths by kind, trailing zeros allowed; not kept) and {@code ranges} (or null) that
   * the framework holds on agent {@code a}, adding a decline filter when {@code refuseSeconds > 0}.
   */
  private void recover(FrameworkState framework, int a, long[] amount, NamedRanges ranges, double refuseSeconds,
      long nowMicros) {
    boolean scalars = false;
    for (long v : amount) {
      scalars |= v != 0;
    }
    if (!scalars && ranges == null) {
      return; // As Mesos: recovering nothing is a no-op and sets no filter.
    }
    int f = framework.index;
    int slot = agents.holderSlot(a, f);
    if (scalars && (slot < 0 || !agents.holds(a, slot, amount))
        || ranges != null && !NamedRanges.contains(agents.heldRanges(a, f), ranges)) {
      String holds = allocation(framework.id, agents.ids[a]).toString();
      throw new IllegalArgumentException("framework '" + framework.id + "' holds "
          + (holds.isEmpty() ? "nothing" : holds) + " on agent '" + agents.ids[a] + "', cannot recover "
          + Resources.wrap(amount.clone(), ranges));
    }
    if (scalars) {
      unallocate(a, framework, amount);
    }
    if (ranges != null) {
      agents.returnRanges(a, f, ranges);
    }
    if (refuseSeconds > 0) {
      long duration = filterMicros(refuseSeconds);
      if (duration > 0) {
        filters.add(a, f, framework.filterEpoch, amount, ranges, nowMicros + duration, frameworkCount);
      }
    }
    changed = true;
  }

  /**
   * Returns how long a decline filter lasts in whole microseconds: {@code refuseSeconds} rounded to the nearest
   * microsecond, so a filter set at t blocks while time &lt; t + r, compared as integers. It lasts at least one
   * allocation interval ({@code minFilterSeconds}); a filter stretched to the interval keeps one extra microsecond so
   * that it also survives the allocation that falls exactly at its end, as Mesos makes sure the filter outlives the
   * next batch allocation (MESOS-4302).
   */
  private long filterMicros(double refuseSeconds) {
    long refuse = refuseSeconds * 1e6 >= MAX_FILTER_MICROS ? MAX_FILTER_MICROS : Math.round(refuseSeconds * 1e6);
    long min = Math.round(options.minFilterSeconds() * 1e6);
    return min > 0 && refuse <= min ? min + 1 : refuse;
  }

  /** A task of a framework not added yet ended on a re-registered agent: its resources are free again. */
  private void recoverPending(String frameworkId, int a, Resources resources) {
    Resources held = agents.pending[a] == null ? null : agents.pending[a].get(frameworkId);
    if (held == null) {
      throw new IllegalArgumentException("unknown framework '" + frameworkId + "'");
    }
    if (!held.contains(resources)) {
      throw new IllegalArgumentException("framework '" + frameworkId + "' holds " + held + " on agent '"
          + agents.ids[a] + "', cannot recover " + resources);
    }
    Resources left = held.minus(resources);
    if (left.isEmpty()) {
      agents.pending[a].remove(frameworkId);
      pendingAgents.get(frameworkId).remove(Integer.valueOf(a));
    } else {
      agents.pending[a].put(frameworkId, left);
    }
    agents.give(a, resources.toMilliArray(0), resources.namedRanges());
    refreshAllocatable(a);
    changed = true;
  }

  // ---- allocation bookkeeping ---------------------------------------------------------------------------------

  /** Counts {@code amount} (at most {@link AgentTable#width} entries) and {@code ranges} as the framework's. */
  final void allocate(int a, FrameworkState framework, long[] amount, NamedRanges ranges) {
    agents.take(a, amount, ranges);
    if (ranges != null) {
      agents.holdRanges(a, framework.index, ranges);
    }
    agents.hold(a, framework.index, amount);
    RoleState role = framework.role;
    Client roleClient = role.client;
    roleClient.add(amount, 0, amount.length);
    roleClient.picks++;
    roleSorter.changed(roleClient);
    Client client = framework.client;
    client.add(amount, 0, amount.length);
    client.picks++;
    role.frameworks.changed(client);
    refreshAllocatable(a);
  }

  private void unallocate(int a, FrameworkState framework, long[] amount) {
    agents.give(a, amount, null);
    agents.release(a, agents.holderSlot(a, framework.index), amount);
    RoleState role = framework.role;
    role.client.subtract(amount, 0, amount.length);
    roleSorter.changed(role.client);
    framework.client.subtract(amount, 0, amount.length);
    role.frameworks.changed(framework.client);
    refreshAllocatable(a);
  }

  final void refreshAllocatable(int a) {
    allocatableAgents.set(a, isAllocatable(agents.rows, agents.freeAt(a)));
  }

  /** Whether the {@link AgentTable#width} entries of {@code vector} from {@code from} hold a minimum allocatable. */
  final boolean isAllocatable(long[] vector, int from) {
    int width = agents.width;
    for (long[] min : minAllocatable) {
      boolean fits = true;
      for (int i = 0; i < min.length; i++) {
        if (min[i] > (i < width ? vector[from + i] : 0)) {
          fits = false;
          break;
        }
      }
      if (fits) {
        return true;
      }
    }
    if (minAllocatable.length == 0) {
      for (int i = 0; i < width; i++) {
        if (vector[from + i] > 0) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- cycles -------------------------------------------------------------------------------------------------

  @Override
  public List<Offer> allocate(long nowMicros) {
    allocate(nowMicros, scratch);
    return offers(scratch);
  }

  @Override
  public void allocate(long nowMicros, OfferBatch into) {
    cycle.run(nowMicros, into);
  }

  @Override
  public List<Offer> allocate(long nowMicros, Collection<String> agentIds) {
    allocate(nowMicros, agentIds, scratch);
    return offers(scratch);
  }

  /** Visits the listed agents in the order they were added: the list filters, it does not reorder. */
  @Override
  public void allocate(long nowMicros, Collection<String> agentIds, OfferBatch into) {
    BitSet listed = new BitSet();
    for (String id : agentIds) {
      int a = agent(id);
      if (allocatableAgents.get(a)) {
        listed.set(a);
      }
    }
    cycle.run(nowMicros, listed, into);
  }

  /** Wraps a batch's offers as objects, in order. */
  private List<Offer> offers(OfferBatch batch) {
    if (batch.size() == 0) {
      return List.of();
    }
    List<Offer> offers = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      offers.add(new Offer(frameworkIds.get(batch.framework(i)), agents.ids[batch.agent(i)], batch.resources(i)));
    }
    return offers;
  }

  @Override
  public long nextOfferTime(long nowMicros) {
    return cycle.nextOfferTime(nowMicros);
  }

  // ---- queries and ids ----------------------------------------------------------------------------------------

  @Override
  public Resources allocation(String frameworkId, String agentId) {
    int a = agent(agentId);
    FrameworkState framework = frameworks.get(frameworkId);
    if (framework == null) {
      Resources pending = agents.pending[a] == null ? null : agents.pending[a].get(frameworkId);
      if (pending == null) {
        throw new IllegalArgumentException("unknown framework '" + frameworkId + "'");
      }
      return pending;
    }
    int slot = agents.holderSlot(a, framework.index);
    NamedRanges ranges = agents.heldRanges(a, framework.index);
    return slot < 0 && ranges == null ? Resources.EMPTY
        : Resources.wrap(slot < 0 ? new long[0] : agents.heldCopy(a, slot), ranges);
  }

  @Override
  public Resources available(String agentId) {
    int a = agent(agentId);
    return Resources.wrap(agents.freeCopy(a), agents.freeRanges[a]);
  }

  /** Returns the held resources of every framework of {@code role} on the agent, summed. */
  final long[] roleAllocation(int a, RoleState role) {
    int width = agents.width;
    long[] sum = new long[width];
    for (int slot = 0; slot < agents.holderCount(a); slot++) {
      if (frameworksByIndex[agents.holderFramework(a, slot)].role == role) {
        long[] amounts = agents.amounts(a, slot);
        int base = agents.amountAt(a, slot);
        for (int i = 0; i < width; i++) {
          sum[i] += amounts[base + i];
        }
      }
    }
    return sum;
  }

  @Override
  public int agentIndex(String agentId) {
    Integer a = agentIndex.get(agentId);
    return a == null ? -1 : a;
  }

  @Override
  public int frameworkIndex(String frameworkId) {
    FrameworkState framework = frameworks.get(frameworkId);
    return framework == null ? -1 : framework.index;
  }

  @Override
  public String agentId(int agentIndex) {
    if (agentIndex < 0 || agentIndex >= agents.count) {
      throw new IllegalArgumentException("unknown agent index " + agentIndex);
    }
    return agents.ids[agentIndex];
  }

  @Override
  public String frameworkId(int frameworkIndex) {
    if (frameworkIndex < 0 || frameworkIndex >= frameworkIds.size()) {
      throw new IllegalArgumentException("unknown framework index " + frameworkIndex);
    }
    return frameworkIds.get(frameworkIndex);
  }

  private int agent(int index) {
    if (index < 0 || index >= agents.count || !agents.present[index]) {
      throw new IllegalArgumentException("unknown agent index " + index);
    }
    return index;
  }

  private FrameworkState framework(int index) {
    FrameworkState framework = index < 0 || index >= frameworkCount ? null : frameworksByIndex[index];
    if (framework == null) {
      throw new IllegalArgumentException("unknown framework index " + index);
    }
    return framework;
  }

  private int agent(String id) {
    Integer a = agentIndex.get(id);
    if (a == null) {
      throw new IllegalArgumentException("unknown agent '" + id + "'");
    }
    return a;
  }

  private FrameworkState framework(String id) {
    FrameworkState framework = frameworks.get(id);
    if (framework == null) {
      throw new IllegalArgumentException("unknown framework '" + id + "'");
    }
    return framework;
  }
}
