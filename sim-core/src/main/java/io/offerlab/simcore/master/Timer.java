package io.offerlab.simcore.master;

/** One timer of the master core: armed for at most one instant at a time, it then calls the core back once. */
public interface Timer {
  /** Returns whether the timer is armed. */
  boolean isScheduled();

  /** Returns the instant it is armed for, in microseconds (meaningful only while {@link #isScheduled()}). */
  long time();

  /** Arms the timer for {@code timeMicros}, or moves it there if it is already armed. */
  void set(long timeMicros);
}
