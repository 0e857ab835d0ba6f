package io.offerlab.allocators;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings shared by the allocators. Defaults follow Mesos: minimum allocatable resources {@code cpus:0.01} or
 * {@code mem:32} (the master's {@code --min_allocatable_resources}), agents visited in the order they were added
 * unless {@code shuffleAgents} (the master shuffles them each cycle), and filters that last exactly their refuse time
 * unless {@code minFilterSeconds} (the master's allocation interval) is longer.
 *
 * @param seed seeds the agent shuffle and the random sorter
 * @param shuffleAgents visit agents in a seeded random order each cycle, as Mesos does
 * @param minFilterSeconds a decline filter lasts at least this long
 * @param minAllocatable an agent's free resources are offered only when they contain one of these
 * @param priorities strict priority per role for {@code priority}; larger is higher, roles not listed get 0
 * @param partitions {@code static} partitions per role, or empty for the default equal split
 * @param partitionRoles the roles {@code static} splits agents among by default; empty means the roles known when each
 *     agent is added
 * @param slotSize the slot of the {@code slots} allocator: positive scalar quantities ({@code cpus:1;mem:2048} by
 *     default)
 * @param offerSize whether {@code drf} offers whole agents (the default) or fair-share-sized parts of them
 */
public record AllocatorOptions(
    long seed,
    boolean shuffleAgents,
    double minFilterSeconds,
    List<Resources> minAllocatable,
    Map<String, Integer> priorities,
    Map<String, Partition> partitions,
    List<String> partitionRoles,
    Resources slotSize,
    OfferSize offerSize) {

  /** The default slot of the {@code slots} allocator: one CPU and 2 GB, Hadoop's usual map slot. */
  public static final Resources DEFAULT_SLOT_SIZE = Resources.parse("cpus:1;mem:2048");

  /** Mesos' default {@code --min_allocatable_resources}: {@code cpus:0.01|mem:32}. */
  public static final List<Resources> MESOS_MIN_ALLOCATABLE =
      List.of(Resources.parse("cpus:0.01"), Resources.parse("mem:32"));

  /** Validates and copies the collections. */
  public AllocatorOptions {
    if (!(minFilterSeconds >= 0) || Double.isInfinite(minFilterSeconds)) {
      throw new IllegalArgumentException("expected a finite number of seconds >= 0, found " + minFilterSeconds);
    }
    minAllocatable = List.copyOf(Objects.requireNonNull(minAllocatable, "minAllocatable"));
    priorities = Map.copyOf(Objects.requireNonNull(priorities, "priorities"));
    partitions = Map.copyOf(Objects.requireNonNull(partitions, "partitions"));
    partitionRoles = List.copyOf(Objects.requireNonNull(partitionRoles, "partitionRoles"));
    checkRoles("priorities", priorities.keySet());
    checkRoles("partitions", partitions.keySet());
    checkRoles("partitionRoles", partitionRoles);
    checkSlotSize(Objects.requireNonNull(slotSize, "slotSize"));
    Objects.requireNonNull(offerSize, "offerSize");
  }

  /** Fails unless the slot has scalar quantities only, at least one of them, all positive. */
  private static void checkSlotSize(Resources slot) {
    if (slot.hasRanges() || slot.isEmpty()) {
      throw new IllegalArgumentException("slotSize: expected positive scalar quantities like 'cpus:1;mem:2048', found '"
          + slot + "'");
    }
  }

  /**
   * Parses a {@code slotSize} option such as {@code cpus:1;mem:2048}; fails with one line naming the field and what
   * was expected.
   */
  public static Resources parseSlotSize(String text) {
    Resources slot;
    try {
      slot = Resources.parse(text == null ? "" : text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("slotSize: expected positive scalar quantities like 'cpus:1;mem:2048', "
          + e.getMessage());
    }
    checkSlotSize(slot);
    return slot;
  }

  /** Fails on an empty role name: Mesos rejects an empty role. */
  private static void checkRoles(String what, java.util.Collection<String> roles) {
    for (String role : roles) {
      if (role.isEmpty()) {
        throw new IllegalArgumentException(what + ": expected non-empty role names (Mesos rejects an empty role), "
            + "found ''");
      }
    }
  }

  /** Returns the defaults: seed 0, agents in order, Mesos' minimum allocatable resources, no priorities or partitions. */
  public static AllocatorOptions defaults() {
    return new AllocatorOptions(0, false, 0, MESOS_MIN_ALLOCATABLE, Map.of(), Map.of(), List.of(), DEFAULT_SLOT_SIZE,
        OfferSize.WHOLE);
  }

  /** Returns a copy with another seed. */
  public AllocatorOptions withSeed(long seed) {
    return new AllocatorOptions(seed, shuffleAgents, minFilterSeconds, minAllocatable, priorities, partitions, partitionRoles,
        slotSize, offerSize);
  }

  /** Returns a copy that shuffles agents each cycle or not. */
  public AllocatorOptions withShuffleAgents(boolean shuffle) {
    return new AllocatorOptions(seed, shuffle, minFilterSeconds, minAllocatable, priorities, partitions, partitionRoles,
        slotSize, offerSize);
  }

  /** Returns a copy with another minimum filter duration. */
  public AllocatorOptions withMinFilterSeconds(double seconds) {
    return new AllocatorOptions(seed, shuffleAgents, seconds, minAllocatable, priorities, partitions, partitionRoles,
        slotSize, offerSize);
  }

  /** Returns a copy with other minimum allocatable alternatives. */
  public AllocatorOptions withMinAllocatable(List<Resources> alternatives) {
    return new AllocatorOptions(seed, shuffleAgents, minFilterSeconds, alternatives, priorities, partitions, partitionRoles,
        slotSize, offerSize);
  }

  /** Returns a copy with role priorities. */
  public AllocatorOptions withPriorities(Map<String, Integer> rolePriorities) {
    return new AllocatorOptions(seed, shuffleAgents, minFilterSeconds, minAllocatable, rolePriorities, partitions, partitionRoles,
        slotSize, offerSize);
  }

  /** Returns a copy with static partitions. */
  public AllocatorOptions withPartitions(Map<String, Partition> rolePartitions) {
    return new AllocatorOptions(seed, shuffleAgents, minFilterSeconds, minAllocatable, priorities, rolePartitions, partitionRoles,
        slotSize, offerSize);
  }

  /** Returns a copy whose default static split is among these roles. */
  public AllocatorOptions withPartitionRoles(List<String> roles) {
    return new AllocatorOptions(seed, shuffleAgents, minFilterSeconds, minAllocatable, priorities, partitions, roles,
        slotSize, offerSize);
  }

  /** Returns a copy with another slot for {@code slots}. */
  public AllocatorOptions withSlotSize(Resources slot) {
    return new AllocatorOptions(seed, shuffleAgents, minFilterSeconds, minAllocatable, priorities, partitions,
        partitionRoles, slot, offerSize);
  }

  /** Returns a copy with another offer size for {@code drf}. */
  public AllocatorOptions withOfferSize(OfferSize size) {
    return new AllocatorOptions(seed, shuffleAgents, minFilterSeconds, minAllocatable, priorities, partitions,
        partitionRoles, slotSize, size);
  }

  /** A role's static partition: a fixed set of agents, or a fraction of every agent. */
  public sealed interface Partition {
    /** The listed agents belong wholly to the role. */
    record Agents(List<String> agentIds) implements Partition {
      /** Copies the list. */
      public Agents {
        agentIds = List.copyOf(agentIds);
      }
    }

    /** The role owns this fraction of every agent's resources. */
    record Fraction(double fraction) implements Partition {
      /** Checks the fraction is in (0, 1]. */
      public Fraction {
        if (!(fraction > 0 && fraction <= 1)) {
          throw new IllegalArgumentException("expected a partition fraction in (0, 1], found " + fraction);
        }
      }
    }
  }
}
