package io.offerlab.reports.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formatting of the results files: at most 6 significant digits, trailing zeros trimmed, Locale.ROOT. */
public final class Numbers {
  private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);

  private Numbers() {}

  /** Formats a value with at most 6 significant digits; NaN and infinities give the empty string. */
  public static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal rounded = new BigDecimal(value).round(SIX).stripTrailingZeros();
    double magnitude = Math.abs(value);
    if (magnitude >= 1e-4 && magnitude < 1e15) {
      return rounded.toPlainString();
    }
    return rounded.toString().toLowerCase(Locale.ROOT).replace("+", "");
  }

  /** Formats a fraction as a percentage with one decimal, e.g. {@code 71.3%}; NaN gives {@code n/a}. */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** Formats a value with the given number of decimals; NaN gives {@code n/a}. */
  public static String fixed(double value, int decimals) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
