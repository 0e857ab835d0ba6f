package io.offerlab.simcore.master;

import io.offerlab.allocators.AllocatorSpec;
import io.offerlab.allocators.Allocators;
import io.offerlab.allocators.Trait;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a master must supply an allocator before it runs, decided from the {@link Trait}s its {@link AllocatorSpec}
 * declares rather than from its name (after Caffeine simulator's policy characteristics): role priorities for
 * {@link Trait#PRIORITIES}, a partition of the agents among roles for {@link Trait#PARTITIONS}, and a workload read
 * ahead when the settings give neither.
 */
public final class AllocatorNeeds {
  private final Set<Trait> traits;

  private AllocatorNeeds(Set<Trait> traits) {
    this.traits = traits;
  }

  /** Returns the needs of a registered allocator; fails with the known names on an unknown one. */
  public static AllocatorNeeds of(String allocator) {
    Trait[] declared = Allocators.spec(allocator).traits();
    Set<Trait> set = EnumSet.noneOf(Trait.class);
    set.addAll(Arrays.asList(declared));
    return new AllocatorNeeds(set);
  }

  /** Returns whether the allocator orders roles by priority, so that it needs each role's priority. */
  public boolean priorities() {
    return traits.contains(Trait.PRIORITIES);
  }

  /** Returns whether the allocator confines roles to partitions, so that it needs the roles to split agents among. */
  public boolean partitions() {
    return traits.contains(Trait.PARTITIONS);
  }

  /**
   * Returns whether the workload must be read ahead for its roles and priorities: the allocator needs priorities and
   * none are configured, or partitions and neither partitions nor partition roles are configured.
   */
  public boolean readAhead(boolean prioritiesConfigured, boolean partitionsConfigured) {
    return priorities() && !prioritiesConfigured || partitions() && !partitionsConfigured;
  }
}
