package io.offerlab.simcore.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * When a run stops, and its debug switches.
 *
 * @param endTimeMicros stop at this simulated time; 0 = when every job that can finish has finished
 * @param stallTimeoutMicros stop when nothing can progress for this long; 0 = never
 * @param checkInvariants check allocated + offered + free = total on every agent after every event
 * @param tickWhenIdle schedule every allocation tick even when it cannot offer anything
 */
public record RunSettings(
    @JsonProperty("endTime") @JsonDeserialize(using = Durations.Deserializer.class) long endTimeMicros,
    @JsonProperty("stallTimeout") @JsonDeserialize(using = Durations.Deserializer.class) long stallTimeoutMicros,
    boolean checkInvariants,
    boolean tickWhenIdle) {

  /** Validates the times. */
  public RunSettings {
    Settings.checkNonNegative("endTime", endTimeMicros);
    Settings.checkNonNegative("stallTimeout", stallTimeoutMicros);
  }

  Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("endTime", Durations.seconds(endTimeMicros));
    map.put("stallTimeout", Durations.seconds(stallTimeoutMicros));
    map.put("checkInvariants", checkInvariants);
    map.put("tickWhenIdle", tickWhenIdle);
    return map;
  }
}
