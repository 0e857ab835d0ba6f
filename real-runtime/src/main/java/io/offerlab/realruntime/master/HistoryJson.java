package io.offerlab.realruntime.master;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code GET /metrics/history}: the master's ring of samples as JSON, oldest first, with the name and role of every
 * framework a sample mentions (the schema is in docs/real-runtime.md, "Web UI"). Mesos has no such endpoint; its
 * resource maps have the shape of {@code /master/state}'s (cpus, gpus, mem and disk always present).
 */
final class HistoryJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  /** What the history shows of a framework. */
  record Label(String name, String role) {
  }

  private HistoryJson() {
  }

  /** Write {@code history}; {@code labels} gives a framework's name and role by id, or null when it is unknown. */
  static String write(MetricsHistory history, Function<String, Label> labels) {
    List<MetricsSample> samples = history.samples();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("interval_seconds", BigDecimal.valueOf(history.intervalMillis()).movePointLeft(3)
        .stripTrailingZeros());
    root.put("capacity", history.capacity());
    var known = new LinkedHashMap<String, Label>();
    for (MetricsSample s : samples) {
      for (String id : s.shares().keySet()) {
        if (!known.containsKey(id)) {
          known.put(id, labels.apply(id));
        }
      }
    }
    ObjectNode frameworks = root.putObject("frameworks");
    for (Map.Entry<String, Label> e : known.entrySet()) {
      ObjectNode f = frameworks.putObject(e.getKey());
      f.put("name", e.getValue() == null ? "" : e.getValue().name());
      f.put("role", e.getValue() == null ? "" : e.getValue().role());
    }
    var array = root.putArray("samples");
    for (MetricsSample s : samples) {
      ObjectNode node = array.addObject();
      node.put("time", BigDecimal.valueOf(s.time()));
      node.put("agents", s.agents());
      node.put("tasks_running", s.tasksRunning());
      node.set("total", StateJson.flat(s.total()));
      node.set("used", StateJson.flat(s.used()));
      node.set("offered", StateJson.flat(s.offered()));
      ObjectNode shares = node.putObject("dominant_shares");
      s.shares().forEach(shares::put);
    }
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the metrics history", e);
    }
  }
}
