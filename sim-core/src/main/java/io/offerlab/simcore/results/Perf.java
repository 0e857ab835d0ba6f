package io.offerlab.simcore.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The wall-time measurements of one run ({@code perf.json}); never compared byte for byte. Absent fields are NaN.
 *
 * @param wallSeconds wall time of the run
 * @param events events processed
 * @param eventsPerSecond events per wall second
 * @param allocatorNanosPerCycleMean mean allocator time per allocation cycle
 * @param peakHeapBytes peak heap use
 */
public record Perf(double wallSeconds, double events, double eventsPerSecond, double allocatorNanosPerCycleMean,
    double peakHeapBytes) {

  /** Reads perf.json, or returns all-NaN measurements when the file is absent. */
  public static Perf readIfPresent(Path file) {
    if (!Files.exists(file)) {
      return new Perf(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    JsonNode root = Json.read(file);
    return new Perf(number(root, ResultsKeys.WALL_SECONDS), number(root, ResultsKeys.EVENTS),
        number(root, ResultsKeys.EVENTS_PER_SECOND), number(root.path(ResultsKeys.ALLOCATOR_NANOS_PER_CYCLE),
        ResultsKeys.MEAN), number(root, ResultsKeys.PEAK_HEAP_BYTES));
  }

  private static double number(JsonNode node, String key) {
    JsonNode v = node.path(key);
    return v.isNumber() ? v.asDouble() : Double.NaN;
  }
}
