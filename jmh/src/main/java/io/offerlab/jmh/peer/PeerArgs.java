package io.offerlab.jmh.peer;

/** Parses the numeric command-line values of the side-by-side commands, with one-line messages naming the flag. */
final class PeerArgs {
  private PeerArgs() {
  }

  static int positiveInt(String flag, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + ": expected a positive integer, found '" + value + "'");
  }

  static long parseLong(String flag, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + ": expected an integer, found '" + value + "'");
    }
  }

  static double positiveDouble(String flag, String value) {
    try {
      double d = Double.parseDouble(value);
      if (d > 0 && Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + ": expected a positive number, found '" + value + "'");
  }
}
