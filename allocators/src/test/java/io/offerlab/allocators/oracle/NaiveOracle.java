package io.offerlab.allocators.oracle;

import io.offerlab.allocators.oracle.OracleStep.Activate;
import io.offerlab.allocators.oracle.OracleStep.AddAgent;
import io.offerlab.allocators.oracle.OracleStep.AddFramework;
import io.offerlab.allocators.oracle.OracleStep.Allocate;
import io.offerlab.allocators.oracle.OracleStep.Deactivate;
import io.offerlab.allocators.oracle.OracleStep.Recover;
import io.offerlab.allocators.oracle.OracleStep.RemoveAgent;
import io.offerlab.allocators.oracle.OracleStep.RemoveFramework;
import io.offerlab.allocators.oracle.OracleStep.Revive;
import io.offerlab.allocators.oracle.OracleStep.SetWeight;
import io.offerlab.allocators.oracle.OracleStep.Suppress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A deliberately naive model of the allocator scenario contract (ARCHITECTURE.md sections 4 and 5, and issue 10) for
 * {@code drf}, {@code random}, {@code priority}, {@code static}, {@code asset}, {@code slots} and {@code drf-sized}
 * (issue 19): plain maps, every rule applied as written, every
 * share and order recomputed from scratch at every step, and no caches. It is the oracle the real allocators are
 * compared with, offer by offer; it is never used outside tests.
 *
 * <p>The rules it models, besides the two the contract leaves implicit (static fractions are floored to thousandths;
 * several offers to one framework on one agent within a cycle are merged into one):
 * <ul>
 *   <li>A cycle visits the agents in the order they were added (a re-added id counts as added again), only the listed
 *       ones when {@code agents} is given, and only while their free resources hold one of the minimum allocatable
 *       alternatives ({@code cpus:0.01} or {@code mem:32} by default; with none, anything non-empty).
 *   <li>On an agent, roles are visited in sorter order and, in a role, its frameworks in theirs. The first framework
 *       that is active, unsuppressed, GPU-capable when the agent has GPUs, and not covered by a live decline filter
 *       is offered all the role may take there; orders are recomputed after every offer.
 *   <li>DRF order: weighted dominant share (Mesos' {@code calculateShare}: allocation / total as doubles of the
 *       decimal values, divided by the weight), then fewer picks, then the smaller name. Strict priority puts a
 *       higher priority first. Random order is {@link OracleDrawOrder}.
 *   <li>Asset order: as DRF, with the sum over kinds (in name order) of allocation / total in place of the largest.
 *   <li>Slots order: as DRF, with the slots held in place of the share: the largest over the slot's kinds of
 *       allocation / slot rounded up. Slot offers: an agent has k = the smallest over the slot's kinds of
 *       free / slot rounded down free slots; with none the framework is passed over, else it is offered k slots of
 *       the slot's kinds and all that is free of the others.
 *   <li>Fair-share-sized offers ({@code drf-sized}, or {@code drf} with {@code offerSize: fair-share}): f = the role's
 *       weight / the exact sum of the weights of roles with an active, unsuppressed framework / the number of such
 *       frameworks in the role; g = max(0, f - the framework's dominant share); each kind of the offer is
 *       min(free, g x cluster total rounded to the nearest thousandth). A sized offer holding no minimum allocatable alternative passes the
 *       framework over, as if it were filtered; filters are checked against the sized offer.
 *   <li>Picks count offers. A framework's count goes with it; a role's is forgotten when its last framework leaves.
 *   <li>Weights may be set for roles with no framework; they are kept for when one arrives.
 *   <li>Times are rounded to whole microseconds; a filter set at t for r seconds blocks while now &lt;
 *       round(t) + round(r) (with {@code minFilterSeconds} m, at least round(m) + 1), when it covers (is no smaller
 *       than) what would be offered. Revive and deactivate clear a
 *       framework's filters; removing an agent drops the filters on it.
 *   <li>Static: agent lists (an agent no list names belongs to nobody); fractions of every agent; or the default
 *       split, the k-th agent added (from 0, removed ones included) belonging to the (k mod R)-th role in name
 *       order, R counting the roles known when it is added (every role a framework was ever added with), or
 *       {@code partitionRoles} when given. Agents added while R = 0 are split when the first role appears, as if
 *       added then (so R = 1: they all belong to it). An agent whose owner has no framework is offered to nobody.
 *   <li>An agent added with {@code used} gives each framework already added what its tasks use, as one pick; the
 *       use of a framework not added yet is taken from the agent and becomes that framework's when it is added (one
 *       pick per agent); until then a recover of it frees it, setting no filter.
 *   <li>{@code updateAgent} replaces the total and nothing else: holdings, filters, the agent's place in the visiting
 *       order and its static owner stay; free is total less everything held, a kind held beyond its total being
 *       simply not free. Shares use the new cluster total.
 *   <li>{@code addResourceProvider} adds to the total as {@code updateAgent} would, and each (added) framework holds
 *       its use at once, as one pick.
 * </ul>
 */
