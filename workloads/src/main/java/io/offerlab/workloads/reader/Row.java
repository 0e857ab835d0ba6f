package io.offerlab.workloads.reader;

import io.offerlab.workloads.WorkloadException;
import java.nio.charset.StandardCharsets;

/**
 * Splits the current line of a {@link LineSource} into fields and parses them in place: integers and decimals are
 * read from the bytes without creating strings. Errors name the file, line, column and the text found.
 */
public final class Row {
  private static final double[] POW10 = new double[23];

  static {
    double p = 1;
    for (int i = 0; i < POW10.length; i++) {
      POW10[i] = p;
      p *= 10;
    }
  }

  private final LineSource src;
  private final byte separator;
  private final boolean whitespace;
  private int[] from = new int[32];
  private int[] to = new int[32];
  private int count;

  /** Splits on {@code separator} (e.g. {@code ','} or {@code '\t'}); empty fields are kept. */
  public static Row separatedBy(LineSource src, char separator) {
    return new Row(src, (byte) separator, false);
  }

  /** Splits on runs of blanks, ignoring leading and trailing blanks (the Standard Workload Format). */
  public static Row whitespace(LineSource src) {
    return new Row(src, (byte) ' ', true);
  }

  private Row(LineSource src, byte separator, boolean whitespace) {
    this.src = src;
    this.separator = separator;
    this.whitespace = whitespace;
  }

  /** Splits the source's current line and returns the number of fields. */
  public int split() {
    byte[] b = src.bytes();
    int s = src.start();
    int e = src.end();
    count = 0;
    if (whitespace) {
      int i = s;
      while (true) {
        while (i < e && (b[i] == ' ' || b[i] == '\t')) {
          i++;
        }
        if (i >= e) {
          break;
        }
        int f = i;
        while (i < e && b[i] != ' ' && b[i] != '\t') {
          i++;
        }
        add(f, i);
      }
      return count;
    }
    int f = s;
    byte sep = separator;
    for (int i = s; i < e; i++) {
      if (b[i] == sep) {
        add(f, i);
        f = i + 1;
      }
    }
    add(f, e);
    return count;
  }

  private void add(int f, int t) {
    if (count == from.length) {
      from = java.util.Arrays.copyOf(from, count * 2);
      to = java.util.Arrays.copyOf(to, count * 2);
    }
    from[count] = f;
    to[count] = t;
    count++;
  }

  /** Returns the number of fields of the last split. */
  public int size() {
    return count;
  }

  /** Fails unless the row has exactly {@code n} fields. */
  public void requireFields(int n) {
    if (count != n) {
      throw src.error(n + " fields", src.text());
    }
  }

  /** Fails unless the row has at least {@code n} fields. */
  public void requireAtLeast(int n) {
    if (count < n) {
      throw src.error("at least " + n + " fields", src.text());
    }
  }

  /** Returns whether the field is empty (a missing value). */
  public boolean isEmpty(Column c) {
    return to[c.position()] == from[c.position()];
  }

  /** Returns the field as text. */
  public String text(Column c) {
    return text(c.position());
  }

  /** Returns field {@code i} as text. */
  public String text(int i) {
    return new String(src.bytes(), from[i], to[i] - from[i], StandardCharsets.UTF_8);
  }

