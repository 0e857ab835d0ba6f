package io.offerlab.jmh;

import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.OfferBatch;
import io.offerlab.allocators.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the clusters of the benchmarks: named agents and frameworks, roles, and Mesos-style pre-used resources. */
final class Clusters {
  /** Mesos' allocation interval (the master's default {@code --allocation_interval} of one second), in microseconds. */
  static final long INTERVAL_MICROS = 1_000_000;

  private Clusters() {}

  /** Returns {@code prefix-0 .. prefix-(n-1)}, zero-padded so that name order is index order. */
  static String[] ids(String prefix, int n) {
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = String.format(Locale.ROOT, "%s-%06d", prefix, i);
    }
    return ids;
  }

  /** Returns the roles of {@code frameworks} frameworks dealt round-robin over at most {@code maxRoles} roles. */
  static List<String> roles(int frameworks, int maxRoles) {
    List<String> roles = new ArrayList<>();
    for (int i = 0; i < Math.min(frameworks, maxRoles); i++) {
      roles.add("role-" + i);
    }
    return roles;
  }

  static void addAgents(Allocator allocator, String[] agents, Resources resources) {
    for (String agent : agents) {
      allocator.addAgent(agent, resources);
    }
  }

  /** Adds the frameworks, the i-th in role {@code i mod roles.size()}. */
  static void addFrameworks(Allocator allocator, String[] frameworks, List<String> roles) {
    for (int i = 0; i < frameworks.length; i++) {
      allocator.addFramework(frameworks[i], roles.get(i % roles.size()));
    }
  }

  /**
   * Makes the i-th agent hold {@code used} for framework {@code i mod F}, as Mesos' benchmarks add agents with
   * {@code used} resources. The allocator API has no such call, so each framework in turn is the only active one,
   * is offered its agents whole and gives back all but {@code used}, without a filter.
   */
  static void preallocate(Allocator allocator, String[] frameworks, String[] agents, Resources used, long now) {
    for (String framework : frameworks) {
      allocator.deactivateFramework(framework);
    }
    for (int f = 0; f < frameworks.length; f++) {
      List<String> mine = new ArrayList<>();
      for (int i = f; i < agents.length; i += frameworks.length) {
        mine.add(agents[i]);
      }
      allocator.activateFramework(frameworks[f]);
      for (Offer offer : allocator.allocate(now, mine)) {
        allocator.recover(offer.frameworkId(), offer.agentId(), offer.resources().minus(used), 0, now);
      }
      allocator.deactivateFramework(frameworks[f]);
    }
    for (String framework : frameworks) {
      allocator.activateFramework(framework);
    }
  }

  /** Gives every offer back whole, with a decline filter of {@code refuseSeconds} (none when 0). */
  static void recoverAll(Allocator allocator, List<Offer> offers, double refuseSeconds, long now) {
    for (Offer offer : offers) {
      allocator.recover(offer.frameworkId(), offer.agentId(), offer.resources(), refuseSeconds, now);
    }
  }

  /** Gives every offer of a batch back whole, by index, with a decline filter of {@code refuseSeconds} (none when 0). */
  static void recoverAll(Allocator allocator, OfferBatch offers, double refuseSeconds, long now) {
    for (int i = 0; i < offers.size(); i++) {
      allocator.recover(offers, i, refuseSeconds, now);
    }
  }

  /** Returns the latest offers as objects: the list itself, or the batch's offers named by their ids. */
  static List<Offer> offers(Allocator allocator, Api api, List<Offer> list, OfferBatch batch) {
    if (api != Api.BATCH) {
      return list;
    }
    List<Offer> offers = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      offers.add(new Offer(allocator.frameworkId(batch.framework(i)), allocator.agentId(batch.agent(i)),
          batch.resources(i)));
    }
    return offers;
  }

  /** Parses a benchmark size such as {@code 2000x200} into {agents, frameworks}. */
  static int[] parseSize(String field, String text) {
    String[] parts = text.strip().split("x", -1);
    try {
      if (parts.length == 2) {
        int agents = Integer.parseInt(parts[0]);
        int frameworks = Integer.parseInt(parts[1]);
        if (agents > 0 && frameworks > 0) {
          return new int[] {agents, frameworks};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        field + ": expected AGENTSxFRAMEWORKS with positive counts, like 2000x200, found '" + text + "'");
  }
}
