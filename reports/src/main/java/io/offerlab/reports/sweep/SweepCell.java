package io.offerlab.reports.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep: a workload, an allocator, parameter values and a seed, with a stable folder name.
 *
 * @param index the position in the matrix (0-based), which decides the shard
 * @param id the run's folder name under {@code runs/}
 * @param workload the workload spec
 * @param allocator the allocator name
 * @param parameters parameter key to value, in the sweep file's order
 * @param seed the seed
 */
public record SweepCell(int index, String id, String workload, String allocator, Map<String, JsonNode> parameters,
    long seed) {
  /** Copies the map. */
  public SweepCell {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /** Returns the cell's group key for statistics over seeds: everything but the seed. */
  String groupKey() {
    StringBuilder key = new StringBuilder(workload).append('\u0000').append(allocator);
    parameters.forEach((k, v) -> key.append('\u0000').append(k).append('=').append(v.asText()));
    return key.toString();
  }
}
