package io.offerlab.allocators;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An immutable vector of scalar resources: cpus, mem (MB), disk (MB), gpus and any named scalar, plus range resources
 * such as Mesos agents' {@code ports:[31000-32000,32100-32200]} ({@link Ranges}).
 *
 * <p>Values are kept as fixed-point longs in thousandths, as Mesos keeps scalar values to three decimal places
 * ({@code Value::Scalar} arithmetic rounds to 0.001), so sums and differences are exact and no floating-point
 * drift can make "allocated &lt;= total" false. Text and doubles are converted alike, as Mesos' {@code convertToFixed}
 * does: {@code llround(v * 1000)} on the double, so {@code 0.5005} (500.4999... thousandths as a double) is 0.5 and
 * {@code 1.0005} is 1.001. Sums are checked: a quantity that would overflow is an error, never a wrap. The text form
 * is Mesos' {@code name:value;name:value}, a range resource written {@code name:[a-b,c-d]}. Ranges add by union,
 * subtract by set difference and are contained when every range is inside; dominant shares look at scalars only, as
 * Mesos' sorter does. A vector without ranges is a plain {@code Resources} with no range field (ranges live in a
 * subclass), so scalar arithmetic allocates and costs what it did.
 */
public sealed class Resources permits Resources.WithRanges {
  /** The vector with every quantity zero. */
  public static final Resources EMPTY = new Resources(new long[0]);

