package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The resource vector: Mesos' text form, exact fixed-point arithmetic, and clear errors for bad text. */
class ResourcesTest {

  @Test
  void parsesAndPrintsTheMesosTextFormSortedWithZerosDropped() {
    Resources r = Resources.parse("mem:1024; cpus:0.5;disk:0;gpus:1;fpgas:2");
    assertEquals("cpus:0.5;fpgas:2;gpus:1;mem:1024", r.toString());
    assertEquals(0.5, r.cpus());
    assertEquals(1024, r.memMb());
    assertEquals(2, r.get("fpgas"));
    assertEquals(Resources.EMPTY, Resources.parse(""));
    assertEquals(Resources.parse("cpus:1"), Resources.parse("cpus:1;mem:0"));
  }

  @Test
  void roundsToThreeDecimalsAsMesosDoes() {
    assertEquals("cpus:0.001", Resources.parse("cpus:0.0005").toString());
    assertTrue(Resources.parse("cpus:0.0004").isEmpty());
    assertEquals("cpus:1.235", Resources.parse("cpus:1.2345").toString());
  }

  @Test
  void tenthsAddUpExactly() {
    Resources sum = Resources.EMPTY;
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(Resources.parse("cpus:0.1"));
    }
    assertEquals(Resources.parse("cpus:1"), sum);
    assertTrue(Resources.parse("cpus:1").contains(sum));
  }

  @Test
  void rejectsBadTextNamingTheToken() {
    var e = assertThrows(IllegalArgumentException.class, () -> Resources.parse("cpus:2;mem:x"));
    assertTrue(e.getMessage().contains("'mem:x'"), e.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Resources.parse("cpus:-1"))
        .getMessage().contains("negative"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Resources.parse("cpus:1;cpus:2"))
        .getMessage().contains("duplicate"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Resources.parse("cpus"))
        .getMessage().contains("name:value"));
    assertThrows(IllegalArgumentException.class, () -> Resources.parse("cpus:1;;mem:2"));
    assertThrows(IllegalArgumentException.class, () -> Resources.parse("9x:1"));
  }

  @Test
  void minusRefusesToGoNegative() {
    assertThrows(IllegalArgumentException.class,
        () -> Resources.parse("cpus:1").minus(Resources.parse("cpus:2")));
    assertEquals(Resources.parse("mem:5"), Resources.parse("cpus:1;mem:5").minus(Resources.parse("cpus:1")));
  }

  @Test
  void dominantShareIsTheLargestFraction() {
    Resources total = Resources.parse("cpus:9;mem:18432");
    assertEquals(2.0 / 3, Resources.parse("cpus:3;mem:12288").dominantShare(total), 1e-12);
    assertEquals(1.0 / 3, Resources.parse("cpus:3;mem:1024").dominantShare(total), 1e-12);
    assertFalse(Resources.EMPTY.dominantShare(total) > 0);
  }

  @Property
  void plusThenMinusIsIdentity(@ForAll @IntRange(max = 100_000) int a, @ForAll @IntRange(max = 100_000) int b,
      @ForAll @IntRange(max = 1000) int c) {
    Resources x = Resources.of(a / 1000.0, b / 7.0, c, 0);
    Resources y = Resources.of(c / 1000.0, a / 3.0, b, c % 3);
    assertEquals(x, x.plus(y).minus(y));
    assertTrue(x.plus(y).contains(x));
    assertEquals(x, Resources.parse(x.toString()));
  }
}
