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
 * <p>Subclasses choose the sorters (DRF, priority, random) and may confine roles to partitions. As in Mesos, an agent
 * with GPUs is offered only to frameworks with the GPU_RESOURCES capability ({@code filterGpuResources}), deactivating
 * a framework clears its decline filters, a role leaves the role sorter with its last framework
 * ({@code tryUntrackFrameworkUnderRole}), and a weight may be set for a role no framework has joined yet
 * ({@code updateWeights}). Left out: quota, reservations, revocable and shared resources, and offer constraints.
 *
 * <p>Range resources (such as {@code ports}) go with the rest: an offer carries all of the agent's free ranges, a decline
 * filter blocks an offer only if every range of the offer lies inside the refused ranges, and shares count scalars
 * only, as Mesos' sorter does. An agent may re-register with resources its tasks already use, for frameworks not
 * subscribed yet (Mesos' {@code addSlave}): those count as theirs once they subscribe.
 *
 * <p>Two shortcuts keep idle cycles cheap without changing any result: a cycle that offered nothing is not repeated
 * until something changes or a filter that blocked it expires, and an agent on which every eligible framework was
 * filtered is skipped until its free resources, the set of eligible frameworks, or the earliest such filter changes.
 * Allocators whose sorters draw random numbers turn both off ({@link #mayCacheIdleVisits}): a skipped visit would
 * skip its draws and shift every later order.
 */
abstract class HierarchicalAllocator implements Allocator {
  private static final long MAX_FILTER_MICROS = 365L * 24 * 3600 * 1_000_000;

  protected final AllocatorOptions options;
  /** The cluster total, shared by every sorter; the array is replaced when agents come and go. */
  private final long[][] total = {new long[0]};
  private final long[][] minAllocatable;
  private final Map<String, AgentState> agents = new HashMap<>();
  private final List<AgentState> agentsByIndex = new ArrayList<>();
  /** Agents whose free resources are allocatable, by index (the order they were added). */
  private final BitSet allocatableAgents = new BitSet();
  private final Map<String, FrameworkState> frameworks = new HashMap<>();
  /** Agents holding resources for frameworks not added yet, by framework id. */
  private final Map<String, List<AgentState>> pendingAgents = new HashMap<>();
  private final Map<String, RoleState> roles = new HashMap<>();
  private final Map<String, Double> weights = new HashMap<>();
  private final Sorter roleSorter;
  private final SplittableRandom shuffle;
  private int eligibleFrameworks;
  /** Frameworks ever added: the next framework's index into the agents' filter arrays. */
  private int frameworkCount;
  private boolean totalChanged;
  /** Bumped whenever a framework may have become eligible for an agent it was not before. */
  private long eligibilityEpoch;
  /** Which framework each recent bump of {@link #eligibilityEpoch} was for, by framework index. */
  private final EligibilityLog eligibilityLog = new EligibilityLog();
  /** Frameworks by index; null once removed. */
  private FrameworkState[] frameworksByIndex = new FrameworkState[16];
  /**
   * Bumped whenever a framework stops counting for agents it was filtered on (it became ineligible, or lost the GPU
   * capability: {@link #gpuLossEpoch}, which matters on GPU agents only): the earliest blocking filter of such an agent
   * may be gone, so its cache is then only refreshed by a full visit.
   */
  private long ineligibilityEpoch;
  private long gpuLossEpoch;
  private boolean changed = true;
  private long quietUntil = Long.MIN_VALUE;
  private long nextExpiry;
  private int[] order = new int[16];

  protected HierarchicalAllocator(AllocatorOptions options) {
    this.options = options;
    this.minAllocatable = options.minAllocatable().stream().map(r -> r.toMilliArray(0)).toArray(long[][]::new);
    this.shuffle = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    this.roleSorter = newSorter(true);
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
  void agentAdded(AgentState agent) {}

  /**
   * Returns what {@code role} may be offered on {@code agent}: by default all its free resources. The returned array
   * must not be modified.
   */
  long[] availableFor(AgentState agent, RoleState role) {
    return agent.free;
  }

  /**
   * The offer-sizing hook: returns what to offer {@code framework} on {@code agent} out of {@code available} (what its
   * role may take there; not to be modified), or null to pass the framework over on this agent as if it were filtered,
   * the agent then going to the next framework in order. By default the whole of {@code available}. The cycle offers
   * the agent's free ranges only with the whole of {@code available} (the same array, or equal quantities), passes the
   * framework over when a smaller offer holds none of the minimum allocatable resources, and checks decline filters
   * against the offer as sized. A subclass whose sizes depend on anything but the agent's free resources must also
   * turn off {@link #mayCacheIdleVisits}.
   */
  long[] sizeOffer(AgentState agent, FrameworkState framework, long[] available) {
    return available;
  }

  /** Returns the only role that may be offered anything on the agent, or null when any role may. */
  RoleState soleRole(AgentState agent) {
    return null;
  }

  // ---- agents -------------------------------------------------------------------------------------------------

  @Override
  public void addAgent(String agentId, Resources resources) {
    if (agents.containsKey(agentId)) {
      throw new IllegalArgumentException("agent '" + agentId + "' already exists");
    }
    long[] newTotal = sum(total[0], resources.toMilliArray(0), 1);
    AgentState agent = new AgentState(agentId, agentsByIndex.size(), resources.toMilliArray(0));
    agent.freeRanges = resources.namedRanges();
    agents.put(agentId, agent);
    agentsByIndex.add(agent);
    total[0] = newTotal;
    totalChanged = true;
    agentAdded(agent);
    refreshAllocatable(agent);
    changed = true;
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
    AgentState agent = agents.get(agentId);
    for (var entry : new java.util.TreeMap<>(used).entrySet()) {
      Resources r = entry.getValue();
      if (r.isEmpty()) {
        continue;
      }
      FrameworkState framework = frameworks.get(entry.getKey());
      if (framework != null) {
        allocate(agent, framework, r.toMilliArray(0), r.namedRanges());
      } else {
        agent.take(r.toMilliArray(0), r.namedRanges());
        agent.pending().merge(entry.getKey(), r, Resources::plus);
        pendingAgents.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(agent);
        refreshAllocatable(agent);
      }
    }
  }

  /** Gives a newly added framework what agents that re-registered before it already hold for it. */
  private void adoptPending(FrameworkState framework) {
    List<AgentState> waiting = pendingAgents.remove(framework.id);
    if (waiting == null) {
      return;
    }
    for (AgentState agent : waiting) {
      Resources held = agent.pending().remove(framework.id);
      if (held != null) {
        agent.untake(held.toMilliArray(0), held.namedRanges()); // allocate takes it again: free is unchanged
        allocate(agent, framework, held.toMilliArray(0), held.namedRanges());
      }
    }
  }

  /**
   * Replaces an agent's total, as Mesos' {@code updateSlave} ({@code updateSlaveTotal}): holdings and filters stay;
   * the free resources become total less held, kind by kind, and nothing where the held exceed the total.
   */
  @Override
  public void updateAgent(String agentId, Resources newTotal) {
    AgentState agent = agent(agentId);
    if (newTotal.namedRanges() != null || agent.freeRanges != null
        || agent.heldRanges != null && !agent.heldRanges.isEmpty()) {
      throw new IllegalArgumentException("agent '" + agentId + "': range resources cannot be updated");
    }
    long[] next = newTotal.toMilliArray(0);
    long[] cluster = sum(sum(total[0], agent.total, -1), next, 1);
    agent.updateTotal(next);
    total[0] = cluster;
    totalChanged = true;
    changed = true;
    refreshAllocatable(agent);
  }

  /**
   * Grows an agent by a resource provider, as Mesos' {@code addResourceProvider}: the total grows (as
   * {@link #updateAgent}) and each framework's use is held by it at once, tracked in the sorters as an allocation.
   */
  @Override
  public void addResourceProvider(String agentId, Resources extra, Map<String, Resources> used) {
    AgentState agent = agent(agentId);
    Resources sum = Resources.EMPTY;
    for (var entry : used.entrySet()) {
      framework(entry.getKey()); // fails: unknown framework
      sum = sum.plus(entry.getValue());
    }
    if (sum.namedRanges() != null) {
      throw new IllegalArgumentException("agent '" + agentId + "': range resources cannot be updated");
    }
    Resources before = Resources.wrap(agent.total.clone(), null);
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
        allocate(agent, frameworks.get(entry.getKey()), r.toMilliArray(0), null);
      }
    }
    changed = true;
  }

  @Override
  public void removeAgent(String agentId) {
    AgentState agent = agent(agentId);
    for (String pending : agent.pending == null ? List.<String>of() : agent.pending.keySet()) {
      pendingAgents.get(pending).remove(agent);
    }
    for (var held : new ArrayList<>(agent.holders.entrySet())) {
      unallocate(agent, held.getKey(), held.getValue().clone());
    }
    agents.remove(agentId);
    agentsByIndex.set(agent.index, null);
    allocatableAgents.clear(agent.index);
    total[0] = sum(total[0], agent.total, -1);
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
    if (framework.index == frameworksByIndex.length) {
      frameworksByIndex = Arrays.copyOf(frameworksByIndex, 2 * frameworksByIndex.length);
    }
    frameworksByIndex[framework.index] = framework;
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
    return role;
  }

  /** Returns the roles known so far, by name. */
  final Map<String, RoleState> roles() {
    return roles;
  }

  @Override
  public void removeFramework(String frameworkId) {
    FrameworkState framework = framework(frameworkId);
    for (AgentState agent : agentsByIndex) {
      long[] held = agent == null ? null : agent.holders.get(framework);
      if (held != null) {
        unallocate(agent, framework, held.clone());
      }
      NamedRanges ranges = agent == null ? null : agent.heldRanges(framework);
      if (ranges != null) {
        agent.returnRanges(framework, ranges);
      }
    }
    for (AgentState agent : agentsByIndex) {
      if (agent != null && agent.filters != null && framework.index < agent.filters.length) {
        agent.filters[framework.index] = null;
      }
    }
    setEligible(framework, false);
    RoleState role = framework.role;
    if (--role.frameworkCount == 0) {
      // Mesos' tryUntrackFrameworkUnderRole: the role leaves the role sorter with its last framework, so a framework
      // that joins it later starts it again with no picks. Its weight is kept (Mesos' sorter keeps weights by name).
      roles.remove(role.name);
    }
    frameworks.remove(frameworkId);
    frameworksByIndex[framework.index] = null;
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
    clearFilters(framework); // As Mesos' deactivateFramework, which clears offerFilters.
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
    clearFilters(framework);
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
      roleSorter.update(roleState.client, () -> roleState.client.weight = weight);
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

  // ---- recovery and filters -----------------------------------------------------------------------------------

  @Override
  public void recover(String frameworkId, String agentId, Resources resources, double refuseSeconds, long nowMicros) {
    FrameworkState framework = frameworks.get(frameworkId);
    if (framework == null && !pendingAgents.containsKey(frameworkId)) {
      framework(frameworkId); // fails: unknown framework
    }
    AgentState agent = agent(agentId);
    if (framework == null) {
      recoverPending(frameworkId, agent, resources);
      return;
    }
    if (resources.isEmpty()) {
      return; // As Mesos: recovering nothing is a no-op and sets no filter.
    }
    long[] held = agent.holders.get(framework);
    long[] amount = resources.toMilliArray(0);
    NamedRanges ranges = resources.namedRanges();
    if (amount.length > 0 && (held == null || !Resources.containsMilli(held, amount))
        || ranges != null && !NamedRanges.contains(agent.heldRanges(framework), ranges)) {
      String holds = allocation(frameworkId, agentId).toString();
      throw new IllegalArgumentException("framework '" + frameworkId + "' holds " + (holds.isEmpty() ? "nothing" : holds)
          + " on agent '" + agentId + "', cannot recover " + resources);
    }
    if (amount.length > 0) {
      unallocate(agent, framework, amount);
    }
    if (ranges != null) {
      agent.returnRanges(framework, ranges);
    }
    if (refuseSeconds > 0) {
      long duration = filterMicros(refuseSeconds);
      if (duration > 0) {
        addFilter(agent, framework, amount, ranges, nowMicros + duration);
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
  private void recoverPending(String frameworkId, AgentState agent, Resources resources) {
    Resources held = agent.pending == null ? null : agent.pending.get(frameworkId);
    if (held == null) {
      throw new IllegalArgumentException("unknown framework '" + frameworkId + "'");
    }
    if (!held.contains(resources)) {
      throw new IllegalArgumentException("framework '" + frameworkId + "' holds " + held + " on agent '" + agent.id
          + "', cannot recover " + resources);
    }
    Resources left = held.minus(resources);
    if (left.isEmpty()) {
      agent.pending.remove(frameworkId);
      pendingAgents.get(frameworkId).remove(agent);
    } else {
      agent.pending.put(frameworkId, left);
    }
    agent.give(resources.toMilliArray(0), resources.namedRanges());
    refreshAllocatable(agent);
    changed = true;
  }

  private void addFilter(AgentState agent, FrameworkState framework, long[] refused, NamedRanges refusedRanges,
      long expiresAt) {
    int i = framework.index;
    if (agent.filters == null || agent.filters.length <= i) {
      agent.filters = Arrays.copyOf(agent.filters == null ? new Filter[0] : agent.filters,
          Math.max(i + 1, Math.min(frameworkCount, 2 * i + 2)));
    }
    Filter chain = live(agent.filters[i], framework, -1);
    agent.filters[i] = refusedRanges == null ? new Filter(refused, expiresAt, framework.filterEpoch, chain)
        : new RangeFilter(refused, refusedRanges, expiresAt, framework.filterEpoch, chain);
  }

  /** Drops every filter of the framework at once: filters of an older epoch are dead (Mesos' revive). */
  private static void clearFilters(FrameworkState framework) {
    framework.filterEpoch++;
  }

  /** Returns the chain without filters that are dead (older epoch) or expired at {@code now} (if now >= 0). */
  private static Filter live(Filter chain, FrameworkState framework, long now) {
    Filter head = chain;
    while (head != null && (head.epoch != framework.filterEpoch || now >= head.expiresAt && now >= 0)) {
      head = head.next;
    }
    for (Filter f = head; f != null; ) {
      Filter next = f.next;
      while (next != null && (next.epoch != framework.filterEpoch || now >= next.expiresAt && now >= 0)) {
        next = next.next;
      }
      f.next = next;
      f = next;
    }
    return head;
  }

  /**
   * Returns whether a live filter of the framework on the agent covers {@code offer} with {@code offeredRanges} (null:
   * none); drops expired ones.
   */
  private boolean isFiltered(AgentState agent, FrameworkState framework, long[] offer, NamedRanges offeredRanges,
      long now) {
    Filter[] filters = agent.filters;
    int i = framework.index;
    if (filters == null || i >= filters.length || filters[i] == null) {
      return false;
    }
    Filter chain = live(filters[i], framework, now);
    filters[i] = chain;
    for (Filter f = chain; f != null; f = f.next) {
      if (Resources.containsMilli(f.refused, offer)
          && (offeredRanges == null || f.coversRanges(offeredRanges))) {
        nextExpiry = Math.min(nextExpiry, f.expiresAt);
        agent.blockedUntil = Math.min(agent.blockedUntil, f.expiresAt);
        return true;
      }
    }
    return false;
  }

  // ---- allocation ---------------------------------------------------------------------------------------------

  @Override
  public List<Offer> allocate(long nowMicros) {
    if (eligibleFrameworks == 0 || quiet(nowMicros)) {
      return List.of();
    }
    int n = 0;
    for (int i = allocatableAgents.nextSetBit(0); i >= 0; i = allocatableAgents.nextSetBit(i + 1)) {
      if (n == order.length) {
        order = Arrays.copyOf(order, n * 2);
      }
      order[n++] = i;
    }
    List<Offer> offers = cycle(nowMicros, n);
    changed = false;
    quietUntil = offers.isEmpty() ? nextExpiry : Long.MIN_VALUE;
    return offers;
  }

  /**
   * Whether a full cycle at {@code now} may be skipped: nothing changed since one that offered nothing, and the
   * sorters draw no random numbers (a random sorter draws at every visit, so it is never quiet).
   */
  private boolean quiet(long now) {
    return !changed && now < quietUntil && mayCacheIdleVisits();
  }

  /**
   * Returns when a full cycle could next offer something: never (Long.MAX_VALUE) while no framework is eligible, no
   * agent has allocatable free resources, or nothing changed since a cycle that offered nothing and no filter that
   * blocked it expires; else {@code nowMicros} or the earliest expiry of such a filter.
   */
  @Override
  public long nextOfferTime(long nowMicros) {
    if (eligibleFrameworks == 0 || allocatableAgents.isEmpty()) {
      return Long.MAX_VALUE;
    }
    return quiet(nowMicros) ? quietUntil : nowMicros;
  }

  /** Visits the listed agents in the order they were added: the list filters, it does not reorder. */
  @Override
  public List<Offer> allocate(long nowMicros, Collection<String> agentIds) {
    BitSet listed = new BitSet();
    for (String id : agentIds) {
      AgentState agent = agent(id);
      if (allocatableAgents.get(agent.index)) {
        listed.set(agent.index);
      }
    }
    if (eligibleFrameworks == 0) {
      return List.of();
    }
    int n = 0;
    if (order.length < listed.cardinality()) {
      order = new int[listed.cardinality()];
    }
    for (int i = listed.nextSetBit(0); i >= 0; i = listed.nextSetBit(i + 1)) {
      order[n++] = i;
    }
    return cycle(nowMicros, n);
  }

  private List<Offer> cycle(long now, int n) {
    if (totalChanged) {
      roleSorter.totalChanged();
      for (RoleState role : roles.values()) {
        role.frameworks.totalChanged();
      }
      totalChanged = false;
    }
    if (options.shuffleAgents()) {
      for (int i = n - 1; i > 0; i--) {
        int j = shuffle.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    nextExpiry = Long.MAX_VALUE;
    List<Offer> offers = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      AgentState agent = agentsByIndex.get(order[k]);
      if (agent.blockedEpoch == eligibilityEpoch && agent.blockedVersion == agent.version && now < agent.blockedUntil
          && mayCacheIdleVisits()) {
        nextExpiry = Math.min(nextExpiry, agent.blockedUntil);
        continue;
      }
      if (stillBlocked(agent, now)) {
        agent.blockedEpoch = eligibilityEpoch;
        nextExpiry = Math.min(nextExpiry, agent.blockedUntil);
        continue;
      }
      agent.blockedUntil = Long.MAX_VALUE;
      int before = offers.size();
      allocateAgent(agent, now, offers);
      if (offers.size() == before) {
        agent.blockedEpoch = eligibilityEpoch;
        agent.blockedVersion = agent.version;
        agent.blockedIneligibility = ineligibilityEpoch;
        agent.blockedGpuLoss = gpuLossEpoch;
      }
    }
    return offers;
  }

  /**
   * Whether an agent blocked at an older eligibility epoch is still blocked, found by checking only the frameworks that
   * may have become eligible since: its free resources are the same, no filter that blocked it expired, and no
   * framework stopped counting, so every framework that was filtered then still is. Its {@code blockedUntil} then
   * becomes what a full visit would compute (the earliest of the old blocking filters and those of the new frameworks).
   * Returns false, changing nothing but dropping expired filters, when a full visit is needed.
   */
  private boolean stillBlocked(AgentState agent, long now) {
    if (agent.blockedVersion != agent.version || now >= agent.blockedUntil || !mayCacheIdleVisits()
        || agent.blockedIneligibility != ineligibilityEpoch || agent.hasGpu && agent.blockedGpuLoss != gpuLossEpoch
        || agent.blockedEpoch < 0 || !eligibilityLog.holds(agent.blockedEpoch, eligibilityEpoch)) {
      return false;
    }
    RoleState sole = soleRole(agent);
    long until = agent.blockedUntil;
    for (long e = agent.blockedEpoch; e < eligibilityEpoch; e++) {
      FrameworkState framework = frameworksByIndex[eligibilityLog.at(e)];
      if (framework == null || !framework.eligible || sole != null && framework.role != sole
          || agent.hasGpu && !framework.gpuCapable) {
        continue;
      }
      long[] available = availableFor(agent, framework.role);
      if (!isAllocatable(available)) {
        continue;
      }
      long beforeExpiry = nextExpiry;
      agent.blockedUntil = Long.MAX_VALUE;
      boolean filtered = isFiltered(agent, framework, available, agent.freeRanges, now);
      nextExpiry = beforeExpiry;
      until = Math.min(until, agent.blockedUntil);
      if (!filtered) {
        agent.blockedUntil = until;
        return false;
      }
    }
    agent.blockedUntil = until;
    return true;
  }

  private void allocateAgent(AgentState agent, long now, List<Offer> offers) {
    RoleState sole = soleRole(agent);
    if (sole != null) {
      if (sole.client.active) {
        offerToRole(agent, sole, now, offers);
      }
      return;
    }
    Client roleClient = roleSorter.first();
    while (roleClient != null) {
      RoleState role = (RoleState) roleClient.owner;
      if (offerToRole(agent, role, now, offers)) {
        if (!allocatableAgents.get(agent.index)) {
          return;
        }
        if (roleSorter.restartsAfterAllocation()) {
          roleClient = roleSorter.first();
          continue;
        }
      }
      roleClient = roleSorter.next(roleClient);
    }
  }

  /** Offers the role's share of the agent to its first eligible, unfiltered framework; returns whether it did. */
  private boolean offerToRole(AgentState agent, RoleState role, long now, List<Offer> offers) {
    long[] available = availableFor(agent, role);
    if (!isAllocatable(available)) {
      return false;
    }
    for (Client c = role.frameworks.first(); c != null; c = role.frameworks.next(c)) {
      FrameworkState framework = (FrameworkState) c.owner;
      if (agent.hasGpu && !framework.gpuCapable) {
        continue; // Mesos' filterGpuResources (MESOS-5634): GPU agents only for GPU_RESOURCES frameworks.
      }
      long[] sized = sizeOffer(agent, framework, available);
      if (sized == null || sized != available && !isAllocatable(sized)) {
        continue; // passed over on this agent, as if filtered
      }
      NamedRanges ranges = sized == available || Arrays.equals(sized, available) ? agent.freeRanges : null;
      if (isFiltered(agent, framework, sized, ranges, now)) {
        continue;
      }
      long[] amount = sized.clone();
      allocate(agent, framework, amount, ranges);
      offers.add(new Offer(framework.id, agent.id, Resources.wrap(amount.clone(), ranges)));
      return true;
    }
    return false;
  }

  private boolean isAllocatable(long[] available) {
    for (long[] min : minAllocatable) {
      if (Resources.containsMilli(available, min)) {
        return true;
      }
    }
    if (minAllocatable.length == 0) {
      for (long v : available) {
        if (v > 0) {
          return true;
        }
      }
    }
    return false;
  }

  private void allocate(AgentState agent, FrameworkState framework, long[] amount, NamedRanges ranges) {
    agent.take(amount, ranges);
    if (ranges != null) {
      agent.holdRanges(framework, ranges);
    }
    long[] held = agent.holders.get(framework);
    if (held == null) {
      agent.holders.put(framework, amount.clone());
    } else {
      addInto(agent.holders, framework, held, amount);
    }
    RoleState role = framework.role;
    roleSorter.update(role.client, () -> {
      role.client.add(amount);
      role.client.picks++;
    });
    role.frameworks.update(framework.client, () -> {
      framework.client.add(amount);
      framework.client.picks++;
    });
    refreshAllocatable(agent);
  }

  private static void addInto(Map<FrameworkState, long[]> holders, FrameworkState framework, long[] held, long[] amount) {
    long[] sum = held.length >= amount.length ? held : Arrays.copyOf(held, amount.length);
    for (int i = 0; i < amount.length; i++) {
      sum[i] = Math.addExact(sum[i], amount[i]);
    }
    if (sum != held) {
      holders.put(framework, sum);
    }
  }

  private void unallocate(AgentState agent, FrameworkState framework, long[] amount) {
    agent.give(amount);
    long[] held = agent.holders.get(framework);
    boolean empty = true;
    for (int i = 0; i < held.length; i++) {
      held[i] -= i < amount.length ? amount[i] : 0;
      empty &= held[i] == 0;
    }
    if (empty) {
      agent.holders.remove(framework);
    }
    RoleState role = framework.role;
    roleSorter.update(role.client, () -> role.client.subtract(amount));
    role.frameworks.update(framework.client, () -> framework.client.subtract(amount));
    refreshAllocatable(agent);
  }

  private void refreshAllocatable(AgentState agent) {
    allocatableAgents.set(agent.index, isAllocatable(agent.free));
  }

  // ---- queries ------------------------------------------------------------------------------------------------

  @Override
  public Resources allocation(String frameworkId, String agentId) {
    AgentState agent = agent(agentId);
    FrameworkState framework = frameworks.get(frameworkId);
    if (framework == null) {
      Resources pending = agent.pending == null ? null : agent.pending.get(frameworkId);
      if (pending == null) {
        throw new IllegalArgumentException("unknown framework '" + frameworkId + "'");
      }
      return pending;
    }
    long[] held = agent.holders.get(framework);
    NamedRanges ranges = agent.heldRanges(framework);
    return held == null && ranges == null ? Resources.EMPTY
        : Resources.wrap(held == null ? new long[0] : held.clone(), ranges);
  }

  @Override
  public Resources available(String agentId) {
    AgentState agent = agent(agentId);
    return Resources.wrap(agent.free.clone(), agent.freeRanges);
  }

  /** Returns the held resources of every framework of {@code role} on the agent, summed. */
  final long[] roleAllocation(AgentState agent, RoleState role) {
    long[] sum = new long[agent.total.length];
    for (var held : agent.holders.entrySet()) {
      if (held.getKey().role == role) {
        for (int i = 0; i < Math.min(sum.length, held.getValue().length); i++) {
          sum[i] += held.getValue()[i];
        }
      }
    }
    return sum;
  }

  private AgentState agent(String id) {
    AgentState agent = agents.get(id);
    if (agent == null) {
      throw new IllegalArgumentException("unknown agent '" + id + "'");
    }
    return agent;
  }

  private FrameworkState framework(String id) {
    FrameworkState framework = frameworks.get(id);
    if (framework == null) {
      throw new IllegalArgumentException("unknown framework '" + id + "'");
    }
    return framework;
  }

  // ---- state --------------------------------------------------------------------------------------------------

  /** One agent: its total, its free resources, who holds what on it, and the decline filters set on it. */
  static final class AgentState {
    final String id;
    final int index;
    long[] total;
    long[] free;
    /** What the holders use beyond the total, by kind, after the total shrank (null when nothing). */
    long[] excess;
    /** Whether the agent has GPUs: then only GPU-capable frameworks are offered it (Mesos' filterGpuResources). */
    boolean hasGpu;
    final Map<FrameworkState, long[]> holders = new HashMap<>();
    /** Free range resources (null when none), and those each framework holds. */
    NamedRanges freeRanges;
    private Map<FrameworkState, NamedRanges> heldRanges;
    /** What the agent's tasks use for frameworks not added yet (it re-registered before them); null while none. */
    Map<String, Resources> pending;
    /** Decline filters by framework index: a chain of filters each, or null. */
    Filter[] filters;
    /** Bumped whenever the free resources change. */
    long version;
    /** The last cycle offered nothing here at this version and epoch; valid until blockedUntil. */
    long blockedVersion = -1;
    long blockedEpoch = -1;
    long blockedUntil = Long.MAX_VALUE;
    long blockedIneligibility = -1;
    long blockedGpuLoss = -1;
    /** Partition data of the static allocator. */
    Object partition;

    AgentState(String id, int index, long[] total) {
      this.id = id;
      this.index = index;
      this.total = total;
      this.free = total.clone();
      this.hasGpu = ResourceKinds.GPUS < total.length && total[ResourceKinds.GPUS] > 0;
    }

    void take(long[] amount) {
      for (int i = 0; i < amount.length; i++) {
        free[i] -= amount[i];
      }
      version++;
    }

    void take(long[] amount, NamedRanges ranges) {
      take(amount);
      if (ranges != null) {
        freeRanges = NamedRanges.minus(freeRanges, ranges);
      }
    }

    void give(long[] amount) {
      for (int i = 0; i < amount.length; i++) {
        long back = amount[i];
        if (excess != null && i < excess.length && excess[i] > 0) {
          long covered = Math.min(excess[i], back);
          excess[i] -= covered;
          back -= covered;
        }
        free[i] += back;
      }
      version++;
    }

    /** Undoes a {@link #take} exactly (no excess is settled), for a use that changes hands. */
    void untake(long[] amount, NamedRanges ranges) {
      for (int i = 0; i < amount.length; i++) {
        free[i] += amount[i];
      }
      if (ranges != null) {
        freeRanges = NamedRanges.plus(freeRanges, ranges);
      }
      version++;
    }

    /** Sets a new total: what is used (total less free, plus any excess) stays, the free part is what is left. */
    void updateTotal(long[] next) {
      int n = Math.max(next.length, free.length);
      long[] newTotal = Arrays.copyOf(next, n);
      long[] newFree = new long[n];
      long[] newExcess = new long[n];
      boolean over = false;
      for (int i = 0; i < n; i++) {
        long used = (i < total.length ? total[i] : 0) - (i < free.length ? free[i] : 0)
            + (excess != null && i < excess.length ? excess[i] : 0);
        newFree[i] = Math.max(0, newTotal[i] - used);
        newExcess[i] = Math.max(0, used - newTotal[i]);
        over |= newExcess[i] > 0;
      }
      total = newTotal;
      free = newFree;
      excess = over ? newExcess : null;
      hasGpu = ResourceKinds.GPUS < total.length && total[ResourceKinds.GPUS] > 0;
      version++;
    }

    void give(long[] amount, NamedRanges ranges) {
      give(amount);
      if (ranges != null) {
        freeRanges = NamedRanges.plus(freeRanges, ranges);
      }
    }

    /** Returns the map of pending uses, created on first use (most agents never have one). */
    Map<String, Resources> pending() {
      if (pending == null) {
        pending = new HashMap<>(4);
      }
      return pending;
    }

    /** Returns the ranges the framework holds here, or null. */
    NamedRanges heldRanges(FrameworkState framework) {
      return heldRanges == null ? null : heldRanges.get(framework);
    }

    /** Adds ranges to what the framework holds here. */
    void holdRanges(FrameworkState framework, NamedRanges ranges) {
      if (heldRanges == null) {
        heldRanges = new HashMap<>(4);
      }
      heldRanges.merge(framework, ranges, NamedRanges::plus);
    }

    /** Returns ranges a framework held to the free ranges. */
    void returnRanges(FrameworkState framework, NamedRanges ranges) {
      NamedRanges left = NamedRanges.minus(heldRanges(framework), ranges);
      if (left == null) {
        if (heldRanges != null) {
          heldRanges.remove(framework);
        }
      } else {
        heldRanges.put(framework, left); // left is part of what it held, so the map exists
      }
      freeRanges = NamedRanges.plus(freeRanges, ranges);
      version++;
    }
  }

  /** One role: its sorter node and the sorter of its frameworks. */
  static final class RoleState {
    final String name;
    final Client client;
    final Sorter frameworks;
    int frameworkCount;
    int eligibleCount;

    RoleState(String name, Sorter frameworks, int width) {
      this.name = name;
      this.client = new Client(name, this, width);
      this.frameworks = frameworks;
    }
  }

  /** One framework: its sorter node, its state and where it holds resources or has filters. */
  static final class FrameworkState {
    final String id;
    final int index;
    final RoleState role;
    final Client client;
    /** Whether the framework declared the GPU_RESOURCES capability. */
    boolean gpuCapable;
    boolean active = true;
    boolean suppressed;
    boolean eligible;
    /** Bumped by revive: filters set in an older epoch no longer apply. */
    int filterEpoch;

    FrameworkState(String id, int index, RoleState role, int width, boolean gpuCapable) {
      this.id = id;
      this.index = index;
      this.role = role;
      this.gpuCapable = gpuCapable;
      this.client = new Client(id, this, width);
    }
  }

  /** A decline filter: refuses offers no bigger than {@code refused} until {@code expiresAt}; chained per agent. */
  static class Filter {
    final long[] refused;
    final long expiresAt;
    final int epoch;
    Filter next;

    Filter(long[] refused, long expiresAt, int epoch, Filter next) {
      this.refused = refused;
      this.expiresAt = expiresAt;
      this.epoch = epoch;
      this.next = next;
    }

    /** Returns whether the refused ranges hold every offered range; a filter without ranges holds none. */
    boolean coversRanges(NamedRanges offered) {
      return false;
    }
  }

  /** A decline filter that also refused range resources (kept apart so that scalar-only filters stay small). */
  static final class RangeFilter extends Filter {
    final NamedRanges refusedRanges;

    RangeFilter(long[] refused, NamedRanges refusedRanges, long expiresAt, int epoch, Filter next) {
      super(refused, expiresAt, epoch, next);
      this.refusedRanges = refusedRanges;
    }

    @Override
    boolean coversRanges(NamedRanges offered) {
      return NamedRanges.contains(refusedRanges, offered);
    }
  }

}