  /** Fixed-point scale: quantities are stored in thousandths. */
  static final long SCALE = 1000;
  /** A non-negative decimal as Mesos' text form writes it: digits, an optional fraction and exponent. */
  private static final Pattern NUMBER = Pattern.compile("\\+?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private final long[] milli;

  private Resources(long[] milli) {
    this.milli = milli;
  }

  /** Wraps thousandths (trailing zeros trimmed) and range resources (null for none). */
  static Resources wrap(long[] milli, NamedRanges ranges) {
    if (ranges == null) {
      return wrap(milli);
    }
    int n = milli.length;
    while (n > 0 && milli[n - 1] == 0) {
      n--;
    }
    return new WithRanges(n == milli.length ? milli : Arrays.copyOf(milli, n), ranges);
  }

  /** Wraps a thousandths array (indexed by {@link ResourceKinds}) without copying; trailing zeros are trimmed. */
  static Resources wrap(long[] milli) {
    int n = milli.length;
    while (n > 0 && milli[n - 1] == 0) {
      n--;
    }
    if (n == 0) {
      return EMPTY;
    }
    return new Resources(n == milli.length ? milli : Arrays.copyOf(milli, n));
  }

  /** Parses the Mesos text form, for example {@code cpus:2;mem:1024;gpus:1}. An empty string is {@link #EMPTY}. */
  public static Resources parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("expected a resource string like 'cpus:1;mem:512', found null");
    }
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return EMPTY;
    }
    long[] values = new long[0];
    boolean[] seen = new boolean[0];
    Map<String, Ranges> rangeValues = new TreeMap<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String token : trimmed.split(";", -1)) {
      String t = token.strip();
      int colon = t.indexOf(':');
      if (colon <= 0 || colon == t.length() - 1) {
        throw new IllegalArgumentException("bad resource token '" + token + "': expected name:value");
      }
      String name = t.substring(0, colon).strip();
      if (!name.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
        throw new IllegalArgumentException("bad resource token '" + token + "': bad name '" + name + "'");
      }
      String valueText = t.substring(colon + 1).strip();
      if (!names.add(name)) {
        throw new IllegalArgumentException("bad resource token '" + token + "': duplicate name '" + name + "'");
      }
      if (valueText.startsWith("[")) {
        rangeValues.put(name, Ranges.parse(valueText, token));
        continue;
      }
      long value = parseMilli(valueText, token);
      int index = ResourceKinds.intern(name);
      if (index >= values.length) {
        values = Arrays.copyOf(values, index + 1);
        seen = Arrays.copyOf(seen, index + 1);
      }
      if (seen[index]) {
        throw new IllegalArgumentException("bad resource token '" + token + "': duplicate name '" + name + "'");
      }
      seen[index] = true;
      values[index] = value;
    }
    return wrap(values, NamedRanges.of(rangeValues));
  }

  private static long parseMilli(String number, String token) {
    if (number.startsWith("-") && NUMBER.matcher(number.substring(1)).matches()) {
      throw new IllegalArgumentException("bad resource token '" + token + "': negative value");
    }
    if (!NUMBER.matcher(number).matches()) {
      throw new IllegalArgumentException("bad resource token '" + token + "': expected a number, found '" + number + "'");
    }
    double value = Double.parseDouble(number);
    if (!fitsMilli(value)) {
      throw new IllegalArgumentException("bad resource token '" + token + "': value too large");
    }
    return fixed(value);
  }

  /** Whether {@code value} thousandths fit a long (the product is compared as Mesos computes it, in double). */
  private static boolean fitsMilli(double value) {
    return value * SCALE < 0x1p63;
  }

  /** Mesos' {@code convertToFixed} ({@code common/values.cpp}): {@code llround(value * 1000)} on the double. */
  private static long fixed(double value) {
    return Math.round(value * SCALE);
  }

  /** Returns a vector with one quantity, rounded to three decimals. */
  public static Resources of(String name, double value) {
    return EMPTY.with(name, value);
  }

  /** Returns the common four-kind vector. */
  public static Resources of(double cpus, double memMb, double diskMb, double gpus) {
    return wrap(new long[] {toMilli(cpus), toMilli(memMb), toMilli(diskMb), toMilli(gpus)});
  }

  /** Returns a copy with {@code name} set to {@code value}, rounded to three decimals. */
  public Resources with(String name, double value) {
    int index = ResourceKinds.intern(name);
    long[] values = Arrays.copyOf(milli, Math.max(milli.length, index + 1));
    values[index] = toMilli(value);
    return wrap(values, namedRanges());
  }

  /** Converts a quantity to thousandths as Mesos does ({@code llround(value * 1000)}); fails when it would overflow. */
  static long toMilli(double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("expected a finite non-negative resource quantity, found " + value);
    }
    if (!fitsMilli(value)) {
      throw new IllegalArgumentException("resource quantity " + value + " is too large (it would overflow)");
    }
    return fixed(value);
  }

  /** Returns the quantity of {@code name} (0 when absent). */
  public double get(String name) {
    return milli(name) / (double) SCALE;
  }

  /** Returns the quantity of {@code name} in thousandths. */
  public long milli(String name) {
    int index = ResourceKinds.indexOf(name);
    return index < 0 ? 0 : milli(index);
  }

  long milli(int index) {
    return index < milli.length ? milli[index] : 0;
  }

  /** Returns the CPUs. */
  public double cpus() {
    return milli(ResourceKinds.CPUS) / (double) SCALE;
  }

  /** Returns the memory in MB. */
  public double memMb() {
    return milli(ResourceKinds.MEM) / (double) SCALE;
  }

  /** Returns the disk in MB. */
  public double diskMb() {
    return milli(ResourceKinds.DISK) / (double) SCALE;
  }

  /** Returns the GPUs. */
  public double gpus() {
    return milli(ResourceKinds.GPUS) / (double) SCALE;
  }

  int width() {
    return milli.length;
  }

  /** Returns the thousandths themselves, trailing zeros trimmed: the caller must not modify or keep them. */
  long[] milliView() {
    return milli;
  }

  /** Copies the thousandths into a new array of at least {@code width} slots. */
  long[] toMilliArray(int width) {
    return Arrays.copyOf(milli, Math.max(width, milli.length));
  }

  /** Returns whether every quantity is zero and there is no range. */
  public boolean isEmpty() {
    return milli.length == 0 && namedRanges() == null;
  }

  /** Returns whether the vector has range resources. */
  public boolean hasRanges() {
    return namedRanges() != null;
  }

  /** Returns the ranges of the range resource {@code name} (empty when absent). */
  public Ranges ranges(String name) {
    NamedRanges ranges = namedRanges();
    return ranges == null ? Ranges.EMPTY : ranges.get(name);
  }

  /** Returns the range resources by name, in name order. */
  public Map<String, Ranges> rangeMap() {
    NamedRanges ranges = namedRanges();
    return ranges == null ? Map.of() : ranges.asMap();
  }

  /** Returns the scalars only, without the range resources. */
  public Resources scalars() {
    return namedRanges() == null ? this : wrap(milli);
  }

  /** Returns a copy with the range resource {@code name} set to {@code value} (removed when empty). */
  public Resources withRanges(String name, Ranges value) {
    Map<String, Ranges> map = new TreeMap<>(rangeMap());
    map.put(name, value);
    return wrap(milli, NamedRanges.of(map));
  }

  /** The range resources, for the allocator's bookkeeping (null when there are none). */
  NamedRanges namedRanges() {
    return null;
  }

  /** Returns the element-wise sum (the union of ranges). */
  public Resources plus(Resources other) {
    long[] sum = Arrays.copyOf(milli, Math.max(milli.length, other.milli.length));
    for (int i = 0; i < other.milli.length; i++) {
      sum[i] = Math.addExact(sum[i], other.milli[i]);
    }
    return wrap(sum, NamedRanges.plus(namedRanges(), other.namedRanges()));
  }

  /** Returns the element-wise difference; fails when a quantity would become negative. */
  public Resources minus(Resources other) {
    if (!contains(other)) {
      throw new IllegalArgumentException(this + " does not contain " + other);
    }
    long[] diff = Arrays.copyOf(milli, milli.length);
    for (int i = 0; i < other.milli.length; i++) {
      diff[i] -= other.milli[i];
    }
    return wrap(diff, NamedRanges.minus(namedRanges(), other.namedRanges()));
  }

  /** Returns the element-wise minimum. */
  public Resources min(Resources other) {
    long[] result = new long[Math.min(milli.length, other.milli.length)];
    for (int i = 0; i < result.length; i++) {
      result[i] = Math.min(milli[i], other.milli[i]);
    }
    return wrap(result, NamedRanges.intersect(namedRanges(), other.namedRanges()));
  }

  /**
   * Returns whether every quantity of {@code other} is at most the same quantity here, and every range of
   * {@code other} lies inside the same resource's ranges here.
   */
  public boolean contains(Resources other) {
    NamedRanges inner = other.namedRanges();
    return containsMilli(milli, other.milli) && (inner == null || NamedRanges.contains(namedRanges(), inner));
  }

  static boolean containsMilli(long[] outer, long[] inner) {
    for (int i = 0; i < inner.length; i++) {
      long have = i < outer.length ? outer[i] : 0;
      if (inner[i] > have) {
        return false;
      }
    }
    return true;
  }

  /** Returns every quantity multiplied by {@code factor}, rounded down to thousandths; ranges are kept as they are. */
  public Resources scale(double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("expected a finite non-negative factor, found " + factor);
    }
    long[] result = new long[milli.length];
    for (int i = 0; i < milli.length; i++) {
      double scaled = Math.floor(milli[i] * factor + 1e-9);
      if (scaled >= 0x1p63) {
        throw new IllegalArgumentException(ResourceKinds.name(i) + " scaled by " + factor + " would overflow");
      }
      result[i] = (long) scaled;
    }
    return wrap(result, namedRanges());
  }

  /**
   * Returns the dominant share against {@code total}: the largest, over kinds with a positive total, of this
   * quantity divided by the total (Ghodsi et al., NSDI 2011), in the doubles Mesos' {@code DRFSorter::calculateShare}
   * divides, so that ties are Mesos' ties.
   */
  public double dominantShare(Resources total) {
    return dominantShare(milli, total.milli);
  }

  static double dominantShare(long[] allocated, long[] total) {
    double share = 0;
    int n = Math.min(allocated.length, total.length);
    for (int i = 0; i < n; i++) {
      if (total[i] > 0 && allocated[i] > 0) {
        share = Math.max(share, mesosDouble(allocated[i]) / mesosDouble(total[i]));
      }
    }
    return share;
  }

  /**
   * Returns the double Mesos keeps for a sum of scalars ({@code convertToFloating} in {@code common/values.cpp}): the
   * whole units plus the thousandths divided by 1000. It is not always {@code milli / 1000.0} (1.118 differs), and
   * {@code a / t} on the thousandths differs in the last bit from Mesos' quotient for about a third of pairs.
   */
  static double mesosDouble(long milli) {
    long fraction = milli % SCALE;
    return (double) (milli / SCALE) + (fraction >= 0 ? THOUSANDTHS[(int) fraction] : (double) fraction / 1000.0);
  }

  /** {@code i / 1000.0} for i in 0..999, the same doubles precomputed (a division per call costs more than a load). */
  private static final double[] THOUSANDTHS = new double[(int) SCALE];

  static {
    for (int i = 0; i < THOUSANDTHS.length; i++) {
      THOUSANDTHS[i] = (double) i / 1000.0;
    }
  }

  /** Returns the non-zero quantities by name, in name order. */
  public Map<String, Double> asMap() {
    Map<String, Double> map = new TreeMap<>();
    for (int i = 0; i < milli.length; i++) {
      if (milli[i] != 0) {
        map.put(ResourceKinds.name(i), milli[i] / (double) SCALE);
      }
    }
    return map;
  }

  /**
   * Returns the Mesos text form: names sorted, zero quantities dropped, shortest decimals, ranges in brackets
   * ({@code cpus:0.5;mem:1024;ports:[31000-32000]}).
   */
  @Override
  public String toString() {
    NamedRanges ranges = namedRanges();
    if (ranges != null) {
      Map<String, String> parts = new TreeMap<>();
      ranges.appendTo(parts);
      String scalars = wrap(milli).toString();
      if (!scalars.isEmpty()) {
        for (String part : scalars.split(";")) {
          parts.put(part.substring(0, part.indexOf(':')), part);
        }
      }
      return String.join(";", parts.values());
    }
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < milli.length; i++) {
      if (milli[i] != 0) {
        indices.add(i);
      }
    }
    indices.sort(Comparator.comparing(ResourceKinds::name));
    StringBuilder out = new StringBuilder();
    for (int i : indices) {
      if (out.length() > 0) {
        out.append(';');
      }
      out.append(ResourceKinds.name(i)).append(':')
          .append(BigDecimal.valueOf(milli[i], 3).stripTrailingZeros().toPlainString());
    }
    return out.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Resources r && Arrays.equals(milli, r.milli)
        && java.util.Objects.equals(namedRanges(), r.namedRanges());
  }

  @Override
  public int hashCode() {
    NamedRanges ranges = namedRanges();
    return Arrays.hashCode(milli) + (ranges == null ? 0 : 31 * ranges.hashCode());
  }

  /** A vector with range resources. */
  static final class WithRanges extends Resources {
    private final NamedRanges ranges;

    WithRanges(long[] milli, NamedRanges ranges) {
      super(milli);
      this.ranges = ranges;
    }

    @Override
    NamedRanges namedRanges() {
      return ranges;
    }
  }
}
