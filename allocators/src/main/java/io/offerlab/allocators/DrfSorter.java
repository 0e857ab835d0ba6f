package io.offerlab.allocators;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Dominant Resource Fairness ordering (Ghodsi et al., NSDI 2011), as Mesos' {@code DRFSorter}: ascending weighted
 * dominant share, then fewer picks, then the smaller name. With priorities it is strict priority first (highest
 * first), then DRF among equals.
 *
 * <p>Active clients sit in a balanced tree keyed by their cached share, so an allocation repositions one client in
 * O(log n) rather than re-sorting. Shares are computed against one cluster-wide total shared by every sorter.
 */
final class DrfSorter implements Sorter {
  private static final Comparator<Client> DRF = DrfSorter::compareDrf;
  private static final Comparator<Client> PRIORITY_THEN_DRF = (a, b) ->
      a.priority != b.priority ? Integer.compare(b.priority, a.priority) : compareDrf(a, b);

  private final TreeSet<Client> active;
  private final long[][] total;

  /** Creates a sorter reading the cluster total from {@code total[0]} (shared, replaced when agents change). */
  DrfSorter(long[][] total, boolean byPriority) {
    this.total = total;
    this.active = new TreeSet<>(byPriority ? PRIORITY_THEN_DRF : DRF);
  }

  private static int compareDrf(Client a, Client b) {
    if (a.share != b.share) {
      return a.share < b.share ? -1 : 1;
    }
    if (a.picks != b.picks) {
      return a.picks < b.picks ? -1 : 1;
    }
    return a.name.compareTo(b.name);
  }

  @Override
  public void activate(Client client) {
    if (!client.active) {
      client.refreshShare(total[0]);
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
      client.refreshShare(total[0]);
      active.add(client);
    } else {
      change.run();
      client.refreshShare(total[0]);
    }
  }

  @Override
  public void totalChanged() {
    List<Client> clients = new ArrayList<>(active);
    active.clear();
    for (Client c : clients) {
      c.refreshShare(total[0]);
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
