package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Range sets behave as the sets of integers they stand for (checked against a {@link BitSet} on small values), and
 * their text form is Mesos' {@code [a-b,c-d]}.
 */
class RangesTest {

  @Test
  void textFormRoundTripsAndCoalesces() {
    assertEquals("[31000-32000,32100-32200]", Ranges.parse("[31000-32000, 32100-32200]", "t").toString());
    assertEquals("[1-10]", Ranges.parse("[5-10,1-4]", "t").toString(), "adjacent ranges merge");
    assertEquals("[7-7]", Ranges.parse("[7]", "t").toString());
    assertTrue(Ranges.parse("[]", "t").isEmpty());
  }

  @Test
  void badTextFailsWithTheToken() {
    assertEquals("bad resource token 'ports:[3-1]': range '3-1' ends before it begins",
        assertThrows(IllegalArgumentException.class, () -> Ranges.parse("[3-1]", "ports:[3-1]")).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Ranges.parse("31000-32000", "ports:31000-32000"))
        .getMessage().contains("expected ranges like [31000-32000]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Ranges.parse("[a-3]", "x"))
        .getMessage().contains("expected a non-negative integer bound, found 'a'"));
  }

  @Test
  void containmentIsPerRange() {
    Ranges refused = Ranges.of(31000, 32000, 32100, 32200);
    assertTrue(refused.contains(Ranges.of(31000, 31500, 32150, 32200)));
    assertFalse(refused.contains(Ranges.of(31900, 32100)), "31900-32100 crosses the gap 32001-32099");
    assertTrue(refused.contains(Ranges.EMPTY));
  }

  @Provide
  Arbitrary<List<Long>> bounds() {
    return Arbitraries.longs().between(0, 40).list().ofMaxSize(8);
  }

  @Property
  void setOperationsMatchBitSets(@ForAll("bounds") List<Long> a, @ForAll("bounds") List<Long> b) {
    Ranges x = ranges(a);
    Ranges y = ranges(b);
    BitSet bx = bits(x);
    BitSet by = bits(y);
    BitSet union = (BitSet) bx.clone();
    union.or(by);
    BitSet diff = (BitSet) bx.clone();
    diff.andNot(by);
    BitSet both = (BitSet) bx.clone();
    both.and(by);
    assertEquals(union, bits(x.plus(y)));
    assertEquals(diff, bits(x.minus(y)));
    assertEquals(both, bits(x.intersect(y)));
    BitSet notIn = (BitSet) by.clone();
    notIn.andNot(bx);
    assertEquals(notIn.isEmpty(), x.contains(y));
    assertEquals(bx.cardinality(), x.size());
    assertEquals(x, Ranges.parse(x.toString(), "t"));
  }

  private static Ranges ranges(List<Long> values) {
    long[] pairs = new long[values.size() / 2 * 2];
    for (int i = 0; i + 1 < values.size(); i += 2) {
      pairs[i] = Math.min(values.get(i), values.get(i + 1));
      pairs[i + 1] = Math.max(values.get(i), values.get(i + 1));
    }
    return Ranges.of(pairs);
  }

  private static BitSet bits(Ranges r) {
    BitSet bits = new BitSet();
    for (String part : r.toString().replace("[", "").replace("]", "").split(",")) {
      if (!part.isEmpty()) {
        String[] be = part.split("-");
        bits.set(Integer.parseInt(be[0]), Integer.parseInt(be[1]) + 1);
      }
    }
    return bits;
  }
}