final class NaiveOracle {
  /** One offer of an allocate step's result. */
  record OfferLine(String framework, String agent, String resources) {}

  /** Resources a framework holds on an agent. */
  record Holding(String framework, String agent, TreeMap<String, Long> resources) {}

  private record Filter(String agent, Map<String, Long> refused, long expiresAt) {}

  private static final class Agent {
    final String id;
    final long index;
    TreeMap<String, Long> total;
    /** What tasks of frameworks not added yet use here (addAgent's {@code used}): taken, but nobody's share. */
    final Map<String, TreeMap<String, Long>> pending = new HashMap<>();
    String owner;

    Agent(String id, long index, TreeMap<String, Long> total) {
      this.id = id;
      this.index = index;
      this.total = total;
    }
  }

  private static final class Framework {
    final String id;
    final String role;
    final boolean gpu;
    boolean active = true;
    boolean suppressed;
    long picks;
    final Map<String, TreeMap<String, Long>> held = new HashMap<>();
    final List<Filter> filters = new ArrayList<>();

    Framework(String id, String role, boolean gpu) {
      this.id = id;
      this.role = role;
      this.gpu = gpu;
    }

    boolean eligible() {
      return active && !suppressed;
    }
  }

  private final OracleConfig config;
  private final LinkedHashMap<String, Agent> agents = new LinkedHashMap<>();
  private final LinkedHashMap<String, Framework> frameworks = new LinkedHashMap<>();
  /** Roles with at least one framework, and their pick counts. */
  private final Map<String, Long> rolePicks = new HashMap<>();
  private final Map<String, Double> weights = new HashMap<>();
  /** Every role a framework was ever added with: the roles "known" to the static default split. */
  private final Set<String> knownRoles = new java.util.TreeSet<>();
  private final SplittableRandom random;
  private final OracleDrawOrder roleDraws;
  private final Map<String, OracleDrawOrder> frameworkDraws = new HashMap<>();
  /** What the rules of issue 19 did so far (sized offers, frameworks passed over), for coverage statistics. */
  private final Set<String> events = new java.util.TreeSet<>();
  /** The slot of {@code slots}: {@code slotSize}, by default {@code cpus:1;mem:2048}. */
  private final TreeMap<String, Long> slot;
  private long agentsAdded;
  private double time;
  private long now;

  NaiveOracle(OracleConfig config) {
    this.config = config;
    this.random = new SplittableRandom(config.seed());
    this.roleDraws = new OracleDrawOrder(random, this::weight);
    this.slot = OracleResources.parse(config.slotSize() == null ? "cpus:1;mem:2048" : config.slotSize());
    if (!List.of("drf", "random", "priority", "static", "asset", "slots", "drf-sized").contains(config.allocator())) {
      throw new IllegalArgumentException("the oracle has no model of allocator '" + config.allocator() + "'");
    }
  }

