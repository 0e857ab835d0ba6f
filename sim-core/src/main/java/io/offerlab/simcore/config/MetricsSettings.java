package io.offerlab.simcore.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often the time series is sampled, and how often the fairness-property probes look at the cluster.
 *
 * @param sampleIntervalMicros one timeseries.csv row per this much simulated time (&gt; 0)
 * @param probeIntervalMicros the fairness probes' grid: one look per this much simulated time (&gt; 0;
 *     docs/fairness.md)
 */
public record MetricsSettings(
    @JsonProperty("sampleInterval") @JsonDeserialize(using = Durations.Deserializer.class) long sampleIntervalMicros,
    @JsonProperty("probeInterval") @JsonDeserialize(using = Durations.Deserializer.class) long probeIntervalMicros) {

  /** Checks the intervals are positive. */
  public MetricsSettings {
    if (sampleIntervalMicros <= 0) {
      throw new IllegalArgumentException("sampleInterval: expected a duration > 0, found 0");
    }
    if (probeIntervalMicros <= 0) {
      throw new IllegalArgumentException("probeInterval: expected a duration > 0, found 0");
    }
  }

  Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("sampleInterval", Durations.seconds(sampleIntervalMicros));
    map.put("probeInterval", Durations.seconds(probeIntervalMicros));
    return map;
  }
}
