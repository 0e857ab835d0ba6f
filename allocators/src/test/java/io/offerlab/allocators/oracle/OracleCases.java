package io.offerlab.allocators.oracle;

import io.offerlab.allocators.oracle.NaiveOracle.Holding;
import io.offerlab.allocators.oracle.NaiveOracle.OfferLine;
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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a list of raw random numbers into a valid scenario, one step per number quadruple, interpreted against the
 * oracle's state so that every step names things that exist: the same raw list gives each allocator a scenario of
 * the same shape. Ops that cannot apply (removing from an empty cluster) fall back to one that can.
 */
final class OracleCases {
  /** Agent and framework ids come from small pools, so that ids are re-added after removal. */
  static final List<String> AGENT_IDS = List.of("a0", "a1", "a2", "a3", "a4", "a5");
  static final List<String> FRAMEWORK_IDS = List.of("f0", "f1", "f2", "f3", "f4", "f5");
  static final List<String> ROLES = List.of("r0", "r1", "r2", "r3");
  /** r4 never has a framework: its weight is set for a role that does not exist. */
  private static final List<String> WEIGHT_ROLES = List.of("r0", "r1", "r2", "r3", "r4");
  private static final double[] WEIGHTS = {0.5, 1.0, 2.0, 3.0, 1.5};
  private static final String[] SHAPES = {
      "cpus:4;mem:8192", "cpus:2;mem:1024;gpus:1", "cpus:8;mem:2048;disk:100", "cpus:0.5;mem:64",
      "cpus:0.005;mem:16", "cpus:1.5;mem:4096;gpus:2", "cpus:3;mem:3072", "cpus:0.5005;mem:100.0005", "mem:32",
      "cpus:0.01;disk:10"};
  private static final Double[] REFUSE = {null, 0.0, 0.1, 1.0, 2.5, 5.0, 8.3};
  private static final double[] ALLOCATE_DELTAS = {0, 0.1, 1.0, 2.5, 8.3, 5.0};

  /** Four random numbers in [0, 1000) that one step is made of. */
  record RawOp(int kind, int a, int b, int c) {}

  /** The result of an allocate step: its index in the steps and its offers. */
  record Allocation(int step, List<OfferLine> offers) {}

  /** A scenario, what the oracle says each allocate step offers, and which features it exercised. */
  record Built(OracleConfig config, List<OracleStep> steps, List<Allocation> expected, Set<String> features) {}

  private final NaiveOracle oracle;
  private final List<OracleStep> steps = new ArrayList<>();
  private final List<Allocation> expected = new ArrayList<>();
  private final Set<String> features = new TreeSet<>();
  private final Set<String> agentsSeen = new HashSet<>();
  private final Set<String> frameworksSeen = new HashSet<>();
  private final Set<String> rolesSeen = new HashSet<>();

  private OracleCases(OracleConfig config) {
    this.oracle = new NaiveOracle(config);
  }

  /** Builds the scenario for {@code config} from {@code ops}, running the oracle along. */
  static Built build(OracleConfig config, List<RawOp> ops) {
    OracleCases cases = new OracleCases(config);
    for (RawOp op : ops) {
      OracleStep step = cases.interpret(op);
      cases.steps.add(step);
      List<OfferLine> offers = cases.oracle.apply(step);
      if (offers != null) {
        cases.features.addAll(cases.oracle.events());
        cases.expected.add(new Allocation(cases.steps.size() - 1, offers));
        if (!offers.isEmpty()) {
          cases.features.add("offers made");
        }
      }
    }
    return new Built(config, List.copyOf(cases.steps), List.copyOf(cases.expected), cases.features);
  }

  private OracleStep interpret(RawOp op) {
    int kind = op.kind() % 100;
    if (kind < 10) {
      return addAgent(op);
    } else if (kind < 14) {
      return op.c() % 3 == 0 ? updateAgent(op) : op.c() % 3 == 1 ? addResourceProvider(op) : removeAgent(op);
    } else if (kind < 23) {
      return addFramework(op);
    } else if (kind < 26) {
      return onFramework(op, "remove framework", RemoveFramework::new);
    } else if (kind < 29) {
      return onFramework(op, "deactivate", Deactivate::new);
    } else if (kind < 32) {
      return onFramework(op, "activate", Activate::new);
    } else if (kind < 35) {
      return onFramework(op, "suppress", Suppress::new);
    } else if (kind < 39) {
      return onFramework(op, "revive", Revive::new);
    } else if (kind < 44) {
      return setWeight(op);
    } else if (kind < 66) {
      return recover(op);
    }
    return allocate(op);
  }

