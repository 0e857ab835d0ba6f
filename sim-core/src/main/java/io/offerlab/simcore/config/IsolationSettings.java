package io.offerlab.simcore.config;

import io.offerlab.isolationmodel.CpuIsolation;
import io.offerlab.isolationmodel.IsolationConfig;
import io.offerlab.isolationmodel.MemoryIsolation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code isolation} block: how agents share CPU and enforce memory limits, as Mesos' cgroups isolators do
 * (see docs/isolation-model.md). The simulator always places tasks within offers, so oversubscription is refused.
 *
 * @param cpu {@code shares}, {@code quota} or {@code none}
 * @param memory {@code limit} or {@code none}
 * @param oversubscribe must be false
 */
public record IsolationSettings(String cpu, String memory, boolean oversubscribe) {

  /** Validates the modes. */
  public IsolationSettings {
    cpu = CpuIsolation.fromName("cpu", cpu).configName();
    memory = MemoryIsolation.fromName("memory", memory).configName();
    if (oversubscribe) {
      throw new IllegalArgumentException("oversubscribe: expected false (the simulator does not place tasks beyond"
          + " an agent's resources), found true");
    }
  }

  /** Returns the isolation-model configuration. */
  public IsolationConfig toConfig() {
    return new IsolationConfig(CpuIsolation.fromName("cpu", cpu), MemoryIsolation.fromName("memory", memory),
        oversubscribe);
  }

  Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("cpu", cpu);
    map.put("memory", memory);
    map.put("oversubscribe", oversubscribe);
    return map;
  }
}
