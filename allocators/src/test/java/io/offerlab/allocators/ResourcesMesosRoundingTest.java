package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Resource quantities round as Mesos' {@code convertToFixed} ({@code src/common/values.cpp}) does,
 * {@code llround(v * 1000)} on the double, whether they come from text or from a double; and a quantity or sum that
 * would overflow the 64-bit thousandths is an error, never a wrap (issue 10, items 6 and 7).
 */
final class ResourcesMesosRoundingTest {
  @Test
  void textRoundsTheDoubleAsMesos() {
    // 0.5005 is 0.50049999... as a double: 500.49999999999994 thousandths, so 500.
    assertEquals(500, Resources.parse("cpus:0.5005").milli("cpus"));
    // 1.0005 * 1000 is exactly 1000.5 as a double: llround rounds half away from zero.
    assertEquals(1001, Resources.parse("cpus:1.0005").milli("cpus"));
    assertEquals("cpus:0.5;mem:1.001", Resources.parse("cpus:0.5005;mem:1.0005").toString());
  }

  @Test
  void textAndDoublesAgree() {
    for (String text : new String[] {"0.5005", "1.0005", "2.0005", "0.0015", "8.3", "1e3", "0.1234567", "12345.6785"}) {
      double value = Double.parseDouble(text);
      assertEquals(Resources.of("mem", value), Resources.parse("mem:" + text), text);
      assertEquals(Math.round(value * 1000), Resources.parse("mem:" + text).milli("mem"), text);
    }
  }

  @Test
  void notANumberIsRejected() {
    for (String bad : new String[] {"NaN", "Infinity", "0x10", "1.5d", "1f", "", "1e", "--1"}) {
      assertThrows(IllegalArgumentException.class, () -> Resources.parse("cpus:" + bad), bad);
    }
    var e = assertThrows(IllegalArgumentException.class, () -> Resources.parse("cpus:-1"));
    assertTrue(e.getMessage().contains("negative"), e.getMessage());
  }

  @Test
  void quantitiesThatOverflowAreRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> Resources.parse("mem:1e16"));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Resources.of("mem", 1e16));
    Resources big = Resources.parse("mem:9000000000000000");
    assertThrows(ArithmeticException.class, () -> big.plus(big));
  }

  @Test
  void clusterTotalThatWouldOverflowIsRejectedAndLeavesTheAllocatorUnchanged() {
    Allocator drf = new DrfAllocator(AllocatorOptions.defaults());
    drf.addAgent("a1", Resources.parse("cpus:1;mem:9000000000000000"));
    var e = assertThrows(IllegalArgumentException.class,
        () -> drf.addAgent("a2", Resources.parse("cpus:1;mem:9000000000000000")));
    assertTrue(e.getMessage().contains("mem") && e.getMessage().contains("overflow"), e.getMessage());
    drf.addFramework("A", "r");
    var offers = drf.allocate(0);
    assertEquals(1, offers.size());
    assertEquals("a1", offers.get(0).agentId());
    assertThrows(IllegalArgumentException.class, () -> drf.available("a2"), "a2 must not have been added");
  }
}
