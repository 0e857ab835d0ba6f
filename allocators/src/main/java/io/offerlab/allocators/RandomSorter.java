package io.offerlab.allocators;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Weighted random ordering, as Mesos' {@code RandomSorter}: each pass visits the active clients in a fresh random
 * order in which a client comes earlier with probability proportional to its weight (sampling without replacement).
 * Draws come from a seeded stream, so the same seed and calls give the same order.
 */
final class RandomSorter implements Sorter {
  private final SplittableRandom random;
  private Client[] clients = new Client[8];
  private int size;
  private int remaining;
  /** How many active clients have a weight other than 1: when none, a draw is uniform and O(1). */
  private int weighted;

  RandomSorter(SplittableRandom random) {
    this.random = random;
  }

  @Override
  public void activate(Client client) {
    if (client.active) {
      return;
    }
    if (size == clients.length) {
      clients = Arrays.copyOf(clients, size * 2);
    }
    client.active = true;
    client.countedWeighted = client.weight != 1.0;
    weighted += client.countedWeighted ? 1 : 0;
    client.slot = size;
    clients[size++] = client;
  }

  @Override
  public void deactivate(Client client) {
    if (!client.active) {
      return;
    }
    int slot = client.slot;
    Client last = clients[--size];
    clients[slot] = last;
    last.slot = slot;
    clients[size] = null;
    client.active = false;
    weighted -= client.countedWeighted ? 1 : 0;
    client.countedWeighted = false;
    client.slot = -1;
    remaining = Math.min(remaining, size);
  }

  @Override
  public void changed(Client client) {
    if (client.active) {
      boolean weightedNow = client.weight != 1.0;
      weighted += (weightedNow ? 1 : 0) - (client.countedWeighted ? 1 : 0);
      client.countedWeighted = weightedNow;
    }
  }

  @Override
  public void totalChanged() {}

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Client first() {
    remaining = size;
    return draw();
  }

  @Override
  public Client next(Client current) {
    return draw();
  }

  /** Draws the next client of the pass, weighted, and moves it past the undrawn ones. */
  private Client draw() {
    if (remaining == 0) {
      return null;
    }
    int pick = pickIndex();
    int end = --remaining;
    Client chosen = clients[pick];
    clients[pick] = clients[end];
    clients[pick].slot = pick;
    clients[end] = chosen;
    chosen.slot = end;
    return chosen;
  }

  private int pickIndex() {
    if (weighted == 0) {
      return random.nextInt(remaining);
    }
    double sum = 0;
    for (int i = 0; i < remaining; i++) {
      sum += clients[i].weight;
    }
    double u = random.nextDouble() * sum;
    for (int i = 0; i < remaining; i++) {
      u -= clients[i].weight;
      if (u < 0) {
        return i;
      }
    }
    return remaining - 1;
  }

  @Override
  public boolean restartsAfterAllocation() {
    return false;
  }
}
