package io.offerlab.allocators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Static partitioning, the baseline of the Mesos paper (Hindman et al., NSDI 2011, section 6.1): each role owns a
 * fixed set of agents, or a fixed fraction of every agent, and is offered nothing outside it. Within a partition,
 * frameworks are ordered by DRF.
 *
 * <p>Partitions come from {@link AllocatorOptions#partitions()}: agent lists (agents listed for no role belong to
 * none) or fractions (each role is offered at most its fraction of each agent, rounded down to thousandths). By
 * default the k-th agent added (counting from 0, removed agents included) belongs to the (k mod R)-th role in name
 * order, R counting the roles of {@link AllocatorOptions#partitionRoles()} or else the roles known when the agent is
 * added (every role a framework was ever added with). Agents added while no role is known (R = 0) are split when the
 * first role appears, as if they had been added then: R is 1 then, so they all belong to that first role.
 */
@AllocatorSpec(name = "static", traits = {Trait.MULTI_RESOURCE, Trait.ROLES, Trait.PARTITIONS},
    description = "Static partitioning: each role owns a fixed set or fraction of the agents")
public final class StaticAllocator extends HierarchicalAllocator {
  private final Map<String, String> ownerByAgent = new HashMap<>();
  private final Map<String, Double> fractions = new HashMap<>();
  /** Every role a framework was ever added with, in name order: the default split's R roles. */
  private final TreeSet<String> knownRoles = new TreeSet<>();
  /** Agents added while no role was known, waiting for the first role (default split only). */
  private final List<Integer> unassigned = new ArrayList<>();
  private final RoleState nobody;

  /** Creates the allocator, checking the partitions. */
  public StaticAllocator(AllocatorOptions options) {
    super(options);
    double sum = 0;
    for (var entry : options.partitions().entrySet()) {
      if (entry.getValue() instanceof AllocatorOptions.Partition.Agents agents) {
        for (String agent : agents.agentIds()) {
          String previous = ownerByAgent.put(agent, entry.getKey());
          if (previous != null) {
            throw new IllegalArgumentException("partitions: agent '" + agent + "' is in the partitions of both '"
                + previous + "' and '" + entry.getKey() + "'");
          }
        }
      } else if (entry.getValue() instanceof AllocatorOptions.Partition.Fraction fraction) {
        fractions.put(entry.getKey(), fraction.fraction());
        sum += fraction.fraction();
      }
    }
    if (!fractions.isEmpty() && !ownerByAgent.isEmpty()) {
      throw new IllegalArgumentException("partitions: use either agent lists or fractions, not both");
    }
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException("partitions: fractions add up to " + sum + ", expected at most 1");
    }
    nobody = new RoleState("", newSorter(false), 0);
  }

  @Override
  Sorter newSorter(boolean forRoles) {
    return new DrfSorter(clusterTotal(), false);
  }

  @Override
  void agentAdded(int agent) {
    if (!fractions.isEmpty()) {
      return;
    }
    if (!options.partitions().isEmpty()) {
      agents.partition[agent] = ownerByAgent.get(agents.ids[agent]); // null: listed for no role, so offered to nobody
      return;
    }
    List<String> names = new ArrayList<>(options.partitionRoles().isEmpty() ? knownRoles : options.partitionRoles());
    if (names.isEmpty()) {
      unassigned.add(agent);
      return;
    }
    names.sort(null);
    agents.partition[agent] = names.get(agent % names.size());
  }

  @Override
  void roleAdded(RoleState role) {
    knownRoles.add(role.name);
    // The first role known takes the agents added before it, as if they were added now (R = 1).
    for (int agent : unassigned) {
      agents.partition[agent] = role.name;
    }
    unassigned.clear();
  }

  @Override
  RoleState soleRole(int agent) {
    if (!fractions.isEmpty()) {
      return null;
    }
    Object partition = agents.partition[agent];
    RoleState owner = partition == null ? null : roles().get((String) partition);
    return owner == null ? nobody : owner;
  }

  @Override
  long[] availableFor(int agent, RoleState role, long[] into) {
    if (fractions.isEmpty()) {
      return super.availableFor(agent, role, into);
    }
    Double fraction = fractions.get(role.name);
    if (fraction == null) {
      java.util.Arrays.fill(into, 0);
      return into;
    }
    long[] held = roleAllocation(agent, role);
    int base = agent * agents.width;
    int free = agents.freeAt(agent);
    for (int i = 0; i < agents.width; i++) {
      long share = (long) Math.floor(agents.total[base + i] * fraction + 1e-9);
      into[i] = Math.max(0, Math.min(agents.rows[free + i], share - held[i]));
    }
    return into;
  }
}