  /** Applies a step; returns the offers of an {@code allocate} step, or null for any other step. */
  List<OfferLine> apply(OracleStep step) {
    if (step instanceof Allocate s) {
      return allocate(s);
    }
    if (step instanceof AddAgent s) {
      addAgent(s.id(), OracleResources.parse(s.resources()));
      used(agents.get(s.id()), s.used());
    } else if (step instanceof OracleStep.UpdateAgent s) {
      agents.get(s.id()).total = OracleResources.parse(s.resources());
    } else if (step instanceof OracleStep.AddResourceProvider s) {
      Agent agent = agents.get(s.agent());
      agent.total = OracleResources.plus(agent.total, OracleResources.parse(s.resources()));
      for (String id : new java.util.TreeSet<>(s.used().keySet())) {
        TreeMap<String, Long> amount = OracleResources.parse(s.used().get(id));
        if (!amount.isEmpty()) {
          hold(frameworks.get(id), agent, amount);
        }
      }
    } else if (step instanceof RemoveAgent s) {
      agents.remove(s.id());
      for (Framework f : frameworks.values()) {
        f.held.remove(s.id());
        f.filters.removeIf(filter -> filter.agent().equals(s.id()));
      }
    } else if (step instanceof AddFramework s) {
      addFramework(s.id(), s.role(), s.gpu());
    } else if (step instanceof RemoveFramework s) {
      removeFramework(s.id());
    } else if (step instanceof Activate s) {
      change(s.id(), f -> f.active = true);
    } else if (step instanceof Deactivate s) {
      change(s.id(), f -> {
        f.active = false;
        f.filters.clear();
      });
    } else if (step instanceof Suppress s) {
      change(s.framework(), f -> f.suppressed = true);
    } else if (step instanceof Revive s) {
      change(s.framework(), f -> {
        f.suppressed = false;
        f.filters.clear();
      });
    } else if (step instanceof SetWeight s) {
      weights.put(s.role(), s.weight());
    } else if (step instanceof Recover s) {
      recover(s);
    } else {
      throw new IllegalArgumentException("unknown step " + step);
    }
    return null;
  }

  // ---- state changes ------------------------------------------------------------------------------------------

  private void addAgent(String id, TreeMap<String, Long> total) {
    Agent agent = new Agent(id, agentsAdded++, total);
    List<String> known = knownRoles();
    if (!known.isEmpty()) {
      agent.owner = known.get((int) (agent.index % known.size()));
    }
    agents.put(id, agent);
  }

  /**
   * An agent added with tasks running: a framework already added holds what its tasks use, counted as one pick (as
   * an offer is; Mesos' sorters count every {@code allocated} call); another framework's use is taken from the agent
   * and waits for the framework to be added. Empty uses are ignored.
   */
  private void used(Agent agent, Map<String, String> used) {
    for (String id : new java.util.TreeSet<>(used.keySet())) {
      TreeMap<String, Long> amount = OracleResources.parse(used.get(id));
      if (amount.isEmpty()) {
        continue;
      }
      Framework framework = frameworks.get(id);
      if (framework == null) {
        agent.pending.merge(id, amount, OracleResources::plus);
      } else {
        hold(framework, agent, amount);
      }
    }
  }

  private void hold(Framework framework, Agent agent, TreeMap<String, Long> amount) {
    framework.held.merge(agent.id, amount, OracleResources::plus);
    framework.picks++;
    rolePicks.merge(framework.role, 1L, Long::sum);
  }

  private void addFramework(String id, String role, boolean gpu) {
    boolean newRole = knownRoles.add(role);
    rolePicks.putIfAbsent(role, 0L);
    Framework framework = new Framework(id, role, gpu);
    frameworks.put(id, framework);
    for (Agent agent : agents.values()) {
      TreeMap<String, Long> waiting = agent.pending.remove(id);
      if (waiting != null) {
        hold(framework, agent, waiting);
      }
    }
    if (newRole) {
      List<String> known = knownRoles();
      for (Agent agent : agents.values()) {
        if (agent.owner == null) {
          agent.owner = known.get((int) (agent.index % known.size()));
        }
      }
    }
    becameEligible(framework);
  }

