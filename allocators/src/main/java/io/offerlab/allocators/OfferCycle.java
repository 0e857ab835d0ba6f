package io.offerlab.allocators;

import static io.offerlab.allocators.AgentTable.BLOCKED_EPOCH;
import static io.offerlab.allocators.AgentTable.BLOCKED_GPU_LOSS;
import static io.offerlab.allocators.AgentTable.BLOCKED_INELIGIBILITY;
import static io.offerlab.allocators.AgentTable.BLOCKED_UNTIL;
import static io.offerlab.allocators.AgentTable.BLOCKED_VERSION;
import static io.offerlab.allocators.AgentTable.VERSION;

import java.util.Arrays;
import java.util.BitSet;

/**
 * One allocation cycle of a {@link HierarchicalAllocator}: agents in a seeded shuffled order (as Mesos' master), for
 * each the roles and then the frameworks of a role in their sorters' order, the first framework neither GPU-excluded
 * nor passed over ({@link HierarchicalAllocator#offerFor}) nor filtered getting the offer, written into an
 * {@link OfferBatch}.
 *
 * <p>Two shortcuts keep idle cycles cheap without changing any result: a cycle that offered nothing is not repeated
 * until something changes or a filter that blocked it expires, and an agent on which every eligible framework was
 * filtered is skipped until its free resources, the set of eligible frameworks, or the earliest such filter changes
 * (an agent blocked at an older eligibility epoch checks only the frameworks that became eligible since, from the
 * {@link EligibilityLog}). Allocators whose sorters draw random numbers turn both off
 * ({@link HierarchicalAllocator#mayCacheIdleVisits}): a skipped visit would skip its draws and shift every later order.
 */
final class OfferCycle {
  private final HierarchicalAllocator allocator;
  private final AgentTable agents;
  private final FilterTable filters;
  private int[] order = new int[16];
  private long quietUntil = Long.MIN_VALUE;
  private long nextExpiry;
  /** Whether the allocator sizes its offers ({@link HierarchicalAllocator#sizesOffers}), read once per cycle. */
  private boolean sizes;
  /** Scratch vectors of the agent table's width. */
  private long[] available;
  private long[] sized;

  OfferCycle(HierarchicalAllocator allocator) {
    this.allocator = allocator;
    this.agents = allocator.agents;
    this.filters = allocator.filters;
    widen(agents.width);
  }

  void widen(int kinds) {
    available = new long[kinds];
    sized = new long[kinds];
  }

  /** Runs a full cycle over every agent with allocatable free resources. */
  void run(long now, OfferBatch offers) {
    offers.clear();
    if (allocator.eligibleFrameworks == 0 || quiet(now)) {
      return;
    }
    BitSet allocatable = allocator.allocatableAgents;
    int n = 0;
    for (int i = allocatable.nextSetBit(0); i >= 0; i = allocatable.nextSetBit(i + 1)) {
      if (n == order.length) {
        order = Arrays.copyOf(order, n * 2);
      }
      order[n++] = i;
    }
    visit(now, n, offers);
    allocator.changed = false;
    quietUntil = offers.size() == 0 ? nextExpiry : Long.MIN_VALUE;
  }

  /** Runs a cycle over the listed agents only (already restricted to allocatable ones), in the order they were added. */
  void run(long now, BitSet listed, OfferBatch offers) {
    offers.clear();
    if (allocator.eligibleFrameworks == 0) {
      return;
    }
    int n = 0;
    if (order.length < listed.cardinality()) {
      order = new int[listed.cardinality()];
    }
    for (int i = listed.nextSetBit(0); i >= 0; i = listed.nextSetBit(i + 1)) {
      order[n++] = i;
    }
    visit(now, n, offers);
  }

  /**
   * Whether a full cycle at {@code now} may be skipped: nothing changed since one that offered nothing, and the
   * sorters draw no random numbers (a random sorter draws at every visit, so it is never quiet).
   */
  private boolean quiet(long now) {
    return !allocator.changed && now < quietUntil && allocator.mayCacheIdleVisits();
  }

  /**
   * Returns when a full cycle could next offer something: never (Long.MAX_VALUE) while no framework is eligible, no
   * agent has allocatable free resources, or nothing changed since a cycle that offered nothing and no filter that
   * blocked it expires; else {@code now} or the earliest expiry of such a filter.
   */
  long nextOfferTime(long now) {
    if (allocator.eligibleFrameworks == 0 || allocator.allocatableAgents.isEmpty()) {
      return Long.MAX_VALUE;
    }
    return quiet(now) ? quietUntil : now;
  }

