package io.offerlab.workloads.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.offerlab.workloads.WorkloadException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class RowTest {
  private record Col(int position, String label) implements Column {}

  private static Row row(String line) {
    LineSource src = new LineSource(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), "t.csv");
    src.next();
    Row row = Row.separatedBy(src, ',');
    row.split();
    return row;
  }

  /** The fast decimal parser agrees exactly with {@link Double#parseDouble} on every decimal it accepts. */
  @Property(tries = 2000)
  void parsesDecimalsExactlyLikeTheJdk(@ForAll("decimals") String text) {
    assertEquals(Double.parseDouble(text), row(text).parseDouble(new Col(0, "x")));
  }

  @Provide
  Arbitrary<String> decimals() {
    Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(20);
    Arbitrary<String> frac = Arbitraries.strings().withCharRange('0', '9').ofMinLength(0).ofMaxLength(20);
    Arbitrary<String> exp = Arbitraries.integers().between(-40, 40).map(e -> "e" + e);
    return Combinators.combine(Arbitraries.of("", "-", "+"), digits, frac, exp.injectNull(0.5))
        .as((sign, i, f, e) -> sign + i + (f.isEmpty() ? "" : "." + f) + (e == null ? "" : e));
  }

  @Test
  void rejectsWhatIsNotADecimal() {
    for (String bad : List.of("NaN", "Infinity", "0x1p3", "1.5f", "1e", ".", "-", "1..2", "1e999", " 1", "")) {
      assertThrows(WorkloadException.class, () -> row(bad).parseDouble(new Col(0, "x")), bad);
    }
  }

  @Test
  void parsesIntegersAndReportsTheColumn() {
    Row r = row("12,-7,99999999999999999999,x");
    assertEquals(12, r.parseLong(new Col(0, "a")));
    assertEquals(-7, r.parseLong(new Col(1, "b")));
    assertEquals("t.csv:1: expected an integer in column 3 (c), found '99999999999999999999'",
        assertThrows(WorkloadException.class, () -> r.parseLong(new Col(2, "c"))).getMessage());
    assertEquals("t.csv:1: expected an integer from 0 to 5 in column 1 (a), found '12'",
        assertThrows(WorkloadException.class, () -> r.parseLong(new Col(0, "a"), 0, 5)).getMessage());
  }

  @Test
  void splitsOnSeparatorsOrWhitespace() {
    assertEquals(4, row("a,,b,").size());
    LineSource src = new LineSource(new ByteArrayInputStream("  1   2\t3  ".getBytes(StandardCharsets.UTF_8)), "s");
    src.next();
    Row ws = Row.whitespace(src);
    assertEquals(3, ws.split());
    assertEquals("3", ws.text(2));
  }
}
