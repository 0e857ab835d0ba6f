package io.offerlab.workloads;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.workloads.reader.TraceReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Garbles valid trace text (truncation, junk characters, dropped or swapped lines) for the readers' fuzz tests. */
public final class Fuzz {
  private static final String JUNK = ",\t;-.e+x\"{}[]: 0123456789\u0000\u00e9\r#";

  private Fuzz() {}

  /** Applies one to three random mutations, chosen by {@code seed}. */
  public static String garble(String text, long seed) {
    Random r = new Random(seed);
    String s = text;
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      s = mutate(s, r);
    }
    return s;
  }

  private static String mutate(String s, Random r) {
    if (s.isEmpty()) {
      return s;
    }
    List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
    int li = r.nextInt(lines.size());
    String line = lines.get(li);
    switch (r.nextInt(7)) {
      case 0 -> {
        return s.substring(0, r.nextInt(s.length()));
      }
      case 1 -> lines.set(li, line.isEmpty() ? line : line.substring(0, r.nextInt(line.length())));
      case 2 -> {
        if (!line.isEmpty()) {
          int p = r.nextInt(line.length());
          lines.set(li, line.substring(0, p) + JUNK.charAt(r.nextInt(JUNK.length())) + line.substring(p + 1));
        }
      }
      case 3 -> {
        int p = line.isEmpty() ? 0 : r.nextInt(line.length());
        lines.set(li, line.substring(0, p) + JUNK.charAt(r.nextInt(JUNK.length())) + line.substring(p));
      }
      case 4 -> lines.remove(li);
      case 5 -> {
        int other = r.nextInt(lines.size());
        lines.set(li, lines.get(other));
        lines.set(other, line);
      }
      default -> {
        if (!line.isEmpty()) {
          int p = r.nextInt(line.length());
          lines.set(li, line.substring(0, p) + line.substring(p + 1));
        }
      }
    }
    return String.join("\n", lines);
  }

  /**
   * Reads every job from the reader the supplier opens; passes when that succeeds, or when it fails with an
   * {@link IllegalArgumentException} whose single-line message is {@code FILE:LINE: expected ..., found ...}.
   * Any other exception fails the test.
   */
  public static void assertReadsOrFailsCleanly(Supplier<TraceReader> open, String fileName) {
    Pattern shape = Pattern.compile("^(\\S*/)?" + Pattern.quote(fileName) + ":\\d+: expected .+, found .*$");
    try (TraceReader reader = open.get()) {
      while (reader.next() != null) {
        // drain
      }
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      assertFalse(m.contains("\n") || m.contains("\r"), () -> "multi-line message: " + m);
      assertTrue(shape.matcher(m).matches(), () -> "message without FILE:LINE: " + m);
    }
  }
}
