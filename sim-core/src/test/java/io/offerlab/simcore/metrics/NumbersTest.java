package io.offerlab.simcore.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The results number format: 6 significant digits, trailing zeros trimmed, exact times. */
class NumbersTest {
  @Test
  void sixSignificantDigits() {
    assertEquals("0", Numbers.format(0));
    assertEquals("3", Numbers.format(3));
    assertEquals("0.5", Numbers.format(0.5));
    assertEquals("12.5", Numbers.format(12.5));
    assertEquals("0.333333", Numbers.format(1.0 / 3));
    assertEquals("-2.66667", Numbers.format(-8.0 / 3));
    assertEquals("1234570", Numbers.format(1234567.0));
    assertEquals("1000000", Numbers.format(999999.7));
    assertEquals("0.00012", Numbers.format(0.00012));
    assertEquals("1.5e-7", Numbers.format(1.5e-7));
    assertEquals("1e20", Numbers.format(1e20));
    assertEquals("", Numbers.format(Double.NaN));
  }

  @Test
  void timesAreExact() {
    StringBuilder out = new StringBuilder();
    Numbers.appendSeconds(out, 123_456_789_012L);
    out.append(' ');
    Numbers.appendSeconds(out, 30_000_000L);
    out.append(' ');
    Numbers.appendSeconds(out, 500_000L);
    assertEquals("123456.789012 30 0.5", out.toString());
  }
}
