package io.offerlab.simcore.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often the time series is sampled.
 *
 * @param sampleIntervalMicros one timeseries.csv row per this much simulated time (&gt; 0)
 */
public record MetricsSettings(
    @JsonProperty("sampleInterval") @JsonDeserialize(using = Durations.Deserializer.class) long sampleIntervalMicros) {

  /** Checks the interval is positive. */
  public MetricsSettings {
    if (sampleIntervalMicros <= 0) {
      throw new IllegalArgumentException("sampleInterval: expected a duration > 0, found 0");
    }
  }

  Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("sampleInterval", Durations.seconds(sampleIntervalMicros));
    return map;
  }
}
