package io.offerlab.allocators.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.Allocators;
import io.offerlab.allocators.Capability;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.Resources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an allocator scenario (ARCHITECTURE.md section 4): a JSON list of allocator calls, replayed against one
 * allocator, whose result lists the offers of every {@code allocate} step, sorted by framework then agent.
 *
 * <p>Scenario time is in seconds and only moves forward. Every error names the step index and the field.
 */
public final class ScenarioRunner {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> TOP_LEVEL = Set.of("allocator", "seed", "options", "steps", "name", "description");
  private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
      Map.entry("addAgent", Set.of("id", "resources", "used")),
      Map.entry("updateAgent", Set.of("id", "resources")),
      Map.entry("addResourceProvider", Set.of("agent", "resources", "used")),
      Map.entry("removeAgent", Set.of("id")),
      Map.entry("addFramework", Set.of("id", "role", "capabilities")),
      Map.entry("removeFramework", Set.of("id")),
      Map.entry("activateFramework", Set.of("id")),
      Map.entry("deactivateFramework", Set.of("id")),
      Map.entry("setWeight", Set.of("role", "weight")),
      Map.entry("allocate", Set.of("time", "agents")),
      Map.entry("recover", Set.of("framework", "agent", "resources", "refuseSeconds", "time")),
      Map.entry("suppress", Set.of("framework")),
      Map.entry("revive", Set.of("framework")));
  private static final Set<String> OPTIONAL = Set.of("agents", "refuseSeconds", "role", "time", "capabilities", "used");

  private final String file;
  private double time = Double.NEGATIVE_INFINITY;

  private ScenarioRunner(String file) {
    this.file = file;
  }

  /** Runs the scenario in {@code path} and returns the result JSON. */
  public static String run(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(path + ": no such file");
    } catch (IOException e) {
      throw new ScenarioException(path + ": cannot read: " + e.getMessage());
    }
    return run(path.toString(), text);
  }

  /** Runs scenario {@code json}, naming it {@code file} in errors, and returns the result JSON. */
  public static String run(String file, String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ScenarioException(file + ":" + e.getLocation().getLineNr() + ": expected JSON: "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    try {
      return JSON.writeValueAsString(new ScenarioRunner(file).execute(root)) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode execute(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw fail("", "expected a JSON object with 'allocator' and 'steps'");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!TOP_LEVEL.contains(name)) {
        throw fail(name, "unknown field, expected one of " + new java.util.TreeSet<>(TOP_LEVEL));
      }
    }
    String name = text(root, "allocator", "");
    if (!Allocators.names().contains(name)) {
      throw fail("allocator", "unknown allocator '" + name + "', expected one of " + Allocators.names());
    }
    long seed = 0;
    if (root.has("seed")) {
      if (!root.get("seed").canConvertToLong() || !root.get("seed").isIntegralNumber()) {
        throw fail("seed", "expected an integer, found " + root.get("seed"));
      }
      seed = root.get("seed").asLong();
    }
    AllocatorOptions options = ScenarioOptions.parse(root.get("options"), file).withSeed(seed);
    Allocator allocator;
    try {
      allocator = Allocators.create(name, options);
    } catch (IllegalArgumentException e) {
      throw fail("options", e.getMessage());
    }
    JsonNode steps = root.get("steps");
    if (steps == null || !steps.isArray()) {
      throw fail("steps", "expected an array of steps");
    }
    ObjectNode result = JSON.createObjectNode();
    result.put("allocator", name);
    ArrayNode allocations = result.putArray("allocations");
    for (int i = 0; i < steps.size(); i++) {
      ObjectNode entry = step(allocator, steps.get(i), i);
      if (entry != null) {
        allocations.add(entry);
      }
    }
    return result;
  }

  private ObjectNode step(Allocator allocator, JsonNode step, int index) {
    String where = "steps[" + index + "]";
    if (!step.isObject()) {
      throw fail(where, "expected an object with an 'op'");
    }
    String op = text(step, "op", where);
    Set<String> fields = FIELDS.get(op);
    if (fields == null) {
      throw fail(where + ".op", "unknown op '" + op + "', expected one of " + new java.util.TreeSet<>(FIELDS.keySet()));
    }
    for (Iterator<String> it = step.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      if (!field.equals("op") && !fields.contains(field)) {
        throw fail(where + "." + field, "unknown field for op '" + op + "', expected " + new java.util.TreeSet<>(fields));
      }
    }
    for (String field : fields) {
      if (!OPTIONAL.contains(field) && !step.has(field)) {
        throw fail(where + "." + field, "missing, op '" + op + "' needs it");
      }
    }
    try {
      return apply(allocator, op, step, where, index);
    } catch (ScenarioException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw fail(where + "." + blame(op, e.getMessage()), e.getMessage());
    }
  }

  /** Names the field an allocator error is about. */
  private static String blame(String op, String message) {
    if (op.equals("addResourceProvider")) {
      return message.startsWith("unknown agent") ? "agent" : message.contains("range resources")
          || message.contains("overflow") ? "resources" : "used";
    }
    if (message.startsWith("unknown agent")) {
      return op.equals("recover") || op.equals("allocate") ? (op.equals("allocate") ? "agents" : "agent") : "id";
    }
    if (message.startsWith("unknown framework")) {
      return op.equals("recover") || op.equals("suppress") || op.equals("revive") ? "framework" : "id";
    }
    if (message.contains("cannot recover") || message.contains("overflow") || message.contains("range resources")) {
      return "resources";
    }
    if (message.contains("its tasks use")) {
      return "used";
    }
    if (message.startsWith("role:")) {
      return "role";
    }
    if (message.contains("weight")) {
      return "weight";
    }
    return "id";
  }

  private ObjectNode apply(Allocator allocator, String op, JsonNode step, String where, int index) {
    switch (op) {
      case "addAgent" -> {
        if (step.has("used")) {
          allocator.addAgent(text(step, "id", where), resources(step, where), used(step, where));
        } else {
          allocator.addAgent(text(step, "id", where), resources(step, where));
        }
      }
      case "updateAgent" -> allocator.updateAgent(text(step, "id", where), resources(step, where));
      case "addResourceProvider" -> allocator.addResourceProvider(text(step, "agent", where), resources(step, where),
          step.has("used") ? used(step, where) : Map.of());
      case "removeAgent" -> allocator.removeAgent(text(step, "id", where));
      case "addFramework" -> {
        String id = text(step, "id", where);
        String role = step.has("role") ? role(step, where) : id;
        allocator.addFramework(id, role, capabilities(step, where));
      }
      case "removeFramework" -> allocator.removeFramework(text(step, "id", where));
      case "activateFramework" -> allocator.activateFramework(text(step, "id", where));
      case "deactivateFramework" -> allocator.deactivateFramework(text(step, "id", where));
      case "setWeight" -> allocator.setWeight(role(step, where), number(step, "weight", where));
      case "suppress" -> allocator.suppress(text(step, "framework", where));
      case "revive" -> allocator.revive(text(step, "framework", where));
      case "recover" -> {
        long now = advance(step, where);
        double refuse = step.has("refuseSeconds") ? number(step, "refuseSeconds", where) : 0;
        if (refuse < 0) {
          throw fail(where + ".refuseSeconds", "expected a number >= 0, found " + refuse);
        }
        allocator.recover(text(step, "framework", where), text(step, "agent", where), resources(step, where), refuse, now);
      }
      case "allocate" -> {
        long now = advance(step, where);
        List<Offer> offers;
        if (step.has("agents")) {
          JsonNode agents = step.get("agents");
          if (!agents.isArray()) {
            throw fail(where + ".agents", "expected an array of agent ids");
          }
          List<String> ids = new ArrayList<>();
          agents.forEach(a -> ids.add(a.asText()));
          offers = allocator.allocate(now, ids);
        } else {
          offers = allocator.allocate(now);
        }
        return allocation(index, offers);
      }
      default -> throw new IllegalStateException(op);
    }
    return null;
  }

  private static ObjectNode allocation(int index, List<Offer> offers) {
    // Merge offers of the same framework on the same agent (a static fraction can give several in one cycle).
    Map<List<String>, Resources> merged = new LinkedHashMap<>();
    for (Offer offer : offers) {
      merged.merge(List.of(offer.frameworkId(), offer.agentId()), offer.resources(), Resources::plus);
    }
    List<Map.Entry<List<String>, Resources>> sorted = new ArrayList<>(merged.entrySet());
    sorted.sort(Comparator.<Map.Entry<List<String>, Resources>, String>comparing(e -> e.getKey().get(0))
        .thenComparing(e -> e.getKey().get(1)));
    ObjectNode entry = JSON.createObjectNode();
    entry.put("step", index);
    ArrayNode list = entry.putArray("offers");
    for (var e : sorted) {
      ObjectNode o = list.addObject();
      o.put("framework", e.getKey().get(0));
      o.put("agent", e.getKey().get(1));
      o.put("resources", e.getValue().toString());
    }
    return entry;
  }

  /** Reads a role name: non-empty, as Mesos requires. A role needs no framework (setWeight may come first). */
  private String role(JsonNode step, String where) {
    String role = text(step, "role", where);
    if (role.isEmpty()) {
      throw fail(where + ".role", "expected a non-empty role name (Mesos rejects an empty role), found ''");
    }
    return role;
  }

  /** Reads {@code used}: framework id to what its tasks already use on the agent (Mesos' addSlave {@code used}). */
  private Map<String, Resources> used(JsonNode step, String where) {
    JsonNode node = step.get("used");
    String path = where + ".used";
    if (!node.isObject()) {
      throw fail(path, "expected an object of framework id to resources, such as {\"f1\": \"cpus:1;mem:512\"}");
    }
    Map<String, Resources> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getKey().isEmpty()) {
        throw fail(path, "expected a non-empty framework id, found ''");
      }
      if (!entry.getValue().isTextual()) {
        throw fail(path + "." + entry.getKey(), "expected a resources string, found " + entry.getValue());
      }
      try {
        out.put(entry.getKey(), Resources.parse(entry.getValue().asText()));
      } catch (IllegalArgumentException e) {
        throw fail(path + "." + entry.getKey(), e.getMessage());
      }
    }
    return out;
  }

  private Set<Capability> capabilities(JsonNode step, String where) {
    JsonNode list = step.get("capabilities");
    if (list == null) {
      return Set.of();
    }
    String path = where + ".capabilities";
    if (!list.isArray()) {
      throw fail(path, "expected an array of capability names, such as [\"GPU_RESOURCES\"]");
    }
    Set<Capability> out = EnumSet.noneOf(Capability.class);
    for (JsonNode item : list) {
      Capability capability = null;
      for (Capability c : Capability.values()) {
        if (item.isTextual() && c.name().equals(item.asText())) {
          capability = c;
        }
      }
      if (capability == null) {
        throw fail(path, "unknown capability " + item + ", expected one of " + Arrays.toString(Capability.values()));
      }
      out.add(capability);
    }
    return out;
  }

  private long advance(JsonNode step, String where) {
    double t = step.has("time") ? number(step, "time", where) : Math.max(time, 0);
    if (t < time) {
      throw fail(where + ".time", "time goes backwards: " + t + " after " + time);
    }
    if (t < 0) {
      throw fail(where + ".time", "expected a time >= 0, found " + t);
    }
    time = t;
    return Math.round(t * 1e6);
  }

  private Resources resources(JsonNode step, String where) {
    String text = text(step, "resources", where);
    try {
      return Resources.parse(text);
    } catch (IllegalArgumentException e) {
      throw fail(where + ".resources", e.getMessage());
    }
  }

  private String text(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    String path = where.isEmpty() ? field : where + "." + field;
    if (value == null || value.isNull()) {
      throw fail(path, "missing");
    }
    if (!value.isTextual()) {
      throw fail(path, "expected a string, found " + value);
    }
    return value.asText();
  }

  private double number(JsonNode node, String field, String where) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
      throw fail(where + "." + field, "expected a number, found " + value);
    }
    return value.asDouble();
  }

  private ScenarioException fail(String field, String message) {
    return new ScenarioException(file + ": " + (field.isEmpty() ? "" : field + ": ") + message);
  }
}
