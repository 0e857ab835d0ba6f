package io.offerlab.allocators;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Fair-share-sized offers, the remedy for offer hoarding the Omega paper suggests for Mesos (Schwarzkopf et al.,
 * "Omega: flexible, scalable schedulers for large compute clusters", EuroSys 2013, section 4.1): instead of a whole
 * agent, a framework is offered at most what brings it up to its fair dominant share.
 *
 * <ul>
 *   <li>f, the framework's fair dominant share: its role's weight divided by the sum of the weights of the roles that
 *       have active, unsuppressed frameworks (the sum taken exactly, then rounded once to a double), divided by the
 *       number of the role's active, unsuppressed frameworks;
 *   <li>g = max(0, f - s), s being the framework's current (unweighted) dominant share as Mesos computes it;
 *   <li>for each kind r the offer holds min(free_r on the agent, g x total_r), total_r being the cluster total and
 *       g x total_r rounded to the nearest thousandth as Mesos stores scalars ({@code convertToFixed}: a share that
 *       is exactly a task's, such as 0.5 - 0.4 of 30 GB, is not lost to the last bit of a double);
 *   <li>when that holds none of the minimum allocatable resources, the framework is passed over on this agent as if
 *       filtered, and the agent goes to the next framework in DRF order. Range resources go with an offer only when it
 *       holds all that is free on the agent.
 * </ul>
 */
final class FairShareOfferSizer {
  private FairShareOfferSizer() {}

  /**
   * Returns the sized offer for {@code framework} out of {@code available}, with the cluster {@code total}, written in
   * {@code into} (at least as wide as {@code available}).
   */
  static long[] size(FrameworkState framework, Collection<RoleState> roles, long[] available, long[] total,
      long[] into) {
    double g = Math.max(0, fairShare(framework.role, roles)
        - Resources.dominantShare(framework.client.allocated, total));
    long[] offer = into;
    for (int i = 0; i < available.length; i++) {
      long cap = i < total.length ? Math.round(g * (double) total[i]) : 0;
      offer[i] = Math.max(0, Math.min(available[i], cap));
    }
    return offer;
  }

  /** Returns f: the role's weight over the sum of the weights of roles with eligible frameworks, split among them. */
  static double fairShare(RoleState role, Collection<RoleState> roles) {
    BigDecimal sum = BigDecimal.ZERO;
    for (RoleState r : roles) {
      if (r.eligibleCount > 0) {
        sum = sum.add(new BigDecimal(r.client.weight));
      }
    }
    return role.client.weight / sum.doubleValue() / role.eligibleCount;
  }
}
