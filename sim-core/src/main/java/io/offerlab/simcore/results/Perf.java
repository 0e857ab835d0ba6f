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
    return new Perf(Json.number(root, "/wallSeconds"), Json.number(root, "/events"),
        Json.number(root, "/eventsPerSecond"), Json.number(root, "/allocatorNanosPerCycle/mean"),
        Json.number(root, "/peakHeapBytes"));
  }
}
