package io.offerlab.simcore.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Synthetic agent failures: each agent fails after an exponential time of mean {@code mtbf} and rejoins after an
 * exponential time of mean {@code mttr}; a failed agent's tasks are LOST, as when a Mesos agent is removed.
 *
 * @param mtbfMicros mean time between failures; 0 = agents never fail
 * @param mttrMicros mean time to repair (&gt; 0 when failures are on)
 */
public record AgentSettings(
    @JsonProperty("mtbf") @JsonDeserialize(using = Durations.Deserializer.class) long mtbfMicros,
    @JsonProperty("mttr") @JsonDeserialize(using = Durations.Deserializer.class) long mttrMicros) {

  /** Validates the times. */
  public AgentSettings {
    Settings.checkNonNegative("mtbf", mtbfMicros);
    Settings.checkNonNegative("mttr", mttrMicros);
    if (mtbfMicros > 0 && mttrMicros == 0) {
      throw new IllegalArgumentException("mttr: expected a duration > 0 when mtbf is set, found 0");
    }
  }

  /** Returns whether agents fail. */
  public boolean failuresEnabled() {
    return mtbfMicros > 0;
  }

  Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mtbf", Durations.seconds(mtbfMicros));
    map.put("mttr", Durations.seconds(mttrMicros));
    return map;
  }
}
