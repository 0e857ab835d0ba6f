package io.offerlab.simcore.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a framework does with offers that cannot start a gang (rigid, MPI-like) job at once: keep them and wait for
 * more, as the Mesos paper's rigid framework does while it ramps up (Hindman et al., NSDI 2011, section 5), or
 * decline them.
 */
public enum GangPolicy {
  /** Keep the offers (they stay locked) until the whole gang fits. */
  HOLD,
  /** Decline the offers and wait for the next ones. */
  DECLINE;

  /** Returns the name used in settings files. */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code hold} or {@code decline}. */
  @JsonCreator
  public static GangPolicy parse(String label) {
    for (GangPolicy policy : values()) {
      if (policy.label().equals(label)) {
        return policy;
      }
    }
    throw new IllegalArgumentException("expected hold or decline, found '" + label + "'");
  }
}