  private void removeFramework(String id) {
    Framework framework = frameworks.get(id);
    if (framework.eligible()) {
      framework.active = false;
      stoppedBeingEligible(framework);
    }
    frameworks.remove(id);
    if (frameworks.values().stream().noneMatch(f -> f.role.equals(framework.role))) {
      rolePicks.remove(framework.role);
    }
  }

  private void change(String id, java.util.function.Consumer<Framework> mutation) {
    Framework framework = frameworks.get(id);
    boolean before = framework.eligible();
    mutation.accept(framework);
    if (!before && framework.eligible()) {
      becameEligible(framework);
    } else if (before && !framework.eligible()) {
      stoppedBeingEligible(framework);
    }
  }

  private void becameEligible(Framework framework) {
    frameworkDraws(framework.role).join(framework.id);
    if (eligibleIn(framework.role) == 1) {
      roleDraws.join(framework.role);
    }
  }

  private void stoppedBeingEligible(Framework framework) {
    frameworkDraws(framework.role).leave(framework.id);
    if (eligibleIn(framework.role) == 0) {
      roleDraws.leave(framework.role);
    }
  }

  private long eligibleIn(String role) {
    return frameworks.values().stream().filter(f -> f.role.equals(role) && f.eligible()).count();
  }

  private OracleDrawOrder frameworkDraws(String role) {
    return frameworkDraws.computeIfAbsent(role, r -> new OracleDrawOrder(random, f -> 1.0));
  }

  private void recover(Recover s) {
    advance(s.time());
    TreeMap<String, Long> amount = OracleResources.parse(s.resources());
    if (amount.isEmpty()) {
      return;
    }
    Framework framework = frameworks.get(s.framework());
    if (framework == null) {
      // A task of a framework not added yet ended: its use is free again; no filter (it declined nothing).
      Agent agent = agents.get(s.agent());
      TreeMap<String, Long> left = OracleResources.minus(agent.pending.get(s.framework()), amount);
      if (left.isEmpty()) {
        agent.pending.remove(s.framework());
      } else {
        agent.pending.put(s.framework(), left);
      }
      return;
    }
    TreeMap<String, Long> held = framework.held.getOrDefault(s.agent(), new TreeMap<>());
    if (!OracleResources.contains(held, amount)) {
      throw new IllegalStateException(s + ": " + s.framework() + " holds only " + OracleResources.format(held));
    }
    framework.held.put(s.agent(), OracleResources.minus(held, amount));
    if (s.refuseSeconds() != null && s.refuseSeconds() > 0) {
      framework.filters.add(new Filter(s.agent(), amount, now + filterMicros(s.refuseSeconds())));
    }
  }

  /**
   * A filter lasts r rounded to the microsecond; with {@code minFilterSeconds} m &gt; 0, one with r &lt;= m lasts m
   * plus one microsecond (docs/scenarios.md, after Mesos' MESOS-4302).
   */
  private long filterMicros(double refuseSeconds) {
    long r = Math.round(refuseSeconds * 1e6);
    long m = Math.round(config.minFilterSeconds() * 1e6);
    return m > 0 && r <= m ? m + 1 : r;
  }

  private boolean allocatable(Map<String, Long> available) {
    return OracleResources.allocatable(available, config.minAllocatable() == null
        ? OracleResources.DEFAULT_MIN_ALLOCATABLE : config.minAllocatable());
  }

  private void advance(Double t) {
    if (t != null) {
      time = t;
    }
    now = Math.round(time * 1e6);
  }

  // ---- allocation ---------------------------------------------------------------------------------------------

  private List<OfferLine> allocate(Allocate s) {
    advance(s.time());
    Set<String> listed = s.agents() == null ? null : new HashSet<>(s.agents());
    Map<List<String>, TreeMap<String, Long>> offers = new TreeMap<>(
        Comparator.<List<String>, String>comparing(k -> k.get(0)).thenComparing(k -> k.get(1)));
    for (Agent agent : new ArrayList<>(agents.values())) {
      if ((listed == null || listed.contains(agent.id)) && allocatable(free(agent))) {
        if (config.allocator().equals("random")) {
          visitRandomly(agent, offers);
        } else {
          visitInOrder(agent, offers);
        }
      }
    }
    List<OfferLine> lines = new ArrayList<>();
    offers.forEach((k, r) -> lines.add(new OfferLine(k.get(0), k.get(1), OracleResources.format(r))));
    return lines;
  }

