package io.offerlab.reports.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.offerlab.allocators.Allocators;
import io.offerlab.reports.results.RunSummary;
import io.offerlab.simcore.Simulations;
import io.offerlab.simcore.config.SimulationConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A sweep file (YAML): the allocators, workloads, seeds and parameter values whose product is the run matrix, plus
 * the metrics to chart. Parameters are keys of the simulator's configuration ({@code frameworks.NAME.tJob}) and are
 * passed to each run as a configuration override merged over the optional base {@code config}.
 *
 * <pre>
 * allocators: [drf, static]
 * workloads: ["synthetic:mesos-paper"]
 * cluster: "uniform:96:cpus:4;mem:15360"   # optional
 * seeds: [1, 2, 3]                          # or a count: 3 means 1, 2, 3
 * config: base.yaml                         # optional, relative to this file
 * workloadOptions: {}                       # optional, passed to the workload reader
 * parameters:
 *   frameworks.service.tJob: [0.01, 0.1, 1, 10]
 * metrics: ["wait_mean_s:batch", jct_mean_s] # columns of sweep.csv to chart against each parameter
 * </pre>
 *
 * @param file the sweep file
 * @param allocators allocator names
 * @param workloads workload specs
 * @param cluster cluster spec, or null for the simulator's default
 * @param seeds seeds
 * @param baseConfig the base configuration (an object, possibly empty)
 * @param workloadOptions options passed to the workload reader
 * @param parameters parameter key to its values, in file order
 * @param metrics sweep.csv columns to chart
 */
