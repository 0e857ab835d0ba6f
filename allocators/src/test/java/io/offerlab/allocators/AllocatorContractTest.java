package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The invariants every allocator must keep, checked on random sequences of allocator calls (after JCTools'
 * {@code QueueSanityTest}: one abstract suite, one top-level {@code *ContractTest} subclass per allocator, so that
 * surefire's default includes run them; {@link AllocatorContractCoverageTest} checks every allocator has one).
 *
 * <ul>
 *   <li>An agent is never offered more than it has free, so no resource is in two outstanding allocations.
 *   <li>On every agent, free plus everything allocated equals the total.
 *   <li>A suppressed or inactive framework is never offered anything.
 *   <li>A filtered framework is not re-offered resources its filter covers before the filter expires.
 *   <li>The same seed and calls give the same offers.
 * </ul>
 */
abstract class AllocatorContractTest {
  private static final String[] AGENT_SHAPES = {"cpus:4;mem:8192", "cpus:2;mem:1024;gpus:1", "cpus:8;mem:2048;disk:100",
      "cpus:0.5;mem:64"};
  private static final String[] ROLES = {"r0", "r1", "r2"};

  /** The registered name of the allocator under test. */
  abstract String allocatorName();

  /** The options that exercise it (priorities, partitions), with {@code seed}. */
  abstract AllocatorOptions options(long seed);

  /** The allocator under test. */
  final Allocator create(long seed) {
    return Allocators.create(allocatorName(), options(seed));
  }

  /** One allocator call, its arguments drawn as small integers and interpreted against the current state. */
  record Op(int kind, int a, int b, int c) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 16), Arbitraries.integers().between(0, 99),
        Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 99)).as(Op::new);
    return op.list().ofMinSize(20).ofMaxSize(100);
  }

  @Property(tries = 300)
  void keepsEveryInvariant(@ForAll("ops") List<Op> ops, @ForAll long seed) {
    List<String> log = new Model(create(seed)).run(ops);
    boolean offered = log.stream().anyMatch(l -> l.startsWith("offer "));
    boolean filtered = log.stream().anyMatch(l -> l.startsWith("recover ") && !l.endsWith(" 0.0"));
    Statistics.label("offers made").collect(offered);
    Statistics.label("filters set").collect(filtered);
    // Thresholds sit at least 5 standard deviations (about 3 points over 300 tries) below the lowest rate seen: static
    // with fractions makes offers in about 63% of the sequences and sets filters in about 37%.
    Statistics.label("offers made").coverage(c -> c.check(true).percentage(p -> p > 45));
    Statistics.label("filters set").coverage(c -> c.check(true).percentage(p -> p > 25));
  }

  @Property(tries = 100)
  void sameSeedAndCallsGiveSameOffers(@ForAll("ops") List<Op> ops, @ForAll long seed) {
    assertEquals(new Model(create(seed)).run(ops), new Model(create(seed)).run(ops));
  }

  /** Drives an allocator and keeps an independent account of what it promised, checking each offer against it. */
  static final class Model {
    private final Allocator allocator;
    private final Map<String, Resources> totals = new LinkedHashMap<>();
    private final Map<String, String> roleOf = new LinkedHashMap<>();
    private final Set<String> inactive = new HashSet<>();
    private final Set<String> suppressed = new HashSet<>();
    /** Held resources by framework then agent. */
    private final Map<String, Map<String, Resources>> held = new HashMap<>();
    /** Live filters: framework|agent to (refused, expiry). */
    private final Map<String, List<Object[]>> filters = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private long now;
    private int nextAgent;
    private int nextFramework;

    Model(Allocator allocator) {
      this.allocator = allocator;
    }

    List<String> run(List<Op> ops) {
      for (Op op : ops) {
        apply(op);
        checkConservation();
      }
      return log;
    }

    private void apply(Op op) {
      List<String> agents = new ArrayList<>(totals.keySet());
      List<String> frameworks = new ArrayList<>(roleOf.keySet());
      switch (op.kind()) {
        case 0, 1 -> {
          String id = "a" + nextAgent++;
          Resources total = Resources.parse(AGENT_SHAPES[op.a() % AGENT_SHAPES.length]);
          allocator.addAgent(id, total);
          totals.put(id, total);
        }
        case 2 -> {
          if (!agents.isEmpty() && op.b() < 30) {
            String id = agents.get(op.a() % agents.size());
            allocator.removeAgent(id);
            totals.remove(id);
            held.values().forEach(m -> m.remove(id));
            filters.keySet().removeIf(k -> k.endsWith("|" + id));
          }
        }
        case 3, 4 -> {
          String id = "f" + nextFramework++;
          String role = ROLES[op.a() % ROLES.length];
          allocator.addFramework(id, role);
          roleOf.put(id, role);
        }
        case 5 -> {
          if (!frameworks.isEmpty() && op.b() < 30) {
            String id = frameworks.get(op.a() % frameworks.size());
            allocator.removeFramework(id);
            roleOf.remove(id);
            held.remove(id);
            inactive.remove(id);
            suppressed.remove(id);
            filters.keySet().removeIf(k -> k.startsWith(id + "|"));
          }
        }
        case 6 -> withFramework(frameworks, op, id -> {
          allocator.deactivateFramework(id);
          inactive.add(id);
          // Deactivation clears the framework's filters, as Mesos' deactivateFramework does.
          filters.keySet().removeIf(k -> k.startsWith(id + "|"));
        });
        case 7 -> withFramework(frameworks, op, id -> {
          allocator.activateFramework(id);
          inactive.remove(id);
        });
        case 8 -> withFramework(frameworks, op, id -> {
          allocator.suppress(id);
          suppressed.add(id);
        });
        case 9 -> withFramework(frameworks, op, id -> {
          allocator.revive(id);
          suppressed.remove(id);
          filters.keySet().removeIf(k -> k.startsWith(id + "|"));
        });
        case 10, 11, 12 -> recover(op);
        default -> allocate(op, agents);
      }
    }

    private void withFramework(List<String> frameworks, Op op, java.util.function.Consumer<String> action) {
      if (!frameworks.isEmpty()) {
        action.accept(frameworks.get(op.a() % frameworks.size()));
      }
    }

    private void recover(Op op) {
      List<String[]> holdings = new ArrayList<>();
      held.forEach((f, byAgent) -> byAgent.forEach((a, r) -> {
        if (!r.isEmpty()) {
          holdings.add(new String[] {f, a});
        }
      }));
      if (holdings.isEmpty()) {
        return;
      }
      holdings.sort((x, y) -> (x[0] + x[1]).compareTo(y[0] + y[1]));
      String[] pick = holdings.get(op.a() % holdings.size());
      Resources have = held.get(pick[0]).get(pick[1]);
      // Recover all of it, or a part: half of each quantity (rounded down to thousandths).
      Resources part = op.b() % 2 == 0 ? have : have.scale(0.5);
      double refuse = op.c() % 3 == 0 ? 0 : op.c() % 3 * 2.5;
      allocator.recover(pick[0], pick[1], part, refuse, now);
      held.get(pick[0]).put(pick[1], have.minus(part));
      if (refuse > 0 && !part.isEmpty()) {
        filters.computeIfAbsent(pick[0] + "|" + pick[1], k -> new ArrayList<>())
            .add(new Object[] {part, now + (long) (refuse * 1e6)});
      }
      log.add("recover " + pick[0] + " " + pick[1] + " " + part + " " + refuse);
    }

    private void allocate(Op op, List<String> agents) {
      now += op.a() % 4 * 1_000_000L;
      List<Offer> offers;
      if (op.b() < 20 && !agents.isEmpty()) {
        offers = allocator.allocate(now, List.of(agents.get(op.c() % agents.size())));
      } else {
        offers = allocator.allocate(now);
      }
      Map<String, Resources> freeBefore = new HashMap<>();
      for (String agent : totals.keySet()) {
        freeBefore.put(agent, free(agent));
      }
      for (Offer offer : offers) {
        String f = offer.frameworkId();
        String a = offer.agentId();
        assertFalse(inactive.contains(f), "offered to inactive framework " + f);
        assertFalse(suppressed.contains(f), "offered to suppressed framework " + f);
        assertFalse(offer.resources().isEmpty(), "empty offer");
        Resources free = freeBefore.get(a);
        assertTrue(free.contains(offer.resources()), "offered " + offer.resources() + " on " + a + " with only "
            + free + " free");
        freeBefore.put(a, free.minus(offer.resources()));
        for (Object[] filter : filters.getOrDefault(f + "|" + a, List.of())) {
          if (now < (long) filter[1]) {
            assertFalse(((Resources) filter[0]).contains(offer.resources()),
                "filtered framework " + f + " re-offered " + offer.resources() + " on " + a + " before expiry");
          }
        }
        held.computeIfAbsent(f, k -> new HashMap<>()).merge(a, offer.resources(), Resources::plus);
        log.add("offer " + f + " " + a + " " + offer.resources());
      }
      log.add("cycle at " + now);
    }

    private Resources free(String agent) {
      Resources used = Resources.EMPTY;
      for (Map<String, Resources> byAgent : held.values()) {
        used = used.plus(byAgent.getOrDefault(agent, Resources.EMPTY));
      }
      return totals.get(agent).minus(used);
    }

    private void checkConservation() {
      for (String agent : totals.keySet()) {
        Resources allocated = Resources.EMPTY;
        for (String framework : roleOf.keySet()) {
          Resources r = allocator.allocation(framework, agent);
          assertEquals(held.getOrDefault(framework, Map.of()).getOrDefault(agent, Resources.EMPTY), r,
              "allocation of " + framework + " on " + agent);
          allocated = allocated.plus(r);
        }
        assertEquals(totals.get(agent), allocator.available(agent).plus(allocated), "free + allocated on " + agent);
      }
    }
  }
}
