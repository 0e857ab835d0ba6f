package io.offerlab.simcore.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.offerlab.allocators.Resources;
import io.offerlab.workloads.AgentGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The agents of a simulated cluster, as groups of identical agents. Written {@code uniform:N:RESOURCES} (N agents
 * with the Mesos text form, e.g. {@code uniform:96:cpus:4;mem:15360}), as the path of a YAML list of groups
 * ({@code - {count: 10, resources: "cpus:8;mem:32768"}}, or {@code cpus}, {@code mem}, {@code disk}, {@code gpus}
 * keys instead of {@code resources}), or {@code trace} for the cluster the workload implies.
 *
 * @param spec the text it was parsed from
 * @param groups the agent groups, in order; agents are numbered through them from 0
 */
public record ClusterSpec(String spec, List<Group> groups) {
  private static final Set<String> GROUP_KEYS = Set.of("count", "resources", "cpus", "mem", "disk", "gpus");

  /** Checks there is at least one agent. */
  public ClusterSpec {
    groups = List.copyOf(groups);
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("cluster '" + spec + "': expected at least one agent group, found none");
    }
    checkTotal(spec, groups);
  }

  /** Fails when a resource's cluster total would overflow the allocator's 64-bit thousandths (never a wrap). */
  private static void checkTotal(String spec, List<Group> groups) {
    Map<String, Long> total = new TreeMap<>();
    for (Group g : groups) {
      for (String name : g.resources().asMap().keySet()) {
        try {
          long sum = Math.addExact(total.getOrDefault(name, 0L), Math.multiplyExact(g.count(), g.resources().milli(name)));
          total.put(name, sum);
        } catch (ArithmeticException e) {
          throw new IllegalArgumentException("cluster '" + spec + "': the total " + name + " of all agents would "
              + "overflow (at most " + Long.MAX_VALUE / 1000 + " in all)");
        }
      }
    }
  }

  /** A group of {@code count} identical agents with {@code resources} each. */
  public record Group(int count, Resources resources) {
    /** Validates the group: at least one agent, with CPUs. */
    public Group {
      if (count <= 0) {
        throw new IllegalArgumentException("expected an agent count > 0, found " + count);
      }
      if (!(resources.cpus() > 0)) {
        throw new IllegalArgumentException("expected agents with cpus > 0, found '" + resources + "'");
      }
    }
  }

  /** Parses a cluster spec; {@code hint} is the workload's cluster, used by {@code trace}. */
  public static ClusterSpec parse(String spec, Optional<List<AgentGroup>> hint) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("cluster: expected uniform:N:RESOURCES, a YAML file of agent groups or trace,"
          + " found nothing");
    }
    String s = spec.strip();
    if (s.equals("trace")) {
      List<AgentGroup> groups = hint.orElseThrow(() -> new IllegalArgumentException(
          "cluster 'trace': the workload implies no cluster; give --cluster uniform:N:RESOURCES or a YAML file"));
      List<Group> out = new ArrayList<>();
      for (AgentGroup g : groups) {
        out.add(new Group(g.count(), Resources.of(g.shape().cpus(), g.shape().memMb(), g.shape().diskMb(),
            g.shape().gpus())));
      }
      return new ClusterSpec(s, out);
    }
    if (s.startsWith("uniform:")) {
      return parseUniform(s);
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".yaml") || lower.endsWith(".yml") || Files.isRegularFile(Path.of(s))) {
      return parseFile(s);
    }
    throw new IllegalArgumentException("cluster '" + s + "': expected uniform:N:RESOURCES (e.g. uniform:100:cpus:8;mem:32768),"
        + " a YAML file of agent groups or trace");
  }

  /** Returns the number of agents. */
  public int agentCount() {
    long n = 0;
    for (Group g : groups) {
      n += g.count();
    }
    if (n > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("cluster '" + spec + "': too many agents (" + n + ")");
    }
    return (int) n;
  }

  /** Returns the total resources of the cluster. */
  public Resources total() {
    Resources total = Resources.EMPTY;
    for (Group g : groups) {
      for (int i = 0; i < g.count(); i++) {
        total = total.plus(g.resources());
      }
    }
    return total;
  }

  private static ClusterSpec parseUniform(String s) {
    String rest = s.substring("uniform:".length());
    int colon = rest.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("cluster '" + s + "': expected uniform:N:RESOURCES, e.g. uniform:100:cpus:8;mem:32768");
    }
    int count;
    try {
      count = Integer.parseInt(rest.substring(0, colon).strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("cluster '" + s + "': expected an agent count N in uniform:N:RESOURCES, found '"
          + rest.substring(0, colon) + "'");
    }
    try {
      return new ClusterSpec(s, List.of(new Group(count, Resources.parse(rest.substring(colon + 1)))));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cluster '" + s + "': " + e.getMessage());
    }
  }

  private static ClusterSpec parseFile(String s) {
    Path file = Path.of(s);
    JsonNode root;
    try {
      root = new YAMLMapper().readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(s + ": no such file (cluster spec)");
    } catch (JsonProcessingException e) {
      long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new IllegalArgumentException(s + ":" + line + ": expected valid YAML: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new IllegalArgumentException(s + ": cannot read: " + e.getMessage());
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException(s + ": expected a list of agent groups ({count, resources}), found "
          + (root == null || root.isNull() ? "nothing" : root.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode node = root.get(i);
      String where = s + ": [" + i + "]";
      if (!node.isObject()) {
        throw new IllegalArgumentException(where + ": expected a mapping {count, resources}");
      }
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!GROUP_KEYS.contains(key)) {
          throw new IllegalArgumentException(where + "." + key + ": unknown key; expected one of count, cpus, disk,"
              + " gpus, mem, resources");
        }
      }
      JsonNode count = node.get("count");
      if (count == null || !count.canConvertToInt() || !count.isIntegralNumber()) {
        throw new IllegalArgumentException(where + ".count: expected an integer > 0, found "
            + (count == null ? "nothing" : count.asText()));
      }
      Resources resources;
      try {
        if (node.has("resources")) {
          if (node.has("cpus") || node.has("mem") || node.has("disk") || node.has("gpus")) {
            throw new IllegalArgumentException("give either resources or cpus/mem/disk/gpus, not both");
          }
          resources = Resources.parse(node.get("resources").asText());
        } else {
          resources = Resources.of(number(node, "cpus"), number(node, "mem"), number(node, "disk"),
              number(node, "gpus"));
        }
        groups.add(new Group(count.asInt(), resources));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage());
      }
    }
    return new ClusterSpec(s, groups);
  }

  private static double number(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      return 0;
    }
    if (!value.isNumber()) {
      throw new IllegalArgumentException(key + ": expected a number, found '" + value.asText() + "'");
    }
    return value.asDouble();
  }
}
