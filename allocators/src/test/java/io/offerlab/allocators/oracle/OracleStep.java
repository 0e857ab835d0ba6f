package io.offerlab.allocators.oracle;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One scenario step (ARCHITECTURE.md section 4), as the oracle and the scenario file both read it. */
sealed interface OracleStep {
  /** Writes the step as a scenario file's JSON object. */
  ObjectNode toJson();

  private static ObjectNode op(String name) {
    return JsonNodeFactory.instance.objectNode().put("op", name);
  }

  /** {@code addAgent}; {@code used} (framework id to resources, in file order) is left out of the file when empty. */
  record AddAgent(String id, String resources, java.util.Map<String, String> used) implements OracleStep {
    AddAgent(String id, String resources) {
      this(id, resources, java.util.Map.of());
    }

    @Override
    public ObjectNode toJson() {
      ObjectNode node = op("addAgent").put("id", id).put("resources", resources);
      if (!used.isEmpty()) {
        ObjectNode map = node.putObject("used");
        used.forEach(map::put);
      }
      return node;
    }
  }

  /** {@code updateAgent}. */
  record UpdateAgent(String id, String resources) implements OracleStep {
    @Override
    public ObjectNode toJson() {
      return op("updateAgent").put("id", id).put("resources", resources);
    }
  }

  /** {@code addResourceProvider}; {@code used} (framework id to resources) is left out of the file when empty. */
  record AddResourceProvider(String agent, String resources, java.util.Map<String, String> used)
      implements OracleStep {
    @Override
    public ObjectNode toJson() {
      ObjectNode node = op("addResourceProvider").put("agent", agent).put("resources", resources);
      if (!used.isEmpty()) {
        ObjectNode map = node.putObject("used");
        used.forEach(map::put);
      }
      return node;
    }
  }

  /** {@code removeAgent}. */
  record RemoveAgent(String id) implements OracleStep {
    @Override
    public ObjectNode toJson() {
      return op("removeAgent").put("id", id);
    }
  }

  /** {@code addFramework}, with the {@code GPU_RESOURCES} capability or not. */
  record AddFramework(String id, String role, boolean gpu) implements OracleStep {
    @Override
    public ObjectNode toJson() {
      ObjectNode node = op("addFramework").put("id", id).put("role", role);
      if (gpu) {
        node.putArray("capabilities").add("GPU_RESOURCES");
      }
      return node;
    }
  }

  /** {@code removeFramework}. */
  record RemoveFramework(String id) implements OracleStep {
    @Override
    public ObjectNode toJson() {
      return op("removeFramework").put("id", id);
    }
  }

  /** {@code activateFramework}. */
  record Activate(String id) implements OracleStep {
    @Override
    public ObjectNode toJson() {
      return op("activateFramework").put("id", id);
    }
  }

  /** {@code deactivateFramework}. */
  record Deactivate(String id) implements OracleStep {
    @Override
    public ObjectNode toJson() {
      return op("deactivateFramework").put("id", id);
    }
  }

  /** {@code suppress}. */
  record Suppress(String framework) implements OracleStep {
    @Override
    public ObjectNode toJson() {
      return op("suppress").put("framework", framework);
    }
  }

  /** {@code revive}. */
  record Revive(String framework) implements OracleStep {
    @Override
    public ObjectNode toJson() {
      return op("revive").put("framework", framework);
    }
  }

  /** {@code setWeight}. */
  record SetWeight(String role, double weight) implements OracleStep {
    @Override
    public ObjectNode toJson() {
      return op("setWeight").put("role", role).put("weight", weight);
    }
  }

  /** {@code recover}; a null {@code refuseSeconds} or {@code time} is left out of the file. */
  record Recover(String framework, String agent, String resources, Double refuseSeconds, Double time)
      implements OracleStep {
    @Override
    public ObjectNode toJson() {
      ObjectNode node = op("recover").put("framework", framework).put("agent", agent).put("resources", resources);
      if (refuseSeconds != null) {
        node.put("refuseSeconds", refuseSeconds);
      }
      if (time != null) {
        node.put("time", time);
      }
      return node;
    }
  }

  /** {@code allocate}; a null {@code time} or {@code agents} is left out of the file. */
  record Allocate(Double time, List<String> agents) implements OracleStep {
    @Override
    public ObjectNode toJson() {
      ObjectNode node = op("allocate");
      if (time != null) {
        node.put("time", time);
      }
      if (agents != null) {
        ArrayNode list = node.putArray("agents");
        agents.forEach(list::add);
      }
      return node;
    }
  }
}
