package io.offerlab.simcore.cluster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run knows about the workload's roles before the first event: the roles (which the {@code static} allocator
 * splits agents among) and each role's largest job priority (for the {@code priority} allocator).
 *
 * @param roles role names, sorted
 * @param priorities role to priority
 */
public record RoleFacts(List<String> roles, Map<String, Integer> priorities) {
  /** Nothing known up front. */
  public static final RoleFacts NONE = new RoleFacts(List.of(), Map.of());

  /** Copies and sorts. */
  public RoleFacts {
    roles = roles.stream().sorted().distinct().toList();
    priorities = new TreeMap<>(priorities);
  }
}
