package io.offerlab.simcore.cluster;

import java.util.Arrays;

/** A growable ring buffer of ints used as a double-ended queue of task indices. */
final class IntDeque {
  private int[] items = new int[4];
  private int head;
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Returns the i-th value from the front. */
  int get(int i) {
    return items[(head + i) & (items.length - 1)];
  }

  void addFirst(int value) {
    grow();
    head = (head - 1 + items.length) & (items.length - 1);
    items[head] = value;
    size++;
  }

  void addLast(int value) {
    grow();
    items[(head + size) & (items.length - 1)] = value;
    size++;
  }

  int pollFirst() {
    int value = items[head];
    head = (head + 1) & (items.length - 1);
    size--;
    return value;
  }

  void clear() {
    head = 0;
    size = 0;
  }

  private void grow() {
    if (size < items.length) {
      return;
    }
    int[] bigger = new int[items.length * 2];
    for (int i = 0; i < size; i++) {
      bigger[i] = items[(head + i) & (items.length - 1)];
    }
    items = bigger;
    head = 0;
  }

  @Override
  public String toString() {
    int[] copy = new int[size];
    for (int i = 0; i < size; i++) {
      copy[i] = items[(head + i) & (items.length - 1)];
    }
    return Arrays.toString(copy);
  }
}
