package io.offerlab.allocators;

/**
 * The frameworks of the most recent eligibility bumps of a {@link HierarchicalAllocator}, by epoch: a ring of framework
 * indices, so that an agent blocked at epoch e can check only the frameworks that may have become eligible since
 * (instead of every framework, as Mesos rescans on every cycle).
 */
final class EligibilityLog {
  private static final int MAX_LENGTH = 1 << 20;
  private int[] ring = new int[1024];
  /** The oldest epoch whose framework is still held (a grown ring holds only what the smaller one did). */
  private long oldest;

  /** Records that the bump to epoch {@code epoch + 1} was for the framework of that index. */
  void record(long epoch, int frameworkIndex) {
    if (frameworkIndex >= ring.length / 4 && ring.length < MAX_LENGTH) {
      grow(epoch);
    }
    ring[(int) (epoch & (ring.length - 1))] = frameworkIndex;
  }

  private void grow(long epoch) {
    int[] bigger = new int[ring.length * 2];
    long from = Math.max(0, epoch - ring.length);
    for (long e = from; e < epoch; e++) {
      bigger[(int) (e & (bigger.length - 1))] = ring[(int) (e & (ring.length - 1))];
    }
    ring = bigger;
    oldest = Math.max(oldest, from);
  }

  /** Whether the epochs from {@code since} (inclusive) to {@code now} (exclusive) are all still held. */
  boolean holds(long since, long now) {
    return since >= oldest && now - since <= ring.length;
  }

  /** Returns the framework index of the bump recorded at {@code epoch}. */
  int at(long epoch) {
    return ring[(int) (epoch & (ring.length - 1))];
  }
}
