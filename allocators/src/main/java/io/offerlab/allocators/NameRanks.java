package io.offerlab.allocators;

import java.util.Map;
import java.util.TreeMap;

/**
 * Numbers names in their {@code String.compareTo} order, so that a sorter breaks ties by comparing two longs instead
 * of two strings. A new name gets a number between its neighbours' (gaps of 2^32 when appended at either end); when
 * no gap is left, every number is reassigned in order, which keeps every sorted array sorted.
 */
final class NameRanks {
  private static final long GAP = 1L << 32;
  private final TreeMap<String, Client> byName = new TreeMap<>();

  /** Gives {@code client} the rank of its name (replacing a former holder of the same name). */
  void add(Client client) {
    Client previous = byName.put(client.name, client);
    if (previous != null) {
      client.rank = previous.rank;
      return;
    }
    Map.Entry<String, Client> lower = byName.lowerEntry(client.name);
    Map.Entry<String, Client> higher = byName.higherEntry(client.name);
    if (!place(client, lower, higher)) {
      renumber();
    }
  }

  private static boolean place(Client client, Map.Entry<String, Client> lower, Map.Entry<String, Client> higher) {
    if (lower == null && higher == null) {
      client.rank = 0;
    } else if (higher == null) {
      if (lower.getValue().rank > Long.MAX_VALUE / 2) {
        return false;
      }
      client.rank = lower.getValue().rank + GAP;
    } else if (lower == null) {
      if (higher.getValue().rank < Long.MIN_VALUE / 2) {
        return false;
      }
      client.rank = higher.getValue().rank - GAP;
    } else {
      long lo = lower.getValue().rank;
      long hi = higher.getValue().rank;
      if (hi - lo < 2) {
        return false;
      }
      client.rank = lo + (hi - lo) / 2;
    }
    return true;
  }

  private void renumber() {
    long rank = -(byName.size() / 2) * GAP;
    for (Client c : byName.values()) {
      c.rank = rank;
      rank += GAP;
    }
  }
}
