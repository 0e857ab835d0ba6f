package io.offerlab.simcore.results;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one number format of the results files (docs/results-schema.md): a double is rounded to 6 significant digits,
 * half-even, on its exact binary value, trailing zeros trimmed; plain decimal notation when {@code 1e-4 <= |x| < 1e15},
 * otherwise exponent notation ({@code 1.5e-7}, {@code 2e20}); a dot as the decimal mark. Counts are longs and print
 * exactly ({@link #count}); simulated times are whole microseconds and print exactly ({@link #appendSeconds}).
 *
 * <p>The common case is plain double arithmetic; a value whose scaled digits lie within a rounding error of a tie or
 * of a power of ten is rounded exactly with {@link BigDecimal}, so every platform prints every value the same way.
 */
public final class Numbers {
  private static final MathContext SIX = new MathContext(6, RoundingMode.HALF_EVEN);
  private static final int POW10_MIN = -300;
  private static final double[] POW10 = new double[601];
  /** Margin, in units of the 6th digit, within which the fast path defers to exact rounding. */
  private static final double GUARD = 1e-6;

  static {
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = Double.parseDouble("1e" + (i + POW10_MIN));
    }
  }

  private Numbers() {}

  /** Formats a value; NaN and infinities give the empty string. */
  public static String format(double value) {
    StringBuilder out = new StringBuilder(16);
    append(out, value);
    return out.toString();
  }

  /** Formats a count exactly. */
  public static String count(long value) {
    return Long.toString(value);
  }

  /** Appends a formatted value; NaN and infinities append nothing. */
  public static void append(StringBuilder out, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return;
    }
    if (value == 0) {
      out.append('0');
      return;
    }
    double magnitude = Math.abs(value);
    long digits;
    int exponent;
    long fast = fastDigits(magnitude);
    if (fast >= 0) {
      digits = fast >>> 16;
      exponent = (int) (fast & 0xFFFF) - 1000;
    } else {
      BigDecimal rounded = new BigDecimal(magnitude).round(SIX);
      long unscaled = rounded.unscaledValue().longValueExact();
      int precision = rounded.precision();
      exponent = precision - 1 - rounded.scale();
      for (int p = precision; p < 6; p++) {
        unscaled *= 10;
      }
      digits = unscaled;
    }
    if (value < 0) {
      out.append('-');
    }
    render(out, digits, exponent, magnitude >= 1e-4 && magnitude < 1e15);
  }

  /**
   * Returns the six digits (100000 to 999999) shifted left by 16 bits, with the decimal exponent of the first digit
   * plus 1000 in the low bits, or -1 when plain arithmetic cannot decide the rounding.
   */
  private static long fastDigits(double magnitude) {
    int exponent = (int) Math.floor(Math.log10(magnitude));
    for (int attempt = 0; attempt < 2; attempt++) {
      int k = 5 - exponent;
      if (k < POW10_MIN || k >= POW10_MIN + POW10.length) {
        return -1;
      }
      double scaled = magnitude * POW10[k - POW10_MIN];
      if (scaled < 100_000 - GUARD) {
        exponent--;
        continue;
      }
      if (scaled >= 1_000_000 + GUARD) {
        exponent++;
        continue;
      }
      double floor = Math.floor(scaled);
      double fraction = scaled - floor;
      if (scaled < 100_000 + GUARD || scaled > 1_000_000 - GUARD || Math.abs(fraction - 0.5) < GUARD) {
        return -1;
      }
      long digits = (long) floor + (fraction > 0.5 ? 1 : 0);
      if (digits == 1_000_000) {
        digits = 100_000;
        exponent++;
      }
      return digits << 16 | (exponent + 1000);
    }
    return -1;
  }

  private static void render(StringBuilder out, long digits, int exponent, boolean plain) {
    String d = Long.toString(digits);
    int significant = d.length();
    while (significant > 1 && d.charAt(significant - 1) == '0') {
      significant--;
    }
    if (!plain) {
      out.append(d.charAt(0));
      if (significant > 1) {
        out.append('.').append(d, 1, significant);
      }
      out.append('e').append(exponent);
    } else if (exponent < 0) {
      out.append("0.");
      for (int i = -1; i > exponent; i--) {
        out.append('0');
      }
      out.append(d, 0, significant);
    } else {
      int intDigits = exponent + 1;
      if (intDigits >= significant) {
        out.append(d, 0, Math.min(intDigits, d.length()));
        for (int i = d.length(); i < intDigits; i++) {
          out.append('0');
        }
      } else {
        out.append(d, 0, intDigits).append('.').append(d, intDigits, significant);
      }
    }
  }

  /** Appends an exact time: whole microseconds as decimal seconds, trailing zeros trimmed ({@code 12.5}, {@code 3}). */
  public static void appendSeconds(StringBuilder out, long micros) {
    if (micros < 0) {
      out.append('-');
      micros = -micros;
    }
    out.append(micros / 1_000_000);
    long frac = micros % 1_000_000;
    if (frac != 0) {
      out.append('.');
      String digits = Long.toString(frac + 1_000_000).substring(1);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      out.append(digits, 0, end);
    }
  }

  /** Formats a fraction as a percentage with one decimal for tables, e.g. {@code 71.3%}; NaN gives {@code n/a}. */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  /** Formats a value with the given number of decimals for tables; NaN gives {@code n/a}. */
  public static String fixed(double value, int decimals) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }
}