  private OracleStep addAgent(RawOp op) {
    List<String> absent = AGENT_IDS.stream().filter(id -> !oracle.agentIds().contains(id)).toList();
    if (absent.isEmpty()) {
      return allocate(op);
    }
    String id = absent.get(op.a() % absent.size());
    String shape = SHAPES[op.b() % SHAPES.length];
    if (!agentsSeen.add(id)) {
      features.add("re-added agent");
    }
    if (shape.contains("gpus")) {
      features.add("gpu agent");
    }
    if (op.c() % 3 != 0) {
      return new AddAgent(id, shape);
    }
    // Added with tasks running: one framework (added or not yet) already uses all of the agent or half of it.
    String user = FRAMEWORK_IDS.get(op.c() / 3 % FRAMEWORK_IDS.size());
    TreeMap<String, Long> use = OracleResources.parse(shape);
    if (op.c() / 18 % 2 == 1) {
      use.replaceAll((k, v) -> v / 2);
    }
    features.add(oracle.frameworkIds().contains(user) ? "agent added with a framework's use"
        : "agent added with a use of a framework not added yet");
    return new AddAgent(id, shape, java.util.Map.of(user, OracleResources.format(use)));
  }

  /** A new total for an agent, from the same shapes: it may be smaller than what is held there. */
  private OracleStep updateAgent(RawOp op) {
    List<String> present = oracle.agentIds();
    if (present.isEmpty()) {
      return addAgent(op);
    }
    String id = present.get(op.a() % present.size());
    String shape = SHAPES[op.b() % SHAPES.length];
    features.add("update agent");
    if (oracle.holdings().stream().anyMatch(h -> h.agent().equals(id)
        && !OracleResources.contains(OracleResources.parse(shape), h.resources()))) {
      features.add("update agent below what is held");
    }
    return new OracleStep.UpdateAgent(id, shape);
  }

  /** A provider of one of the shapes, its resources used by a present framework (all, half) or by none. */
  private OracleStep addResourceProvider(RawOp op) {
    List<String> present = oracle.agentIds();
    if (present.isEmpty()) {
      return addAgent(op);
    }
    String id = present.get(op.a() % present.size());
    String shape = SHAPES[op.b() % SHAPES.length];
    TreeMap<String, Long> use = OracleResources.parse(shape);
    if (op.c() / 3 % 2 == 1) {
      use.replaceAll((k, v) -> v / 2);
    }
    List<String> frameworks = oracle.frameworkIds();
    features.add("resource provider");
    if (frameworks.isEmpty() || op.c() / 6 % 3 == 0
        || !OracleResources.contains(oracle.freeAfterGrowth(id, OracleResources.parse(shape)), use)) {
      return new OracleStep.AddResourceProvider(id, shape, java.util.Map.of());
    }
    features.add("resource provider with a use");
    String user = frameworks.get(op.c() / 18 % frameworks.size());
    return new OracleStep.AddResourceProvider(id, shape, java.util.Map.of(user, OracleResources.format(use)));
  }

  private OracleStep removeAgent(RawOp op) {
    List<String> present = oracle.agentIds();
    if (present.isEmpty()) {
      return addAgent(op);
    }
    features.add("remove agent");
    return new RemoveAgent(present.get(op.a() % present.size()));
  }

  private OracleStep addFramework(RawOp op) {
    List<String> absent = FRAMEWORK_IDS.stream().filter(id -> !oracle.frameworkIds().contains(id)).toList();
    if (absent.isEmpty()) {
      return allocate(op);
    }
    String id = absent.get(op.a() % absent.size());
    String role = ROLES.get(op.b() % ROLES.size());
    boolean gpu = op.c() % 2 == 0;
    if (!frameworksSeen.add(id)) {
      features.add("re-added framework");
    }
    if (!rolesSeen.add(role) && !oracle.roles().contains(role)) {
      features.add("role re-joins");
    }
    features.add(gpu ? "gpu framework" : "framework without gpu capability");
    return new AddFramework(id, role, gpu);
  }

  private OracleStep onFramework(RawOp op, String feature, java.util.function.Function<String, OracleStep> make) {
    List<String> present = oracle.frameworkIds();
    if (present.isEmpty()) {
      return addFramework(op);
    }
    features.add(feature);
    return make.apply(present.get(op.a() % present.size()));
  }

