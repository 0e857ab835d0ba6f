package io.offerlab.allocators;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Orders clients as Mesos' {@code DRFSorter} does, by ascending weighted share, then fewer picks, then the smaller
 * name, but with the share measured by a {@link ShareRule} instead of the dominant share: the asset-fairness sum of
 * shares ({@link AssetAllocator}) or the slots held ({@link SlotsAllocator}).
 *
 * <p>Active clients sit in a tree keyed by their cached share, so an allocation repositions one client in O(log n).
 */
final class ShareRuleSorter implements Sorter {
  private final TreeSet<Client> active = new TreeSet<>(ShareRuleSorter::compare);
  private final long[][] total;
  private final ShareRule rule;

  /** Creates a sorter reading the cluster total from {@code total[0]} (shared, replaced when agents change). */
  ShareRuleSorter(long[][] total, ShareRule rule) {
    this.total = total;
    this.rule = rule;
  }

  private static int compare(Client a, Client b) {
    if (a.share != b.share) {
      return a.share < b.share ? -1 : 1;
    }
    if (a.picks != b.picks) {
      return a.picks < b.picks ? -1 : 1;
    }
    return a.name.compareTo(b.name);
  }

  private void refresh(Client client) {
    client.share = rule.measure(client.allocated, total[0]) / client.weight;
  }

  @Override
  public void activate(Client client) {
    if (!client.active) {
      refresh(client);
      client.active = true;
      active.add(client);
    }
  }

  @Override
  public void deactivate(Client client) {
    if (client.active) {
      active.remove(client);
      client.active = false;
    }
  }

  @Override
  public void update(Client client, Runnable change) {
    if (client.active) {
      active.remove(client);
      change.run();
      refresh(client);
      active.add(client);
    } else {
      change.run();
      refresh(client);
    }
  }

  @Override
  public void totalChanged() {
    List<Client> clients = new ArrayList<>(active);
    active.clear();
    for (Client c : clients) {
      refresh(c);
      active.add(c);
    }
  }

  @Override
  public boolean isEmpty() {
    return active.isEmpty();
  }

  @Override
  public Client first() {
    return active.isEmpty() ? null : active.first();
  }

  @Override
  public Client next(Client current) {
    return active.higher(current);
  }

  @Override
  public boolean restartsAfterAllocation() {
    return true;
  }
}
