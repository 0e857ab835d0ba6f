package io.offerlab.simcore.cluster;

/** Resource quantities in thousandths, rounded as {@code Resources} rounds (Mesos keeps three decimals). */
final class Milli {
  private Milli() {}

  static long of(double value) {
    return Math.round(value * 1000);
  }

  static double value(long milli) {
    return milli / 1000.0;
  }
}
