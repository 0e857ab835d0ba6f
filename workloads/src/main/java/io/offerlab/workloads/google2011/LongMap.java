package io.offerlab.workloads.google2011;

/** A map from long keys to values with open addressing and linear probing, without boxing keys. */
final class LongMap<V> {
  private long[] keys = new long[1024];
  private Object[] values = new Object[1024];
  private int size;

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      Object v = values[i];
      if (v == null) {
        return null;
      }
      if (keys[i] == key) {
        return (V) v;
      }
    }
  }

  void put(long key, V value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      if (values[i] == null) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
    }
  }

  /** Removes the key, shifting later entries of its probe run back so lookups stay correct. */
  void remove(long key) {
    int mask = keys.length - 1;
    int i = hash(key) & mask;
    while (true) {
      if (values[i] == null) {
        return;
      }
      if (keys[i] == key) {
        break;
      }
      i = (i + 1) & mask;
    }
    size--;
    int gap = i;
    for (int j = (gap + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = hash(keys[j]) & mask;
      // Move j into the gap when its home slot is not in the cyclic range (gap, j].
      boolean movable = gap <= j ? (home <= gap || home > j) : (home <= gap && home > j);
      if (movable) {
        keys[gap] = keys[j];
        values[gap] = values[j];
        gap = j;
      }
    }
    values[gap] = null;
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        @SuppressWarnings("unchecked")
        V v = (V) oldValues[i];
        put(oldKeys[i], v);
      }
    }
  }
}
