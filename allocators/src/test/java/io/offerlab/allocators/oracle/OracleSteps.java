package io.offerlab.allocators.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a scenario step back from JSON, for the hand-written regression scenarios. */
final class OracleSteps {
  private OracleSteps() {}

  static OracleStep fromJson(JsonNode step) {
    String op = step.get("op").asText();
    return switch (op) {
      case "addAgent" -> {
        java.util.Map<String, String> used = new java.util.LinkedHashMap<>();
        if (step.has("used")) {
          step.get("used").fields().forEachRemaining(e -> used.put(e.getKey(), e.getValue().asText()));
        }
        yield new OracleStep.AddAgent(text(step, "id"), text(step, "resources"), used);
      }
      case "updateAgent" -> new OracleStep.UpdateAgent(text(step, "id"), text(step, "resources"));
      case "addResourceProvider" -> {
        java.util.Map<String, String> used = new java.util.LinkedHashMap<>();
        if (step.has("used")) {
          step.get("used").fields().forEachRemaining(e -> used.put(e.getKey(), e.getValue().asText()));
        }
        yield new OracleStep.AddResourceProvider(text(step, "agent"), text(step, "resources"), used);
      }
      case "removeAgent" -> new OracleStep.RemoveAgent(text(step, "id"));
      case "addFramework" -> new OracleStep.AddFramework(text(step, "id"),
          step.has("role") ? text(step, "role") : text(step, "id"),
          step.has("capabilities") && step.get("capabilities").toString().contains("GPU_RESOURCES"));
      case "removeFramework" -> new OracleStep.RemoveFramework(text(step, "id"));
      case "activateFramework" -> new OracleStep.Activate(text(step, "id"));
      case "deactivateFramework" -> new OracleStep.Deactivate(text(step, "id"));
      case "suppress" -> new OracleStep.Suppress(text(step, "framework"));
      case "revive" -> new OracleStep.Revive(text(step, "framework"));
      case "setWeight" -> new OracleStep.SetWeight(text(step, "role"), step.get("weight").asDouble());
      case "recover" -> new OracleStep.Recover(text(step, "framework"), text(step, "agent"), text(step, "resources"),
          step.has("refuseSeconds") ? step.get("refuseSeconds").asDouble() : null,
          step.has("time") ? step.get("time").asDouble() : null);
      case "allocate" -> {
        List<String> agents = null;
        if (step.has("agents")) {
          agents = new ArrayList<>();
          for (JsonNode a : step.get("agents")) {
            agents.add(a.asText());
          }
        }
        yield new OracleStep.Allocate(step.has("time") ? step.get("time").asDouble() : null, agents);
      }
      default -> throw new IllegalArgumentException("unknown op " + op);
    };
  }

  private static String text(JsonNode step, String field) {
    return step.get(field).asText();
  }
}