public record SweepConfig(Path file, List<String> allocators, List<String> workloads, String cluster, List<Long> seeds,
    ObjectNode baseConfig, Map<String, String> workloadOptions, Map<String, List<JsonNode>> parameters,
    List<String> metrics) {
  private static final Set<String> KEYS = Set.of("allocators", "workloads", "cluster", "seeds", "config",
      "workloadOptions", "parameters", "metrics");
  /** Metrics charted when the file names none. */
  public static final List<String> DEFAULT_METRICS = List.of("jct_mean_s", "wait_mean_s", "cpus_allocated");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Copies the collections. */
  public SweepConfig {
    allocators = List.copyOf(allocators);
    workloads = List.copyOf(workloads);
    seeds = List.copyOf(seeds);
    workloadOptions = Collections.unmodifiableMap(new TreeMap<>(workloadOptions));
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    metrics = List.copyOf(metrics);
  }

  /** Reads and validates a sweep file; every error names the file and the field. */
  public static SweepConfig read(Path file) {
    JsonNode root = readYaml(file);
    String name = file.toString();
    if (!root.isObject()) {
      throw new SweepException(name + ": expected a YAML mapping with allocators, workloads and seeds");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!KEYS.contains(key)) {
        throw new SweepException(name + ": unknown field '" + key + "': expected one of "
            + new TreeSet<>(KEYS));
      }
    }
    List<String> allocators = strings(root.path("allocators"), name, "allocators", true);
    List<String> workloads = strings(root.path("workloads"), name, "workloads", true);
    if (Set.copyOf(allocators).size() != allocators.size()) {
      throw new SweepException(name + ": allocators: expected distinct names, found " + allocators);
    }
    String cluster = root.hasNonNull("cluster") ? scalar(root.get("cluster"), name, "cluster") : null;
    List<Long> seeds = seeds(root.path("seeds"), name);
    ObjectNode base = JsonNodeFactory.instance.objectNode();
    if (root.hasNonNull("config")) {
      Path configFile = resolve(file, scalar(root.get("config"), name, "config"));
      JsonNode config = readYaml(configFile);
      if (!config.isObject()) {
        throw new SweepException(configFile + ": expected a YAML mapping of configuration keys");
      }
      base = (ObjectNode) config;
    }
    Map<String, String> options = new TreeMap<>();
    JsonNode wo = root.path("workloadOptions");
    if (!wo.isMissingNode() && !wo.isNull()) {
      if (!wo.isObject()) {
        throw new SweepException(name + ": workloadOptions: expected a mapping of option to value");
      }
      wo.fields().forEachRemaining(e -> options.put(e.getKey(), scalar(e.getValue(), name,
          "workloadOptions." + e.getKey())));
    }
    Map<String, List<JsonNode>> parameters = new LinkedHashMap<>();
    JsonNode params = root.path("parameters");
    if (!params.isMissingNode() && !params.isNull()) {
      if (!params.isObject()) {
        throw new SweepException(name + ": parameters: expected a mapping of configuration key to a list of values");
      }
      for (var it = params.fields(); it.hasNext(); ) {
        var e = it.next();
        String field = "parameters." + e.getKey();
        if (!e.getKey().matches("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*")) {
          throw new SweepException(name + ": " + field + ": expected a dotted configuration key such as "
              + "frameworks.service.tJob");
        }
        if (!e.getValue().isArray() || e.getValue().isEmpty()) {
          throw new SweepException(name + ": " + field + ": expected a non-empty list of values");
        }
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode v : e.getValue()) {
          if (!v.isValueNode() || v.isNull()) {
            throw new SweepException(name + ": " + field + ": expected numbers or strings, found " + v);
          }
          values.add(v);
        }
        parameters.put(e.getKey(), values);
      }
    }
    List<String> metrics = root.has("metrics") ? strings(root.get("metrics"), name, "metrics", true)
        : DEFAULT_METRICS;
    for (String metric : metrics) {
      String column = metric.contains(":") ? metric.substring(0, metric.indexOf(':')) : metric;
      boolean known = metric.contains(":") ? SweepTable.FRAMEWORK_COLUMNS.contains(column)
          && metric.length() > column.length() + 1
          : RunSummary.columns().contains(metric);
      if (!known) {
        throw new SweepException(name + ": metrics: unknown column '" + metric + "': expected one of "
            + RunSummary.columns() + " or METRIC:FRAMEWORK with METRIC one of "
            + SweepTable.FRAMEWORK_COLUMNS);
      }
    }
    return new SweepConfig(file, allocators, workloads, cluster, seeds, base, options, parameters, metrics);
  }

  /** Reads a YAML file into a tree (an empty file is an empty mapping). */
  static JsonNode readYaml(Path file) {
    try {
      JsonNode node = YAML.readTree(Files.readString(file));
      return node == null || node.isMissingNode() ? JsonNodeFactory.instance.objectNode() : node;
    } catch (NoSuchFileException e) {
      throw new SweepException(file + ": no such file");
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SweepException(file + ":" + line + ": expected valid YAML: "
          + e.getOriginalMessage().lines().findFirst().orElse("syntax error"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path resolve(Path file, String path) {
    Path p = Path.of(path);
    Path dir = file.toAbsolutePath().getParent();
    return p.isAbsolute() || dir == null ? p : dir.resolve(p);
  }

  private static List<String> strings(JsonNode node, String file, String field, boolean required) {
    if (node.isMissingNode() || node.isNull()) {
      if (required) {
        throw new SweepException(file + ": " + field + ": expected a non-empty list, found none");
      }
      return List.of();
    }
    if (node.isValueNode()) {
      return List.of(scalar(node, file, field));
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new SweepException(file + ": " + field + ": expected a non-empty list of names");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : node) {
      out.add(scalar(n, file, field));
    }
    return out;
  }

  private static String scalar(JsonNode node, String file, String field) {
    if (!node.isValueNode() || node.isNull() || node.asText().isBlank()) {
      throw new SweepException(file + ": " + field + ": expected a non-empty text value, found " + node);
    }
    return node.asText();
  }

  private static List<Long> seeds(JsonNode node, String file) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of(1L);
    }
    List<Long> seeds = new ArrayList<>();
    if (node.isIntegralNumber()) {
      if (node.asLong() < 1 || node.asLong() > 100_000) {
        throw new SweepException(file + ": seeds: expected a count from 1 to 100000 or a list, found " + node);
      }
      for (long s = 1; s <= node.asLong(); s++) {
        seeds.add(s);
      }
      return seeds;
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new SweepException(file + ": seeds: expected a count or a non-empty list of integers, found " + node);
    }
    for (JsonNode n : node) {
      if (!n.isIntegralNumber()) {
        throw new SweepException(file + ": seeds: expected integers, found " + n);
      }
      seeds.add(n.asLong());
    }
    if (Set.copyOf(seeds).size() != seeds.size()) {
      throw new SweepException(file + ": seeds: expected distinct seeds, found " + seeds);
    }
    return seeds;
  }

  /** Checks, before the first run, that every allocator name is one of Offerlab's allocators. */
  public void checkAllocators() {
    for (String allocator : allocators) {
      try {
        Allocators.spec(allocator);
      } catch (IllegalArgumentException e) {
        throw new SweepException(file + ": allocators: " + e.getMessage());
      }
    }
  }

  /**
   * Checks, before the first run, that every framework the sweep configures (keys {@code frameworks.NAME} of the base
   * config and of the parameters, besides {@code default}) is a framework of every workload, reading each workload
   * once for its framework names; fails naming the key and the known frameworks.
   */
  public void checkFrameworks() {
    Map<String, String> named = new LinkedHashMap<>();
    baseConfig.path("frameworks").fieldNames().forEachRemaining(fw -> named.putIfAbsent(fw, "config: frameworks." + fw));
    for (String key : parameters.keySet()) {
      String[] path = key.split("\\.");
      if (path.length > 1 && path[0].equals("frameworks")) {
        named.putIfAbsent(path[1], "parameters." + key);
      }
    }
    named.remove(SimulationConfig.DEFAULT_FRAMEWORK);
    if (named.isEmpty()) {
      return;
    }
    for (String workload : workloads) {
      Map<String, String> options = new TreeMap<>(workloadOptions);
      if (workload.startsWith("synthetic:")) {
        options.putIfAbsent("seed", Long.toString(seeds.get(0)));
      }
      Set<String> known;
      try {
        known = Simulations.frameworkNames(workload, options);
      } catch (IllegalArgumentException e) {
        throw new SweepException(file + ": workloads: " + e.getMessage());
      }
      for (Map.Entry<String, String> e : named.entrySet()) {
        if (!known.contains(e.getKey())) {
          throw new SweepException(file + ": " + e.getValue() + ": expected a framework of workload " + workload
              + ", one of " + known + ", found '" + e.getKey() + "'");
        }
      }
    }
  }

  /** Returns the base configuration with the parameter values set at their dotted keys (a deep copy). */
  public ObjectNode override(Map<String, JsonNode> values) {
    ObjectNode merged = baseConfig.deepCopy();
    for (Map.Entry<String, JsonNode> e : values.entrySet()) {
      String[] path = e.getKey().split("\\.");
      ObjectNode node = merged;
      for (int i = 0; i < path.length - 1; i++) {
        JsonNode child = node.get(path[i]);
        if (child == null || !child.isObject()) {
          child = node.putObject(path[i]);
        }
        node = (ObjectNode) child;
      }
      node.set(path[path.length - 1], e.getValue());
    }
    return merged;
  }

  /** Writes a configuration tree as YAML text. */
  static String yaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
