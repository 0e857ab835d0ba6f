package io.offerlab.allocators.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.offerlab.allocators.Allocators;
import io.offerlab.allocators.oracle.NaiveOracle.OfferLine;
import io.offerlab.allocators.oracle.OracleCases.Allocation;
import io.offerlab.allocators.oracle.OracleCases.Built;
import io.offerlab.allocators.oracle.OracleCases.RawOp;
import io.offerlab.allocators.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/**
 * The safety net of issue 10: every allocator, run through {@link ScenarioRunner} on random scenarios, offers at
 * every {@code allocate} step exactly what {@link NaiveOracle} says the contract offers. Each try builds one scenario
 * per allocator from the same raw random numbers (so each allocator sees as many scenarios as there are tries), of
 * 20 to 60 steps covering every op (2,000 tries for drf, random, priority and static; 1,000 for the allocators of
 * issue 19, asset, slots and drf-sized, and drf's {@code offerSize} option). The allocators' shortcuts (the per-agent "all filtered" cache, the idle-cycle
 * skip) are thereby checked too: the oracle has none.
 *
 * <p>A failure prints the scenario file: save it under {@code src/test/resources/scenarios} to replay it.
 */
final class OracleConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final List<Map<String, Integer>> PRIORITIES = List.of(
      Map.of("r0", 2, "r1", 1), Map.of("r0", 5, "r2", 5, "r3", -1), Map.of());
  /** Static options: the default split, agent lists (a5 in none), two sets of fractions, explicit split roles. */
  private static final List<java.util.function.UnaryOperator<OracleConfig>> STATIC = List.of(
      c -> c,
      c -> c.withPartitionAgents(Map.of("r0", List.of("a0", "a3"), "r1", List.of("a1", "a4"), "r2", List.of("a2"))),
      c -> c.withPartitionFractions(Map.of("r0", 0.5, "r1", 0.25)),
      c -> c.withPartitionFractions(Map.of("r0", 0.3, "r1", 0.29, "r2", 0.333)),
      c -> c.withPartitionRoles(List.of("r3", "r1", "r0")));

  /** drf's offer size: the default (whole), whole said explicitly, or fair-share (as drf-sized). */
  private static final List<String> OFFER_SIZES = Arrays.asList(null, "whole", "fair-share");
  /** The slot of slots: the default (cpus:1;mem:2048), smaller than most agents, one kind only, or two. */
  private static final List<String> SLOTS = Arrays.asList(null, "cpus:0.5;mem:512", "cpus:1", "cpus:2;mem:1024");

  /** The allocators under test and how each is configured from a try's seed and variant: one line per allocator. */
  private static final Map<String, BiFunction<Long, Integer, OracleConfig>> TARGETS = new LinkedHashMap<>();

  static {
    TARGETS.put("drf", (seed, v) -> common("drf", seed, v));
    TARGETS.put("random", (seed, v) -> common("random", seed, v));
    TARGETS.put("priority", (seed, v) -> common("priority", seed, v).withPriorities(PRIORITIES.get(v % 3)));
    TARGETS.put("static", (seed, v) -> STATIC.get(v % STATIC.size()).apply(common("static", seed, v)));
  }

  /**
   * The allocators of issue 19, checked by a property of their own with fewer tries (each still sees 1,000
   * scenarios), so that the property above runs exactly as before and CI stays within the budget; drf's
   * {@code offerSize} option goes here too (a label, not an allocator name).
   */
  private static final Map<String, BiFunction<Long, Integer, OracleConfig>> FAIRNESS_TARGETS = new LinkedHashMap<>();

  static {
    FAIRNESS_TARGETS.put("asset", (seed, v) -> common("asset", seed, v));
    FAIRNESS_TARGETS.put("slots", (seed, v) -> common("slots", seed, v).withSlotSize(SLOTS.get(v % SLOTS.size())));
    FAIRNESS_TARGETS.put("drf-sized", (seed, v) -> common("drf-sized", seed, v));
    FAIRNESS_TARGETS.put("drf-offerSize", (seed, v) -> common("drf", seed, v).withOfferSize(OFFER_SIZES.get(v % 3)));
  }

  /** Filters stretched to an allocation interval, or not; the default minimum allocatable resources, or others. */
  private static OracleConfig common(String allocator, long seed, int v) {
    double[] minFilter = {0, 0, 1.0, 2.5};
    List<List<String>> minAllocatable = Arrays.asList(null, null, List.of("cpus:1", "mem:1024"), List.of());
    return OracleConfig.of(allocator, seed).withMinFilterSeconds(minFilter[(v / 5) % 4])
        .withMinAllocatable(minAllocatable.get((v / 20) % 4));
  }

  @Provide
  Arbitrary<List<RawOp>> ops() {
    Arbitrary<Integer> n = Arbitraries.integers().between(0, 999);
    return Combinators.combine(n, n, n, n).as(RawOp::new).list().ofMinSize(20).ofMaxSize(60);
  }

  @Property(tries = 2000)
  void everyAllocatorOffersWhatTheOracleOffers(@ForAll("ops") List<RawOp> ops, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 79) int variant) {
    check(TARGETS, OracleCases.featureNames(), ops, seed, variant);
  }

  /**
   * The same check for asset, slots, drf-sized and drf's offerSize option, with the features of their rules too
   * (offers smaller than what is free, sized offers below the minimum allocatable, agents without a free slot:
   * seen in 93%, 79% and 94% of 1,000 tries, far above the bound of 10%).
   */
  @Property(tries = 1000)
  void fairnessAllocatorsOfferWhatTheOracleOffers(@ForAll("ops") List<RawOp> ops, @ForAll long seed,
      @ForAll @IntRange(min = 0, max = 79) int variant) {
    check(FAIRNESS_TARGETS, OracleCases.allFeatureNames(), ops, seed, variant);
  }

  private static void check(Map<String, BiFunction<Long, Integer, OracleConfig>> targets, List<String> featureNames,
      List<RawOp> ops, long seed, int variant) {
    Set<String> features = new TreeSet<>();
    for (var target : targets.entrySet()) {
      Built built = OracleCases.build(target.getValue().apply(seed, variant), ops);
      features.addAll(built.features());
      assertSameOffers(target.getKey(), built);
    }
    for (String feature : featureNames) {
      Statistics.label(feature).collect(features.contains(feature));
    }
    for (String feature : featureNames) {
      Statistics.label(feature).coverage(c -> c.check(true).percentage(p -> p >= 10));
    }
  }

  /** Every registered allocator is checked against the oracle: a new allocator needs a model and a target line. */
  @Test
  void everyRegisteredAllocatorIsATarget() {
    Set<String> checked = new TreeSet<>(TARGETS.keySet());
    FAIRNESS_TARGETS.values().forEach(config -> checked.add(config.apply(0L, 0).allocator()));
    assertEquals(new TreeSet<>(Allocators.names()), checked);
  }

  private static void assertSameOffers(String allocator, Built built) {
    String scenario = pretty(built.config().toJson(built.steps()));
    List<Allocation> actual;
    try {
      actual = parse(ScenarioRunner.run("oracle-" + allocator + ".json", scenario));
    } catch (IllegalArgumentException | IllegalStateException e) {
      fail(allocator + " rejected a scenario the oracle ran: " + e.getMessage() + "\n" + scenario, e);
      return;
    }
    List<Allocation> expected = built.expected();
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      Allocation want = i < expected.size() ? expected.get(i) : null;
      Allocation got = i < actual.size() ? actual.get(i) : null;
      if (want == null || !want.equals(got)) {
        fail(String.format(java.util.Locale.ROOT, "%s differs from the oracle at allocate step %s:%n  oracle:    %s%n"
            + "  allocator: %s%nscenario:%n%s", allocator, want == null ? "?" : want.step(), want, got, scenario));
      }
    }
  }

  private static List<Allocation> parse(String output) {
    JsonNode root;
    try {
      root = JSON.readTree(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Allocation> out = new ArrayList<>();
    for (JsonNode allocation : root.get("allocations")) {
      List<OfferLine> offers = new ArrayList<>();
      for (JsonNode o : allocation.get("offers")) {
        offers.add(new OfferLine(o.get("framework").asText(), o.get("agent").asText(), o.get("resources").asText()));
      }
      out.add(new Allocation(allocation.get("step").asInt(), offers));
    }
    return out;
  }

  private static String pretty(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
