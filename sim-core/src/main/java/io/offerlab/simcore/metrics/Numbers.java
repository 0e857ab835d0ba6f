package io.offerlab.simcore.metrics;

/**
 * The number format of the results files: at most 6 significant digits with trailing zeros trimmed (like
 * {@code %.6g}), plain decimals for magnitudes in [1e-4, 1e15) and {@code 1.5e-7} style outside, a dot as the decimal
 * mark. It is pure arithmetic on the double's bits, so the same value always prints the same way on every platform.
 * Simulated times are exact whole microseconds and print exactly with {@link #appendSeconds}.
 */
public final class Numbers {
  private static final double[] POW10 = new double[40];

  static {
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = Double.parseDouble("1e" + (i - 20));
    }
  }

  private Numbers() {}

  /** Formats a value; NaN and infinities give the empty string. */
  public static String format(double value) {
    StringBuilder out = new StringBuilder(16);
    append(out, value);
    return out.toString();
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
    if (magnitude < 1e6 && magnitude == Math.rint(magnitude)) {
      out.append((long) value);
      return;
    }
    int exponent = (int) Math.floor(Math.log10(magnitude));
    long digits = Math.round(magnitude * pow10(5 - exponent));
    if (digits >= 1_000_000) {
      exponent++;
      digits = Math.round(magnitude * pow10(5 - exponent));
      if (digits >= 1_000_000) {
        digits = 999_999;
      }
    } else if (digits < 100_000) {
      exponent--;
      digits = Math.round(magnitude * pow10(5 - exponent));
    }
    if (value < 0) {
      out.append('-');
    }
    String d = Long.toString(digits);
    int significant = d.length();
    while (significant > 1 && d.charAt(significant - 1) == '0') {
      significant--;
    }
    if (magnitude >= 1e-4 && magnitude < 1e15) {
      if (exponent < 0) {
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
    } else {
      out.append(d.charAt(0));
      if (significant > 1) {
        out.append('.').append(d, 1, significant);
      }
      out.append('e').append(exponent);
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

  private static double pow10(int k) {
    int i = k + 20;
    return i >= 0 && i < POW10.length ? POW10[i] : Math.pow(10, k);
  }
}