  private void visit(long now, int n, OfferBatch offers) {
    if (allocator.totalChanged) {
      allocator.roleSorter.totalChanged();
      for (RoleState role : allocator.roles().values()) {
        role.frameworks.totalChanged();
      }
      allocator.totalChanged = false;
    }
    if (allocator.options.shuffleAgents()) {
      for (int i = n - 1; i > 0; i--) {
        int j = allocator.shuffle.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    nextExpiry = Long.MAX_VALUE;
    sizes = allocator.sizesOffers();
    boolean mayCache = allocator.mayCacheIdleVisits();
    long epoch = allocator.eligibilityEpoch;
    for (int k = 0; k < n; k++) {
      int a = order[k];
      long[] cache = agents.rows;
      int r = agents.row(a);
      if (cache[r + BLOCKED_EPOCH] == epoch && cache[r + BLOCKED_VERSION] == cache[r + VERSION]
          && now < cache[r + BLOCKED_UNTIL] && mayCache) {
        nextExpiry = Math.min(nextExpiry, cache[r + BLOCKED_UNTIL]);
        continue;
      }
      if (stillBlocked(a, now)) {
        cache[r + BLOCKED_EPOCH] = epoch;
        nextExpiry = Math.min(nextExpiry, cache[r + BLOCKED_UNTIL]);
        continue;
      }
      cache[r + BLOCKED_UNTIL] = Long.MAX_VALUE;
      int before = offers.size();
      allocateAgent(a, now, offers);
      if (offers.size() == before) {
        cache[r + BLOCKED_EPOCH] = epoch;
        cache[r + BLOCKED_VERSION] = cache[r + VERSION];
        cache[r + BLOCKED_INELIGIBILITY] = allocator.ineligibilityEpoch;
        cache[r + BLOCKED_GPU_LOSS] = allocator.gpuLossEpoch;
      }
    }
  }

  /**
   * Whether an agent blocked at an older eligibility epoch is still blocked, found by checking only the frameworks that
   * may have become eligible since: its free resources are the same, no filter that blocked it expired, and no
   * framework stopped counting, so every framework that was filtered then still is. Its blocked-until time then
   * becomes what a full visit would compute (the earliest of the old blocking filters and those of the new frameworks).
   * Returns false, changing nothing but dropping expired filters, when a full visit is needed.
   */
  private boolean stillBlocked(int a, long now) {
    long[] cache = agents.rows;
    int r = agents.row(a);
    long blockedEpoch = cache[r + BLOCKED_EPOCH];
    long epoch = allocator.eligibilityEpoch;
    if (cache[r + BLOCKED_VERSION] != cache[r + VERSION] || now >= cache[r + BLOCKED_UNTIL]
        || !allocator.mayCacheIdleVisits() || cache[r + BLOCKED_INELIGIBILITY] != allocator.ineligibilityEpoch
        || agents.hasGpu[a] && cache[r + BLOCKED_GPU_LOSS] != allocator.gpuLossEpoch
        || blockedEpoch < 0 || !allocator.eligibilityLog.holds(blockedEpoch, epoch)) {
      return false;
    }
    RoleState sole = allocator.soleRole(a);
    long until = cache[r + BLOCKED_UNTIL];
    for (long e = blockedEpoch; e < epoch; e++) {
      FrameworkState framework = allocator.frameworksByIndex[allocator.eligibilityLog.at(e)];
      if (framework == null || !framework.eligible || sole != null && framework.role != sole
          || agents.hasGpu[a] && !framework.gpuCapable) {
        continue;
      }
      long[] free = allocator.availableFor(a, framework.role, available);
      if (!allocator.isAllocatable(free, 0)) {
        continue;
      }
      long expiry = filters.covering(a, framework.index, framework.filterEpoch, free, 0, agents.freeRanges[a], now);
      if (expiry == Long.MIN_VALUE) {
        cache[r + BLOCKED_UNTIL] = until;
        return false;
      }
      until = Math.min(until, expiry);
    }
    cache[r + BLOCKED_UNTIL] = until;
    return true;
  }

  private void allocateAgent(int a, long now, OfferBatch offers) {
    RoleState sole = allocator.soleRole(a);
    if (sole != null) {
      if (sole.client.active) {
        offerToRole(a, sole, now, offers);
      }
      return;
    }
    Sorter roleSorter = allocator.roleSorter;
    Client roleClient = roleSorter.first();
    while (roleClient != null) {
      RoleState role = (RoleState) roleClient.owner;
      if (offerToRole(a, role, now, offers)) {
        if (!allocator.allocatableAgents.get(a)) {
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
  private boolean offerToRole(int a, RoleState role, long now, OfferBatch offers) {
    long[] free = allocator.availableFor(a, role, available);
    if (!allocator.isAllocatable(free, 0)) {
      return false;
    }
    boolean gpuAgent = agents.hasGpu[a];
    NamedRanges ranges = agents.freeRanges[a];
    for (Client c = role.frameworks.first(); c != null; c = role.frameworks.next(c)) {
      FrameworkState framework = (FrameworkState) c.owner;
      if (gpuAgent && !framework.gpuCapable) {
        continue; // Mesos' filterGpuResources (MESOS-5634): GPU agents only for GPU_RESOURCES frameworks.
      }
      long[] amount = free;
      NamedRanges offered = ranges;
      if (sizes) {
        amount = allocator.offerFor(a, framework, free, sized);
        if (amount == null || amount != free && !allocator.isAllocatable(amount, 0)) {
          continue; // passed over on this agent, as if filtered
        }
        if (amount != free && !Arrays.equals(amount, free)) {
          offered = null; // ranges go only with the whole of what is available
        }
      }
      long expiry = filters.covering(a, framework.index, framework.filterEpoch, amount, 0, offered, now);
      if (expiry != Long.MIN_VALUE) {
        nextExpiry = Math.min(nextExpiry, expiry);
        int r = agents.row(a) + BLOCKED_UNTIL;
        agents.rows[r] = Math.min(agents.rows[r], expiry);
        continue;
      }
      offers.add(a, framework.index, amount, offered == null ? null : Resources.wrap(amount.clone(), offered));
      allocator.allocate(a, framework, amount, offered);
      return true;
    }
    return false;
  }
}
