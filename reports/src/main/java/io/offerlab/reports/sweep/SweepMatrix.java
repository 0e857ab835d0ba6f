package io.offerlab.reports.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.offerlab.reports.charts.ComparisonCharts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The runs of a sweep in a fixed order: workloads, then parameter combinations (the first parameter varying slowest),
 * then seeds, then allocators, so that allocators compared on the same seed sit next to each other. Folder names
 * are readable slugs, made unique deterministically.
 */
public final class SweepMatrix {
  private SweepMatrix() {}

  /** Returns every cell of the sweep. */
  public static List<SweepCell> cells(SweepConfig config) {
    List<Map<String, JsonNode>> combos = new ArrayList<>();
    combos.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<JsonNode>> p : config.parameters().entrySet()) {
      List<Map<String, JsonNode>> next = new ArrayList<>();
      for (Map<String, JsonNode> combo : combos) {
        for (JsonNode value : p.getValue()) {
          Map<String, JsonNode> extended = new LinkedHashMap<>(combo);
          extended.put(p.getKey(), value);
          next.add(extended);
        }
      }
      combos = next;
    }
    List<SweepCell> cells = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String workload : config.workloads()) {
      for (Map<String, JsonNode> combo : combos) {
        for (long seed : config.seeds()) {
          for (String allocator : config.allocators()) {
            StringBuilder id = new StringBuilder(ComparisonCharts.slug(allocator)).append("__")
                .append(ComparisonCharts.slug(workload));
            combo.forEach((k, v) -> id.append("__").append(ComparisonCharts.slug(k + "-" + v.asText())));
            id.append("__seed-").append(seed);
            String unique = id.toString();
            for (int i = 2; !used.add(unique); i++) {
              unique = id + "-" + i;
            }
            cells.add(new SweepCell(cells.size(), unique, workload, allocator, combo, seed));
          }
        }
      }
    }
    return cells;
  }

  /** Returns the cells of one shard. */
  public static List<SweepCell> shard(List<SweepCell> cells, Shard shard) {
    return cells.stream().filter(c -> shard.owns(c.index())).toList();
  }
}
