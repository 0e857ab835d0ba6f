package io.offerlab.simcore.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The master's timing, after the Mesos master flags {@code --allocation_interval} and {@code --offer_timeout}.
 *
 * @param allocationIntervalMicros a full allocation cycle runs at every multiple of this, in microseconds (&gt; 0)
 * @param offerLatencyMicros time from a cycle until the framework receives its offers
 * @param offerTimeoutMicros offers held this long are rescinded; 0 = never
 */
public record MasterSettings(
    @JsonProperty("allocationInterval") @JsonDeserialize(using = Durations.Deserializer.class)
    long allocationIntervalMicros,
    @JsonProperty("offerLatency") @JsonDeserialize(using = Durations.Deserializer.class) long offerLatencyMicros,
    @JsonProperty("offerTimeout") @JsonDeserialize(using = Durations.Deserializer.class) long offerTimeoutMicros) {

  /** Checks the interval is positive. */
  public MasterSettings {
    if (allocationIntervalMicros <= 0) {
      throw new IllegalArgumentException("allocationInterval: expected a duration > 0, found 0");
    }
    Settings.checkNonNegative("offerLatency", offerLatencyMicros);
    Settings.checkNonNegative("offerTimeout", offerTimeoutMicros);
  }

  Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("allocationInterval", Durations.seconds(allocationIntervalMicros));
    map.put("offerLatency", Durations.seconds(offerLatencyMicros));
    map.put("offerTimeout", Durations.seconds(offerTimeoutMicros));
    return map;
  }
}
