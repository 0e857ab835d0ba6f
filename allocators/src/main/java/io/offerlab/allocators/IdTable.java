package io.offerlab.allocators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The agent and framework numbering behind {@link Allocator}'s default index-based methods, for implementations that
 * keep only String ids: ids are numbered densely on first sight and never forgotten. One table per allocator instance,
 * held weakly; allocators that number their own state override every index-based method and never use it.
 */
final class IdTable {
  private static final Map<Allocator, IdTable> TABLES = new WeakHashMap<>();

  private final Map<String, Integer> agentIndex = new HashMap<>();
  private final List<String> agentIds = new ArrayList<>();
  private final Map<String, Integer> frameworkIndex = new HashMap<>();
  private final List<String> frameworkIds = new ArrayList<>();

  private IdTable() {}

  /** Returns the table of an allocator, created on first use. */
  static synchronized IdTable of(Allocator allocator) {
    return TABLES.computeIfAbsent(allocator, a -> new IdTable());
  }

  synchronized int agent(String id) {
    return number(id, agentIndex, agentIds);
  }

  synchronized int framework(String id) {
    return number(id, frameworkIndex, frameworkIds);
  }

  synchronized String agentId(int index) {
    return id(index, agentIds, "agent");
  }

  synchronized String frameworkId(int index) {
    return id(index, frameworkIds, "framework");
  }

  private static int number(String id, Map<String, Integer> index, List<String> ids) {
    Integer known = index.get(id);
    if (known != null) {
      return known;
    }
    index.put(id, ids.size());
    ids.add(id);
    return ids.size() - 1;
  }

  private static String id(int index, List<String> ids, String what) {
    if (index < 0 || index >= ids.size()) {
      throw new IllegalArgumentException("unknown " + what + " index " + index);
    }
    return ids.get(index);
  }
}
