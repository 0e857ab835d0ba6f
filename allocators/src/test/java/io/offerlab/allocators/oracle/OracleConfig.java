package io.offerlab.allocators.oracle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scenario's top-level fields (ARCHITECTURE.md section 4 and docs/scenarios.md): the allocator, the seed and the
 * options the oracle models ({@code priorities}; {@code partitions} as agent lists or fractions;
 * {@code partitionRoles}; {@code minFilterSeconds}; {@code minAllocatable}, null for the default; {@code slotSize} and
 * {@code offerSize}, null for the defaults).
 */
record OracleConfig(
    String allocator,
    long seed,
    Map<String, Integer> priorities,
    Map<String, List<String>> partitionAgents,
    Map<String, Double> partitionFractions,
    List<String> partitionRoles,
    double minFilterSeconds,
    List<String> minAllocatable,
    String slotSize,
    String offerSize) {

  OracleConfig {
    priorities = new TreeMap<>(priorities);
    partitionAgents = new TreeMap<>(partitionAgents);
    partitionFractions = new TreeMap<>(partitionFractions);
    partitionRoles = List.copyOf(partitionRoles);
    minAllocatable = minAllocatable == null ? null : List.copyOf(minAllocatable);
  }

  static OracleConfig of(String allocator, long seed) {
    return new OracleConfig(allocator, seed, Map.of(), Map.of(), Map.of(), List.of(), 0, null, null, null);
  }

  OracleConfig withPriorities(Map<String, Integer> map) {
    return new OracleConfig(allocator, seed, map, partitionAgents, partitionFractions, partitionRoles,
        minFilterSeconds, minAllocatable, slotSize, offerSize);
  }

  OracleConfig withPartitionAgents(Map<String, List<String>> map) {
    return new OracleConfig(allocator, seed, priorities, map, partitionFractions, partitionRoles, minFilterSeconds,
        minAllocatable, slotSize, offerSize);
  }

  OracleConfig withPartitionFractions(Map<String, Double> map) {
    return new OracleConfig(allocator, seed, priorities, partitionAgents, map, partitionRoles, minFilterSeconds,
        minAllocatable, slotSize, offerSize);
  }

  OracleConfig withPartitionRoles(List<String> roles) {
    return new OracleConfig(allocator, seed, priorities, partitionAgents, partitionFractions, roles, minFilterSeconds,
        minAllocatable, slotSize, offerSize);
  }

  OracleConfig withMinFilterSeconds(double seconds) {
    return new OracleConfig(allocator, seed, priorities, partitionAgents, partitionFractions, partitionRoles, seconds,
        minAllocatable, slotSize, offerSize);
  }

  /** Sets the minimum allocatable alternatives; null means the default, {@code cpus:0.01} or {@code mem:32}. */
  OracleConfig withMinAllocatable(List<String> alternatives) {
    return new OracleConfig(allocator, seed, priorities, partitionAgents, partitionFractions, partitionRoles,
        minFilterSeconds, alternatives, slotSize, offerSize);
  }

  /** Sets the slot of {@code slots}; null means the default, {@code cpus:1;mem:2048}. */
  OracleConfig withSlotSize(String slot) {
    return new OracleConfig(allocator, seed, priorities, partitionAgents, partitionFractions, partitionRoles,
        minFilterSeconds, minAllocatable, slot, offerSize);
  }

  /** Sets {@code drf}'s offer size, {@code whole} or {@code fair-share}; null means the default, whole. */
  OracleConfig withOfferSize(String size) {
    return new OracleConfig(allocator, seed, priorities, partitionAgents, partitionFractions, partitionRoles,
        minFilterSeconds, minAllocatable, slotSize, size);
  }

  /** Writes the scenario file around {@code steps}. */
  ObjectNode toJson(List<OracleStep> steps) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("allocator", allocator).put("seed", seed);
    ObjectNode options = root.putObject("options");
    if (!priorities.isEmpty()) {
      ObjectNode p = options.putObject("priorities");
      priorities.forEach(p::put);
    }
    if (!partitionAgents.isEmpty() || !partitionFractions.isEmpty()) {
      ObjectNode p = options.putObject("partitions");
      partitionAgents.forEach((role, agents) -> agents.forEach(p.putArray(role)::add));
      partitionFractions.forEach(p::put);
    }
    if (!partitionRoles.isEmpty()) {
      partitionRoles.forEach(options.putArray("partitionRoles")::add);
    }
    if (minFilterSeconds > 0) {
      options.put("minFilterSeconds", minFilterSeconds);
    }
    if (minAllocatable != null) {
      minAllocatable.forEach(options.putArray("minAllocatable")::add);
    }
    if (slotSize != null) {
      options.put("slotSize", slotSize);
    }
    if (offerSize != null) {
      options.put("offerSize", offerSize);
    }
    var list = root.putArray("steps");
    steps.forEach(s -> list.add(s.toJson()));
    return root;
  }
}
