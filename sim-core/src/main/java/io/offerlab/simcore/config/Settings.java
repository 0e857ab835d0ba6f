package io.offerlab.simcore.config;

/** Shared checks of the settings records. */
final class Settings {
  private Settings() {}

  static void checkNonNegative(String field, long micros) {
    if (micros < 0) {
      throw new IllegalArgumentException(field + ": expected a duration >= 0, found " + micros + " us");
    }
  }

  static void checkNonNegative(String field, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(field + ": expected an integer >= 0, found " + value);
    }
  }
}