  private void visitInOrder(Agent agent, Map<List<String>, TreeMap<String, Long>> offers) {
    boolean offered = true;
    while (offered && allocatable(free(agent))) {
      offered = false;
      for (String role : rolesInOrder()) {
        TreeMap<String, Long> available = availableFor(agent, role);
        if (!allocatable(available)) {
          continue;
        }
        for (Framework framework : frameworksInOrder(role)) {
          if (!framework.eligible() || agent.total.getOrDefault("gpus", 0L) > 0 && !framework.gpu) {
            continue;
          }
          TreeMap<String, Long> sized = sized(framework, available);
          if (sized == null) {
            continue;
          }
          if (!allocatable(sized)) {
            events.add("sized offer below the minimum allocatable");
            continue;
          }
          if (!sized.equals(available)) {
            events.add("offer smaller than what is free");
          }
          if (offerable(framework, agent, sized)) {
            offer(framework, agent, sized, offers);
            offered = true;
            break;
          }
        }
        if (offered) {
          break;
        }
      }
    }
  }

  private void visitRandomly(Agent agent, Map<List<String>, TreeMap<String, Long>> offers) {
    for (String role = roleDraws.first(); role != null; role = roleDraws.next()) {
      TreeMap<String, Long> available = free(agent);
      OracleDrawOrder draws = frameworkDraws(role);
      for (String id = draws.first(); id != null; id = draws.next()) {
        Framework framework = frameworks.get(id);
        if (offerable(framework, agent, available)) {
          offer(framework, agent, available, offers);
          break;
        }
      }
      if (!allocatable(free(agent))) {
        return;
      }
    }
  }

  private boolean offerable(Framework framework, Agent agent, Map<String, Long> available) {
    if (!framework.eligible() || agent.total.getOrDefault("gpus", 0L) > 0 && !framework.gpu) {
      return false;
    }
    for (Filter filter : framework.filters) {
      if (filter.agent().equals(agent.id) && now < filter.expiresAt()
          && OracleResources.contains(filter.refused(), available)) {
        return false;
      }
    }
    return true;
  }

  private void offer(Framework framework, Agent agent, TreeMap<String, Long> amount,
      Map<List<String>, TreeMap<String, Long>> offers) {
    hold(framework, agent, amount);
    offers.merge(List.of(framework.id, agent.id), amount, OracleResources::plus);
  }

  /**
   * What the framework is offered out of {@code available}: all of it, k whole slots ({@code slots}), or its fair
   * share ({@code drf-sized}, or {@code drf} with {@code offerSize: fair-share}); null when an agent has no free slot.
   */
  private TreeMap<String, Long> sized(Framework framework, TreeMap<String, Long> available) {
    String allocator = config.allocator();
    if (allocator.equals("slots")) {
      TreeMap<String, Long> slot = slot();
      long k = Long.MAX_VALUE;
      for (var e : slot.entrySet()) {
        k = Math.min(k, available.getOrDefault(e.getKey(), 0L) / e.getValue());
      }
      if (k == 0) {
        events.add("agent without a free slot");
        return null;
      }
      TreeMap<String, Long> offer = new TreeMap<>(available);
      for (var e : slot.entrySet()) {
        offer.put(e.getKey(), k * e.getValue());
      }
      return offer;
    }
    if (allocator.equals("drf-sized") || allocator.equals("drf") && "fair-share".equals(config.offerSize())) {
      java.math.BigDecimal weights = java.math.BigDecimal.ZERO;
      for (String role : rolePicks.keySet()) {
        if (eligibleIn(role) > 0) {
          weights = weights.add(new java.math.BigDecimal(weight(role)));
        }
      }
      double fair = weight(framework.role) / weights.doubleValue() / (double) eligibleIn(framework.role);
      TreeMap<String, Long> total = clusterTotal();
      double g = Math.max(0.0, fair - OracleResources.share(heldBy(framework), total));
      TreeMap<String, Long> offer = new TreeMap<>();
      available.forEach((kind, free) -> {
        long v = Math.min(free, Math.round(g * (double) total.getOrDefault(kind, 0L)));
        if (v > 0) {
          offer.put(kind, v);
        }
      });
      return offer;
    }
    return available;
  }

