package io.offerlab.simcore.metrics;

/**
 * A piecewise-constant quantity and its integral over simulated time, after SSJ's {@code Accumulate}: each change
 * closes the previous piece at its exact time, so means are exact, with no time stepping.
 */
public final class TimeWeighted {
  private double value;
  private long last;
  private double integral;
  private double windowIntegral;

  /** Sets the value from time {@code now} on. */
  public void set(long now, double newValue) {
    if (newValue != value) {
      integral += value * (now - last);
      last = now;
      value = newValue;
    }
  }

  /** Adds {@code delta} to the value from time {@code now} on. */
  public void add(long now, double delta) {
    set(now, value + delta);
  }

  /** Returns the integral (value x microseconds) from 0 to {@code time}. */
  public double integralAt(long time) {
    return integral + value * (time - last);
  }

  /**
   * Returns the mean over the window {@code [end - span, end)} that began where the previous window closed (or at 0),
   * and starts a new window at {@code end}.
   */
  public double closeWindow(long end, long span) {
    double now = integralAt(end);
    double mean = span > 0 ? (now - windowIntegral) / span : value;
    windowIntegral = now;
    return mean;
  }
}
