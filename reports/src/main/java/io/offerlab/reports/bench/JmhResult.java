package io.offerlab.reports.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.offerlab.simcore.results.Json;
import io.offerlab.simcore.results.ResultsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry of JMH's JSON result file: a benchmark method with its parameters and its primary and secondary scores.
 *
 * @param benchmark the fully qualified benchmark method
 * @param mode the JMH mode (avgt, thrpt, sample, ss)
 * @param params the {@code @Param} values by name
 * @param score the primary score
 * @param error the primary score's error (half-width of JMH's 99.9% interval), NaN when unknown
 * @param unit the primary score's unit, e.g. {@code us/op}
 * @param secondary the secondary metrics' scores by name (e.g. {@code @AuxCounters} counts)
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double error,
    String unit, Map<String, Double> secondary) {

  /** Copies the maps, sorted by name. */
  public JmhResult {
    params = Collections.unmodifiableMap(new TreeMap<>(params));
    secondary = Collections.unmodifiableMap(new TreeMap<>(secondary));
  }

  /** Returns the benchmark method's simple name: the last two dotted parts ({@code Class.method}). */
  public String shortName() {
    String[] parts = benchmark.split("\\.");
    return parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : benchmark;
  }

  /** Reads a JMH JSON result file (a list of results). */
  public static List<JmhResult> read(Path file) {
    JsonNode root = Json.read(file);
    if (!root.isArray()) {
      throw new ResultsException(file + ":1: expected a JSON list of JMH results (run JMH with -rf json)");
    }
    List<JmhResult> results = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode r = root.get(i);
      String where = file + ": result " + i;
      String benchmark = r.path("benchmark").asText("");
      if (benchmark.isEmpty()) {
        throw new ResultsException(where + ": expected field benchmark");
      }
      JsonNode primary = r.path("primaryMetric");
      if (!primary.path("score").isNumber()) {
        throw new ResultsException(where + ": expected a number in primaryMetric.score");
      }
      Map<String, String> params = new TreeMap<>();
      r.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
      Map<String, Double> secondary = new TreeMap<>();
      r.path("secondaryMetrics").fields().forEachRemaining(e -> {
        JsonNode score = e.getValue().path("score");
        if (score.isNumber()) {
          secondary.put(e.getKey(), score.asDouble());
        }
      });
      JsonNode error = primary.path("scoreError");
      results.add(new JmhResult(benchmark, r.path("mode").asText(""), params, primary.get("score").asDouble(),
          error.isNumber() ? error.asDouble() : Double.NaN, primary.path("scoreUnit").asText(""), secondary));
    }
    return results;
  }
}
