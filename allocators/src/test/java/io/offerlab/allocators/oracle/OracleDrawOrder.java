package io.offerlab.allocators.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * The seeded order of the {@code random} allocator, part of its scenario contract: one {@code SplittableRandom(seed)}
 * shared by the role level and every role's framework level, each level keeping its eligible clients in a list.
 *
 * <ul>
 *   <li>A client that becomes eligible is appended; one that stops being eligible is replaced by the last client.
 *   <li>A pass over a level (one per agent visit) draws its clients one at a time, lazily, without replacement.
 *   <li>A draw over the first {@code remaining} clients: when every client of the level weighs 1, index
 *       {@code nextInt(remaining)}; otherwise {@code u = nextDouble() * sum of their weights}, and the first index at
 *       which {@code u} minus the weights so far drops below 0 (else the last). The drawn client swaps places with
 *       the last undrawn one, and the swap persists into later passes.
 * </ul>
 */
final class OracleDrawOrder {
  private final SplittableRandom random;
  private final ToDoubleFunction<String> weight;
  private final List<String> clients = new ArrayList<>();
  private int remaining;

  OracleDrawOrder(SplittableRandom random, ToDoubleFunction<String> weight) {
    this.random = random;
    this.weight = weight;
  }

  void join(String client) {
    clients.add(client);
  }

  void leave(String client) {
    int at = clients.indexOf(client);
    String last = clients.remove(clients.size() - 1);
    if (at < clients.size()) {
      clients.set(at, last);
    }
    remaining = Math.min(remaining, clients.size());
  }

  /** Starts a pass and draws its first client, or returns null when the level is empty. */
  String first() {
    remaining = clients.size();
    return next();
  }

  /** Draws the next client of the pass, or returns null when every client was drawn. */
  String next() {
    if (remaining == 0) {
      return null;
    }
    int pick = pick();
    int end = --remaining;
    String chosen = clients.get(pick);
    clients.set(pick, clients.get(end));
    clients.set(end, chosen);
    return chosen;
  }

  private int pick() {
    if (clients.stream().allMatch(c -> weight.applyAsDouble(c) == 1.0)) {
      return random.nextInt(remaining);
    }
    double sum = 0;
    for (int i = 0; i < remaining; i++) {
      sum += weight.applyAsDouble(clients.get(i));
    }
    double u = random.nextDouble() * sum;
    for (int i = 0; i < remaining; i++) {
      u -= weight.applyAsDouble(clients.get(i));
      if (u < 0) {
        return i;
      }
    }
    return remaining - 1;
  }
}