  private TreeMap<String, Long> slot() {
    return slot;
  }

  /**
   * The measure clients are ordered by, before a role's weight divides it: the dominant share, the sum of the shares
   * ({@code asset}) or the slots held ({@code slots}).
   */
  private double measure(TreeMap<String, Long> held, TreeMap<String, Long> total) {
    if (config.allocator().equals("asset")) {
      double sum = 0;
      for (var e : total.entrySet()) {
        if (e.getValue() > 0) {
          sum += OracleResources.mesosValue(held.getOrDefault(e.getKey(), 0L)) / OracleResources.mesosValue(e.getValue());
        }
      }
      return sum;
    }
    if (config.allocator().equals("slots")) {
      long slots = 0;
      for (var e : slot().entrySet()) {
        long h = held.getOrDefault(e.getKey(), 0L);
        slots = Math.max(slots, (h + e.getValue() - 1) / e.getValue());
      }
      return slots;
    }
    return OracleResources.share(held, total);
  }

  /** What {@code role} may be offered on the agent: all its free resources, or its static partition's part. */
  private TreeMap<String, Long> availableFor(Agent agent, String role) {
    TreeMap<String, Long> free = free(agent);
    if (!config.allocator().equals("static")) {
      return free;
    }
    if (!config.partitionFractions().isEmpty()) {
      Double fraction = config.partitionFractions().get(role);
      TreeMap<String, Long> out = new TreeMap<>();
      if (fraction != null) {
        TreeMap<String, Long> roleHeld = roleHeldOn(agent, role);
        agent.total.forEach((name, total) -> {
          long part = OracleResources.floorFraction(total, fraction) - roleHeld.getOrDefault(name, 0L);
          long v = Math.max(0, Math.min(free.getOrDefault(name, 0L), part));
          if (v > 0) {
            out.put(name, v);
          }
        });
      }
      return out;
    }
    return role.equals(owner(agent)) ? free : new TreeMap<>();
  }

  private String owner(Agent agent) {
    if (!config.partitionAgents().isEmpty()) {
      return config.partitionAgents().entrySet().stream().filter(e -> e.getValue().contains(agent.id))
          .map(Map.Entry::getKey).findFirst().orElse(null);
    }
    if (!config.partitionRoles().isEmpty()) {
      List<String> roles = config.partitionRoles().stream().sorted().toList();
      return roles.get((int) (agent.index % roles.size()));
    }
    return agent.owner;
  }

