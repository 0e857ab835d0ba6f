package io.offerlab.simcore.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Every setting of a simulation run, after the Caffeine simulator's {@code reference.conf} + {@code BasicSettings}:
 * one documented {@code defaults.yaml} resource, overridden by a user's YAML (deep merge), bound by Jackson into
 * records that validate in their constructors. Unknown keys and bad values fail before the first event with a
 * one-line message naming the file and the key's path, e.g.
 * {@code config.yaml: frameworks.default.tJob: expected a duration >= 0, found -1}.
 *
 * @param cluster the cluster spec used when neither the run nor the workload gives one
 * @param master the master's timing
 * @param allocator allocator options
 * @param frameworks {@code default} plus per-framework overrides, each complete (the overrides merged onto default)
 * @param agents synthetic failures
 * @param isolation the agents' cgroups isolation
 * @param metrics sampling
 * @param simulation when to stop, and debug switches
 */
public record SimulationConfig(
    String cluster,
    MasterSettings master,
    AllocatorSettings allocator,
    Map<String, FrameworkSettings> frameworks,
    AgentSettings agents,
    IsolationSettings isolation,
    MetricsSettings metrics,
    RunSettings simulation) {

  /** The key of the settings every framework gets unless overridden by name. */
  public static final String DEFAULT_FRAMEWORK = "default";

  /** Checks every section is present and copies the framework map into name order. */
  public SimulationConfig {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(allocator, "allocator");
    Objects.requireNonNull(agents, "agents");
    Objects.requireNonNull(isolation, "isolation");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(simulation, "simulation");
    frameworks = new TreeMap<>(Objects.requireNonNull(frameworks, "frameworks"));
    if (!frameworks.containsKey(DEFAULT_FRAMEWORK)) {
      throw new IllegalArgumentException("frameworks.default: expected the default framework settings, found nothing");
    }
  }

  /** Returns the defaults of {@code defaults.yaml}. */
  public static SimulationConfig defaults() {
    return ConfigLoader.load(null, null);
  }

  /** Returns the defaults overridden by the YAML file (null = the defaults). */
  public static SimulationConfig load(Path file) {
    return file == null ? defaults() : ConfigLoader.loadFile(file);
  }

  /**
   * Returns the defaults, then a workload's suggested settings ({@code Workloads.suggestedConfig}, null = none), then
   * the YAML file (null = none), each overriding the one before.
   */
  public static SimulationConfig load(Path file, String suggested) {
    return file == null ? ConfigLoader.load(suggested, null, null) : ConfigLoader.loadFile(file, suggested);
  }

  /** Returns the defaults overridden by YAML text; {@code source} names it in error messages. */
  public static SimulationConfig parse(String yaml, String source) {
    return ConfigLoader.load(yaml, source);
  }

  /** Returns the settings of the framework called {@code name}: its overrides, or the defaults. */
  public FrameworkSettings framework(String name) {
    FrameworkSettings settings = frameworks.get(name);
    return settings != null ? settings : frameworks.get(DEFAULT_FRAMEWORK);
  }

  /** Returns the effective configuration as nested maps, lists, strings, numbers and booleans, in a fixed order. */
  public Map<String, Object> describe() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("cluster", cluster);
    map.put("master", master.describe());
    map.put("allocator", allocator.describe());
    Map<String, Object> fw = new LinkedHashMap<>();
    fw.put(DEFAULT_FRAMEWORK, frameworks.get(DEFAULT_FRAMEWORK).describe());
    for (var entry : frameworks.entrySet()) {
      if (!entry.getKey().equals(DEFAULT_FRAMEWORK)) {
        fw.put(entry.getKey(), entry.getValue().describe());
      }
    }
    map.put("frameworks", fw);
    map.put("agents", agents.describe());
    map.put("isolation", isolation.describe());
    map.put("metrics", metrics.describe());
    map.put("simulation", simulation.describe());
    return map;
  }
}
