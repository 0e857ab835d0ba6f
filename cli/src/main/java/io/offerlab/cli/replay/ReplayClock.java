package io.offerlab.cli.replay;

/** Seconds since the replay started, from the monotonic clock. */
final class ReplayClock {
  private final long start = System.nanoTime();

  double seconds() {
    return (System.nanoTime() - start) / 1e9;
  }
}