  private List<String> rolesInOrder() {
    Map<String, Long> priorityOf = new HashMap<>();
    rolePicks.keySet().forEach(r -> priorityOf.put(r,
        config.allocator().equals("priority") ? (long) config.priorities().getOrDefault(r, 0) : 0L));
    Map<String, Double> shares = new HashMap<>();
    rolePicks.keySet().forEach(r -> shares.put(r, measure(roleHeld(r), clusterTotal()) / weight(r)));
    return rolePicks.keySet().stream()
        .sorted(Comparator.<String>comparingLong(r -> -priorityOf.get(r))
            .thenComparingDouble(shares::get)
            .thenComparingLong(rolePicks::get)
            .thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  private List<Framework> frameworksInOrder(String role) {
    TreeMap<String, Long> total = clusterTotal();
    return frameworks.values().stream().filter(f -> f.role.equals(role))
        .sorted(Comparator.<Framework>comparingDouble(f -> measure(heldBy(f), total))
            .thenComparingLong(f -> f.picks)
            .thenComparing(f -> f.id))
        .toList();
  }

  // ---- derived quantities, recomputed every time ---------------------------------------------------------------

  private double weight(String role) {
    return weights.getOrDefault(role, 1.0);
  }

  private List<String> knownRoles() {
    return List.copyOf(knownRoles);
  }

  private TreeMap<String, Long> clusterTotal() {
    TreeMap<String, Long> total = new TreeMap<>();
    agents.values().forEach(a -> a.total.forEach((k, v) -> total.merge(k, v, Long::sum)));
    return total;
  }

  private TreeMap<String, Long> free(Agent agent) {
    TreeMap<String, Long> free = new TreeMap<>(agent.total);
    for (TreeMap<String, Long> waiting : agent.pending.values()) {
      free = OracleResources.minus(free, waiting);
    }
    for (Framework f : frameworks.values()) {
      free = OracleResources.minus(free, f.held.getOrDefault(agent.id, new TreeMap<>()));
    }
    free.values().removeIf(v -> v < 0); // held beyond a total that shrank: nothing of that kind is free
    return free;
  }

  private static TreeMap<String, Long> heldBy(Framework framework) {
    TreeMap<String, Long> sum = new TreeMap<>();
    framework.held.values().forEach(r -> r.forEach((k, v) -> sum.merge(k, v, Long::sum)));
    return sum;
  }

  private TreeMap<String, Long> roleHeld(String role) {
    TreeMap<String, Long> sum = new TreeMap<>();
    frameworks.values().stream().filter(f -> f.role.equals(role))
        .forEach(f -> heldBy(f).forEach((k, v) -> sum.merge(k, v, Long::sum)));
    return sum;
  }

  private TreeMap<String, Long> roleHeldOn(Agent agent, String role) {
    TreeMap<String, Long> sum = new TreeMap<>();
    frameworks.values().stream().filter(f -> f.role.equals(role))
        .forEach(f -> f.held.getOrDefault(agent.id, new TreeMap<>()).forEach((k, v) -> sum.merge(k, v, Long::sum)));
    return sum;
  }

  // ---- what the case generator may ask ------------------------------------------------------------------------

  /** What would be free on the agent once its total grows by {@code extra}. */
  TreeMap<String, Long> freeAfterGrowth(String agentId, TreeMap<String, Long> extra) {
    Agent agent = agents.get(agentId);
    TreeMap<String, Long> saved = agent.total;
    agent.total = OracleResources.plus(saved, extra);
    TreeMap<String, Long> free = free(agent);
    agent.total = saved;
    return free;
  }

  List<String> agentIds() {
    return List.copyOf(agents.keySet());
  }

  List<String> frameworkIds() {
    return List.copyOf(frameworks.keySet());
  }

  Set<String> roles() {
    return Set.copyOf(rolePicks.keySet());
  }

  /** Every non-empty holding, sorted by framework then agent. */
  List<Holding> holdings() {
    List<Holding> out = new ArrayList<>();
    for (Framework f : frameworks.values()) {
      f.held.forEach((agent, r) -> {
        if (!r.isEmpty()) {
          out.add(new Holding(f.id, agent, r));
        }
      });
    }
    for (Agent agent : agents.values()) {
      agent.pending.forEach((framework, r) -> out.add(new Holding(framework, agent.id, r)));
    }
    out.sort(Comparator.comparing(Holding::framework).thenComparing(Holding::agent));
    return out;
  }

  /** The expiry times (microseconds) of filters that have not expired yet, ascending. */
  List<Long> liveFilterExpiries() {
    return frameworks.values().stream().flatMap(f -> f.filters.stream()).map(Filter::expiresAt)
        .filter(e -> e > now).distinct().sorted().toList();
  }

  /** What the rules of issue 19 did so far: offers smaller than what is free, frameworks passed over. */
  Set<String> events() {
    return Set.copyOf(events);
  }

  /** The last time given, in seconds (0 at the start). */
  double time() {
    return time;
  }

  /** The last time given, in microseconds. */
  long now() {
    return now;
  }
}