  /** Returns whether the field's bytes equal {@code s} (ASCII). */
  public boolean equalsAscii(Column c, String s) {
    int f = from[c.position()];
    int n = to[c.position()] - f;
    if (n != s.length()) {
      return false;
    }
    byte[] b = src.bytes();
    for (int i = 0; i < n; i++) {
      if (b[f + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Builds the error for column {@code c}: expected {@code what} in column N (label), found the field's text. */
  public WorkloadException error(Column c, String what) {
    return src.error(what + " in column " + (c.position() + 1) + " (" + c.label() + ")", text(c));
  }

  /** Parses a signed integer; fails on an empty or malformed field. */
  public long parseLong(Column c) {
    int i = c.position();
    int f = from[i];
    int t = to[i];
    byte[] b = src.bytes();
    boolean neg = false;
    if (f < t && (b[f] == '-' || b[f] == '+')) {
      neg = b[f] == '-';
      f++;
    }
    if (f == t || t - f > 18) {
      return slowLong(c);
    }
    long v = 0;
    for (int k = f; k < t; k++) {
      int d = b[k] - '0';
      if (d < 0 || d > 9) {
        throw error(c, "an integer");
      }
      v = v * 10 + d;
    }
    return neg ? -v : v;
  }

  private long slowLong(Column c) {
    try {
      return Long.parseLong(text(c));
    } catch (NumberFormatException e) {
      throw error(c, "an integer");
    }
  }

  /** Parses an integer in {@code [min, max]}. */
  public long parseLong(Column c, long min, long max) {
    long v = parseLong(c);
    if (v < min || v > max) {
      throw error(c, "an integer from " + min + " to " + max);
    }
    return v;
  }

  /** Parses a decimal number ({@code 12}, {@code -0.5}, {@code 6.8e-05}); fails on NaN, infinities or junk. */
  public double parseDouble(Column c) {
    int i = c.position();
    int f = from[i];
    int t = to[i];
    byte[] b = src.bytes();
    int k = f;
    boolean neg = false;
    if (k < t && (b[k] == '-' || b[k] == '+')) {
      neg = b[k] == '-';
      k++;
    }
    long mantissa = 0;
    int digits = 0;
    int significant = 0;
    int fraction = 0;
    boolean overflow = false;
    while (k < t && b[k] >= '0' && b[k] <= '9') {
      digits++;
      if (mantissa != 0 || b[k] != '0') {
        if (++significant > 18) {
          overflow = true;
        } else {
          mantissa = mantissa * 10 + (b[k] - '0');
        }
      }
      k++;
    }
    if (k < t && b[k] == '.') {
      k++;
      while (k < t && b[k] >= '0' && b[k] <= '9') {
        digits++;
        fraction++;
        if (mantissa != 0 || b[k] != '0') {
          if (++significant > 18) {
            overflow = true;
          } else {
            mantissa = mantissa * 10 + (b[k] - '0');
          }
        }
        k++;
      }
    }
    if (digits == 0) {
      throw error(c, "a number");
    }
    int exp = 0;
    if (k < t && (b[k] == 'e' || b[k] == 'E')) {
      k++;
      boolean eneg = false;
      if (k < t && (b[k] == '-' || b[k] == '+')) {
        eneg = b[k] == '-';
        k++;
      }
      int ed = 0;
      while (k < t && b[k] >= '0' && b[k] <= '9') {
        if (exp < 100000) {
          exp = exp * 10 + (b[k] - '0');
        }
        ed++;
        k++;
      }
      if (ed == 0) {
        throw error(c, "a number");
      }
      if (eneg) {
        exp = -exp;
      }
    }
    if (k != t) {
      throw error(c, "a number");
    }
    int e10 = exp - fraction;
    double v;
    if (!overflow && mantissa < (1L << 53) && e10 >= -22 && e10 <= 22) {
      v = e10 < 0 ? mantissa / POW10[-e10] : mantissa * POW10[e10];
    } else {
      v = Math.abs(Double.parseDouble(text(c)));
    }
    if (Double.isInfinite(v)) {
      throw error(c, "a finite number");
    }
    return neg ? -v : v;
  }

  /** Parses a decimal number of at least zero. */
  public double parseNonNegative(Column c) {
    double v = parseDouble(c);
    if (!(v >= 0)) {
      throw error(c, "a non-negative number");
    }
    return v;
  }

  /** Shortens text for a one-line message and replaces control characters. */
  public static String clip(String text) {
    String s = text.length() > 80 ? text.substring(0, 77) + "..." : text;
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      sb.append(Character.isISOControl(ch) && ch != '\t' ? '?' : ch);
    }
    return sb.toString();
  }
}