  private OracleStep setWeight(RawOp op) {
    String role = WEIGHT_ROLES.get(op.a() % WEIGHT_ROLES.size());
    double weight = WEIGHTS[op.b() % WEIGHTS.length];
    if (!oracle.roles().contains(role)) {
      features.add("setWeight on a role without frameworks");
    }
    if (weight == 3.0) {
      features.add("weight 3");
    }
    return new SetWeight(role, weight);
  }

  private OracleStep recover(RawOp op) {
    List<Holding> holdings = oracle.holdings();
    if (holdings.isEmpty()) {
      return allocate(op);
    }
    Holding holding = holdings.get(op.a() % holdings.size());
    TreeMap<String, Long> held = holding.resources();
    List<String> kinds = new ArrayList<>(held.keySet());
    TreeMap<String, Long> part = new TreeMap<>();
    switch (op.b() % 5) {
      case 2 -> held.forEach((k, v) -> part.put(k, v / 2));
      case 3 -> {
        String kind = kinds.get(op.c() % kinds.size());
        part.put(kind, held.get(kind));
      }
      case 4 -> {
        part.putAll(held);
        if (kinds.size() > 1) {
          part.remove(kinds.get(op.c() % kinds.size()));
        }
      }
      default -> part.putAll(held);
    }
    features.add(part.equals(held) ? "whole recover" : "partial recover");
    Double refuse = REFUSE[op.c() % REFUSE.length];
    if (refuse != null && refuse > 0) {
      features.add("recover with filter");
    }
    Double time = switch ((op.b() / 5) % 4) {
      case 0 -> null;
      case 1 -> oracle.time();
      case 2 -> oracle.time() + 0.1;
      default -> oracle.time() + 1.0;
    };
    return new Recover(holding.framework(), holding.agent(), OracleResources.format(part), refuse, time);
  }

  private OracleStep allocate(RawOp op) {
    int choice = op.a() % 9;
    Double time;
    List<Long> expiries = oracle.liveFilterExpiries();
    if (choice >= 7 && !expiries.isEmpty()) {
      long expiry = expiries.get(op.b() % expiries.size());
      boolean justBefore = choice == 8 && op.c() % 2 == 0;
      long target = justBefore ? expiry - 1 : expiry;
      time = Math.max(oracle.time(), target / 1e6);
      if (Math.round(time * 1e6) == target) {
        features.add(justBefore ? "allocate 1 us before a filter expires" : "allocate exactly at a filter's expiry");
      }
    } else if (choice == 0) {
      time = null;
    } else {
      double delta = ALLOCATE_DELTAS[(choice - 1) % ALLOCATE_DELTAS.length];
      time = oracle.time() + delta;
      if (delta != Math.rint(delta)) {
        features.add("fractional time");
      }
    }
    List<String> agents = null;
    if (op.b() % 4 == 0) {
      List<String> present = oracle.agentIds();
      agents = new ArrayList<>();
      for (int i = 0; i < present.size(); i++) {
        if ((op.c() >> i & 1) == 1) {
          agents.add(present.get(i));
        }
      }
      Collections.shuffle(agents, new Random(op.c()));
      if (op.c() % 7 == 0 && !agents.isEmpty()) {
        agents.add(agents.get(0));
      }
      features.add("allocate with an agents list");
    }
    return new Allocate(time, agents);
  }

  /** Names of the features a run can exercise, for coverage statistics. */
  static List<String> featureNames() {
    return List.of("offers made", "re-added agent", "re-added framework", "role re-joins", "remove agent",
        "remove framework", "deactivate", "activate", "suppress", "revive", "setWeight on a role without frameworks",
        "weight 3", "whole recover", "partial recover", "recover with filter", "allocate exactly at a filter's expiry",
        "allocate 1 us before a filter expires", "allocate with an agents list", "fractional time", "gpu agent",
        "gpu framework", "framework without gpu capability", "agent added with a framework's use",
        "agent added with a use of a framework not added yet", "update agent", "update agent below what is held",
        "resource provider", "resource provider with a use");
  }

  /** The features above and those of the rules of issue 19 (sized offers, slots), for their allocators. */
  static List<String> allFeatureNames() {
    List<String> all = new ArrayList<>(featureNames());
    all.addAll(List.of("offer smaller than what is free", "sized offer below the minimum allocatable",
        "agent without a free slot"));
    return all;
  }
}
