package io.offerlab.allocators.oracle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scenario's top-level fields (ARCHITECTURE.md section 4): the allocator, the seed and the options the oracle
 * models ({@code priorities}; {@code partitions} as agent lists or fractions; {@code partitionRoles}).
 */
record OracleConfig(
    String allocator,
    long seed,
    Map<String, Integer> priorities,
    Map<String, List<String>> partitionAgents,
    Map<String, Double> partitionFractions,
    List<String> partitionRoles) {

  OracleConfig {
    priorities = new TreeMap<>(priorities);
    partitionAgents = new TreeMap<>(partitionAgents);
    partitionFractions = new TreeMap<>(partitionFractions);
    partitionRoles = List.copyOf(partitionRoles);
  }

  static OracleConfig of(String allocator, long seed) {
    return new OracleConfig(allocator, seed, Map.of(), Map.of(), Map.of(), List.of());
  }

  OracleConfig withPriorities(Map<String, Integer> map) {
    return new OracleConfig(allocator, seed, map, partitionAgents, partitionFractions, partitionRoles);
  }

  OracleConfig withPartitionAgents(Map<String, List<String>> map) {
    return new OracleConfig(allocator, seed, priorities, map, partitionFractions, partitionRoles);
  }

  OracleConfig withPartitionFractions(Map<String, Double> map) {
    return new OracleConfig(allocator, seed, priorities, partitionAgents, map, partitionRoles);
  }

  OracleConfig withPartitionRoles(List<String> roles) {
    return new OracleConfig(allocator, seed, priorities, partitionAgents, partitionFractions, roles);
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
    var list = root.putArray("steps");
    steps.forEach(s -> list.add(s.toJson()));
    return root;
  }
}
