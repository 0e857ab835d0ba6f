package io.offerlab.simcore.master;

import io.offerlab.allocators.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The master core's agents by index: their ids, totals and whether they are registered, with an open-addressing
 * table from id to index on the string's cached hash (the allocator hands offers back with the very id strings it was
 * given, so a lookup usually ends at the first slot with an identity check).
 */
final class AgentTable {
  private final List<String> ids = new ArrayList<>();
  private final List<Resources> totals = new ArrayList<>();
  private boolean[] up = new boolean[16];
  /** Agent index + 1 by the mixed hash of the id (0 = empty). */
  private int[] table = new int[16];

  /** Adds an agent, registered, and returns its index. */
  int add(String id, Resources total) {
    if (find(id) >= 0) {
      throw new IllegalArgumentException("agent '" + id + "' already exists");
    }
    int index = ids.size();
    ids.add(id);
    totals.add(total);
    if (index == up.length) {
      up = Arrays.copyOf(up, 2 * index);
    }
    up[index] = true;
    if (2 * (index + 1) > table.length) {
      table = new int[Math.max(16, 2 * table.length)];
      for (int i = 0; i < index; i++) {
        insert(ids.get(i), i);
      }
    }
    insert(id, index);
    return index;
  }

  int size() {
    return ids.size();
  }

  String id(int index) {
    return ids.get(index);
  }

  Resources total(int index) {
    return totals.get(index);
  }

  boolean up(int index) {
    return up[index];
  }

  void setUp(int index, boolean value) {
    up[index] = value;
  }

  /** Returns the index of a known agent; fails on an unknown id. */
  int indexOf(String id) {
    int index = find(id);
    if (index < 0) {
      throw new IllegalArgumentException("unknown agent '" + id + "'");
    }
    return index;
  }

  private int find(String id) {
    int mask = table.length - 1;
    for (int h = mix(id.hashCode()) & mask; ; h = (h + 1) & mask) {
      int slot = table[h];
      if (slot == 0) {
        return -1;
      }
      String known = ids.get(slot - 1);
      if (known == id || known.equals(id)) {
        return slot - 1;
      }
    }
  }

  private void insert(String id, int index) {
    int mask = table.length - 1;
    int h = mix(id.hashCode()) & mask;
    while (table[h] != 0) {
      h = (h + 1) & mask;
    }
    table[h] = index + 1;
  }

  private static int mix(int hash) {
    int h = hash * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
