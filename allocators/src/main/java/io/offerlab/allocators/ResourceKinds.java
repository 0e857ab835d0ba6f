package io.offerlab.allocators;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns resource names to dense indices so that resource vectors are plain {@code long[]} arrays.
 * The four standard kinds have fixed indices; named scalars get the next free index on first use.
 * Indices only shape the internal layout: every printed form is sorted by name.
 */
final class ResourceKinds {
  static final int CPUS = 0;
  static final int MEM = 1;
  static final int DISK = 2;
  static final int GPUS = 3;

  private static final Map<String, Integer> INDEX = new HashMap<>();
  private static final List<String> NAMES = new ArrayList<>();
  private static volatile String[] names = new String[0];

  static {
    for (String name : new String[] {"cpus", "mem", "disk", "gpus"}) {
      intern(name);
    }
  }

  private ResourceKinds() {}

  /** Returns the index of {@code name}, registering it if it is new. */
  static synchronized int intern(String name) {
    Integer existing = INDEX.get(name);
    if (existing != null) {
      return existing;
    }
    int index = NAMES.size();
    NAMES.add(name);
    INDEX.put(name, index);
    names = NAMES.toArray(new String[0]);
    return index;
  }

  /** Returns the index of {@code name}, or -1 when no vector ever used it. */
  static synchronized int indexOf(String name) {
    Integer existing = INDEX.get(name);
    return existing == null ? -1 : existing;
  }

  static String name(int index) {
    return names[index];
  }
}
