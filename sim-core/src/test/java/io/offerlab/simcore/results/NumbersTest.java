package io.offerlab.simcore.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The results number format has one rule: 6 significant digits, rounded half-even on the double's exact value, plain
 * notation when {@code 1e-4 <= |x| < 1e15} and exponent notation otherwise, trailing zeros trimmed; times and counts
 * are exact. The properties check the rule on random bit patterns over the whole double range and on exact ties.
 */
class NumbersTest {
  private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);

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
    assertEquals("", Numbers.format(Double.POSITIVE_INFINITY));
  }

  @Test
  void theCasesTheTwoOldFormattersDisagreedOn() {
    assertEquals("1e-5", Numbers.format(1e-5));
    assertEquals("123456", Numbers.format(123456.5));
    assertEquals("123458", Numbers.format(123457.5));
    assertEquals("6.39e-304", Numbers.format(6.39e-304));
    assertEquals("4.94066e-324", Numbers.format(Double.MIN_VALUE));
    assertEquals("1.79769e308", Numbers.format(Double.MAX_VALUE));
    assertEquals("0.0001", Numbers.format(1e-4));
    assertEquals("1e15", Numbers.format(1e15));
    assertEquals("999999000000000", Numbers.format(999999e9));
  }

  @Test
  void countsAndTimesAreExact() {
    assertEquals("12112181", Numbers.count(12_112_181L));
    StringBuilder out = new StringBuilder();
    Numbers.appendSeconds(out, 123_456_789_012L);
    out.append(' ');
    Numbers.appendSeconds(out, 30_000_000L);
    out.append(' ');
    Numbers.appendSeconds(out, 500_000L);
    assertEquals("123456.789012 30 0.5", out.toString());
  }

  @Property(tries = 20_000)
  void anyBitPatternPrintsItsValueRoundedToSixDigits(@ForAll long bits) {
    checkRule(Double.longBitsToDouble(bits));
  }

  @Property(tries = 5_000)
  void exactTiesRoundHalfEven(@ForAll @LongRange(min = 100_000, max = 999_999) long digits,
      @ForAll @IntRange(min = -20, max = 20) int power) {
    checkRule(Math.scalb(digits + 0.5, power));
    checkRule(-(digits + 0.5) * Math.pow(10, power % 10));
  }

  @Property(tries = 5_000)
  void valuesNearPowersOfTenAndTheNotationBoundaries(@ForAll("nearPowers") double value) {
    checkRule(value);
  }

  @Property(tries = 10_000)
  void decimalValuesNearTiesRoundOnTheirBinaryValue(@ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long micros,
      @ForAll @IntRange(min = 0, max = 9) int scale) {
    checkRule(micros / 1e6);
    checkRule(micros / Math.pow(10, scale));
    checkRule((micros | 5) / 1e7);
  }

  @Provide
  Arbitrary<Double> nearPowers() {
    return Arbitraries.integers().between(-330, 310).flatMap(p -> Arbitraries.integers().between(-3, 3)
        .map(ulps -> {
          double x = Double.parseDouble("1e" + p);
          for (int i = 0; i < Math.abs(ulps); i++) {
            x = ulps < 0 ? Math.nextDown(x) : Math.nextUp(x);
          }
          return x;
        }));
  }

  private static void checkRule(double x) {
    String text = Numbers.format(x);
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      assertEquals("", text);
      return;
    }
    if (x == 0) {
      assertEquals("0", text);
      return;
    }
    BigDecimal expected = new BigDecimal(x).round(SIX);
    assertEquals(0, new BigDecimal(text).compareTo(expected), () -> x + " printed as " + text + ", expected " + expected);
    double magnitude = Math.abs(x);
    boolean plain = magnitude >= 1e-4 && magnitude < 1e15;
    assertEquals(!plain, text.contains("e"), () -> x + " printed as " + text);
    String mantissa = plain ? text : text.substring(0, text.indexOf('e'));
    if (mantissa.contains(".")) {
      assertEquals(false, mantissa.endsWith("0") || mantissa.endsWith("."), () -> x + " printed as " + text);
    }
    assertEquals(false, text.contains("+") || text.contains("E"), text);
  }
}
