package io.offerlab.simcore.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.offerlab.allocators.Capability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One framework scheduler's knobs. Decision time follows the Omega paper's model (Schwarzkopf et al., EuroSys 2013,
 * section 5): {@code tJob} per job placed plus {@code tTask} per task placed; declines carry Mesos'
 * {@code Filters.refuse_seconds}.
 *
 * @param role the role the framework registers with; empty = the role the workload gives
 * @param tJobMicros decision time per job placed (at least one per decision with pending work)
 * @param tTaskMicros decision time per task placed
 * @param refuseMicros the decline filter
 * @param maxTasksPerOffer most tasks launched on one offer; 0 = no limit
 * @param gangPolicy what to do with offers that cannot start a gang job yet
 * @param retryLimit relaunches of a failed task (or gang) before its job fails
 * @param maxPendingScan pending tasks looked at per decision
 * @param capabilities Mesos framework capabilities it declares; a framework also gets GPU_RESOURCES from its first job
 *     that asks for GPUs
 */
public record FrameworkSettings(
    String role,
    @JsonProperty("tJob") @JsonDeserialize(using = Durations.Deserializer.class) long tJobMicros,
    @JsonProperty("tTask") @JsonDeserialize(using = Durations.Deserializer.class) long tTaskMicros,
    @JsonProperty("refuseSeconds") @JsonDeserialize(using = Durations.Deserializer.class) long refuseMicros,
    int maxTasksPerOffer,
    GangPolicy gangPolicy,
    int retryLimit,
    int maxPendingScan,
    List<Capability> capabilities) {

  /** Validates the knobs. */
  public FrameworkSettings {
    Objects.requireNonNull(role, "role");
    Settings.checkNonNegative("tJob", tJobMicros);
    Settings.checkNonNegative("tTask", tTaskMicros);
    Settings.checkNonNegative("refuseSeconds", refuseMicros);
    Settings.checkNonNegative("maxTasksPerOffer", maxTasksPerOffer);
    Settings.checkNonNegative("retryLimit", retryLimit);
    if (maxPendingScan <= 0) {
      throw new IllegalArgumentException("maxPendingScan: expected an integer > 0, found " + maxPendingScan);
    }
    if (gangPolicy == null) {
      throw new IllegalArgumentException("gangPolicy: expected hold or decline, found nothing");
    }
    capabilities = List.copyOf(new TreeSet<>(Objects.requireNonNull(capabilities, "capabilities")));
  }

  /** Returns the refuse time in seconds, as the allocator takes it. */
  public double refuseSeconds() {
    return Durations.seconds(refuseMicros);
  }

  Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("role", role);
    map.put("tJob", Durations.seconds(tJobMicros));
    map.put("tTask", Durations.seconds(tTaskMicros));
    map.put("refuseSeconds", Durations.seconds(refuseMicros));
    map.put("maxTasksPerOffer", maxTasksPerOffer);
    map.put("gangPolicy", gangPolicy.label());
    map.put("retryLimit", retryLimit);
    map.put("maxPendingScan", maxPendingScan);
    map.put("capabilities", capabilities.stream().map(Enum::name).toList());
    return map;
  }
}
