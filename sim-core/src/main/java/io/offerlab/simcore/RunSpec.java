package io.offerlab.simcore;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One simulation run as the command line describes it: {@code simulate --workload SPEC [--workload-option k=v]...
 * --allocator NAME [--cluster SPEC] [--config FILE.yaml] [--seed N]}.
 *
 * @param workload the workload spec, {@code FORMAT:PATH} (e.g. {@code synthetic:drf-example})
 * @param workloadOptions options passed to the workload reader; for {@code synthetic:} specs the run seed is added
 *     as {@code seed} unless given
 * @param allocator the allocator name
 * @param cluster the cluster spec, or null for the workload's cluster hint, else the config's {@code cluster}
 * @param config a YAML file overriding defaults.yaml, or null
 * @param seed the run seed
 */
public record RunSpec(String workload, Map<String, String> workloadOptions, String allocator, String cluster,
    Path config, long seed) {

  /** Checks the required fields and copies the options into name order. */
  public RunSpec {
    if (workload == null || workload.isBlank()) {
      throw new IllegalArgumentException("workload: expected a spec FORMAT:PATH, found nothing");
    }
    if (allocator == null || allocator.isBlank()) {
      throw new IllegalArgumentException("allocator: expected an allocator name, found nothing");
    }
    workloadOptions = new TreeMap<>(Objects.requireNonNullElse(workloadOptions, Map.of()));
  }
}
