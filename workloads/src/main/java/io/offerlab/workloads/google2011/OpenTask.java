package io.offerlab.workloads.google2011;

/** The state of one task while its job is buffered: its request and its attempts so far. */
final class OpenTask {
  static final byte PENDING = 0;
  static final byte RUNNING = 1;
  static final byte DEAD = 2;

  /** Normalized requests; NaN until a row gives one. */
  double cpu = Double.NaN;
  double mem = Double.NaN;
  double disk = Double.NaN;
  byte state = PENDING;
  /** Start of the running attempt. */
  long runStart;
  /** Run time of the last attempt that ended; -1 when none. */
  long lastRun = -1;
  /** Run time of all attempts that ended. */
  long totalRun;
  int attempts;
  int submits;
}
