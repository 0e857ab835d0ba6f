package io.offerlab.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours that stay the same for a framework or an allocator across every chart of a report: frameworks take the
 * Tableau 10 colours in name order (grey is kept for "other"), allocators a fixed colour by name.
 */
final class Palette {
  /** The colour of the "other" group. */
  static final Color OTHER = new Color(0xBAB0AC);

  private static final int[] FRAMEWORK_COLOURS = {0x4E79A7, 0xF28E2B, 0xE15759, 0x76B7B2, 0x59A14F, 0xEDC948, 0xB07AA1,
      0xFF9DA7, 0x9C755F, 0x1B3A5C, 0x8C3B0B, 0x3E7D3A, 0x6B2E5F, 0x5C5C1E, 0x2E6B6B, 0x7A1F1F};
  private static final Map<String, Color> KNOWN_ALLOCATORS = Map.of(
      "static", new Color(0x555555), "drf", new Color(0x1F77B4), "priority", new Color(0xD62728),
      "random", new Color(0x2CA02C));
  private static final int[] OTHER_ALLOCATORS = {0x9467BD, 0xFF7F0E, 0x8C564B, 0xE377C2, 0x17BECF, 0xBCBD22};

  private final Map<String, Color> frameworks = new HashMap<>();
  private final Map<String, Color> allocators = new HashMap<>();
  private final Map<String, Integer> allocatorOrder = new HashMap<>();

  Palette(List<String> frameworkNames, List<String> allocatorNames) {
    List<String> sorted = frameworkNames.stream().sorted().toList();
    for (int i = 0; i < sorted.size(); i++) {
      frameworks.put(sorted.get(i), new Color(FRAMEWORK_COLOURS[i % FRAMEWORK_COLOURS.length]));
    }
    int next = 0;
    for (String name : allocatorNames) {
      allocatorOrder.putIfAbsent(name, allocatorOrder.size());
      Color known = KNOWN_ALLOCATORS.get(name);
      if (known != null && !allocators.containsValue(known)) {
        allocators.put(name, known);
      } else {
        allocators.put(name, new Color(OTHER_ALLOCATORS[next++ % OTHER_ALLOCATORS.length]));
      }
    }
  }

  /** Returns the colour of a framework, grey for "other" or an unknown name. */
  Color framework(String name) {
    return frameworks.getOrDefault(name, OTHER);
  }

  /** Returns the colour of an allocator. */
  Color allocator(String name) {
    return allocators.getOrDefault(name, Color.BLACK);
  }

  /**
   * Returns the line of an allocator: earlier allocators are drawn wider, so that a later allocator whose line lies
   * on top of an earlier one (identical results) still shows both.
   */
  BasicStroke allocatorLine(String name, boolean dashed) {
    int order = allocatorOrder.getOrDefault(name, 0);
    float width = Math.max(1.2f, 3.4f - 0.9f * order);
    return dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f)
        : new BasicStroke(width);
  }

  /** Returns the i-th colour of the framework list, for charts keyed by something else than a framework. */
  static Color nth(int i) {
    return new Color(FRAMEWORK_COLOURS[i % FRAMEWORK_COLOURS.length]);
  }
}
