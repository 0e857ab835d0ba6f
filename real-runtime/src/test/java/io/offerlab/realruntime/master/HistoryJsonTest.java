package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.allocators.Resources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /metrics/history}'s JSON: the documented fields, samples oldest first, and a label per framework seen. */
class HistoryJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void samplesAreWrittenOldestFirstWithResourcesSharesAndFrameworkLabels() throws Exception {
    var history = new MetricsHistory(2, 250);
    history.add(new MetricsSample(1796026940.5, 1, 0, Resources.of(4, 1024, 0, 0), Resources.EMPTY,
        Resources.of(4, 1024, 0, 0), Map.of("F1", 1.0)));
    var shares = new LinkedHashMap<String, Double>();
    shares.put("F1", 0.75);
    shares.put("F2", 0.125);
    history.add(new MetricsSample(1796026945.75, 1, 2, Resources.of(4, 1024, 0, 0), Resources.of(1, 128, 0, 0),
        Resources.of(2, 512, 0, 0), shares));
    history.add(new MetricsSample(1796026950.0, 2, 3, Resources.of(8, 2048, 10, 0), Resources.of(2, 256, 0, 0),
        Resources.of(0.5, 64, 0, 0), shares));
    String json = HistoryJson.write(history, id -> id.equals("F1") ? new HistoryJson.Label("spark", "analytics")
        : null);
    assertTrue(json.contains("\"time\":1796026945.75,"), "times as plain decimals: " + json);
    JsonNode root = MAPPER.readTree(json);
    assertEquals(0.25, root.path("interval_seconds").asDouble());
    assertEquals(2, root.path("capacity").asInt());
    assertEquals(List.of("F1", "F2"), names(root.path("frameworks")));
    assertEquals("spark", root.path("frameworks").path("F1").path("name").asText());
    assertEquals("analytics", root.path("frameworks").path("F1").path("role").asText());
    assertEquals("", root.path("frameworks").path("F2").path("name").asText(), "an unknown framework is unnamed");
    JsonNode samples = root.path("samples");
    assertEquals(2, samples.size(), "the ring of two dropped the oldest");
    JsonNode first = samples.get(0);
    assertEquals(1796026945.75, first.path("time").asDouble());
    assertEquals(1, first.path("agents").asInt());
    assertEquals(2, first.path("tasks_running").asInt());
    assertEquals(4.0, first.path("total").path("cpus").asDouble());
    assertEquals(1024.0, first.path("total").path("mem").asDouble());
    assertEquals(0.0, first.path("total").path("gpus").asDouble(), "cpus, gpus, mem and disk always present");
    assertEquals(0.0, first.path("total").path("disk").asDouble());
    assertEquals(1.0, first.path("used").path("cpus").asDouble());
    assertEquals(512.0, first.path("offered").path("mem").asDouble());
    assertEquals(List.of("F1", "F2"), names(first.path("dominant_shares")));
    assertEquals(0.125, first.path("dominant_shares").path("F2").asDouble());
    JsonNode second = samples.get(1);
    assertEquals(1796026950.0, second.path("time").asDouble());
    assertEquals(10.0, second.path("total").path("disk").asDouble());
    assertEquals(0.5, second.path("offered").path("cpus").asDouble());
  }

  @Test
  void anEmptyHistoryHasNoSamplesAndNoFrameworks() throws Exception {
    String json = HistoryJson.write(new MetricsHistory(720, 5_000), id -> null);
    assertTrue(json.startsWith("{\"interval_seconds\":5,"), json);
    JsonNode root = MAPPER.readTree(json);
    assertEquals(5.0, root.path("interval_seconds").asDouble());
    assertEquals(720, root.path("capacity").asInt());
    assertEquals(0, root.path("samples").size());
    assertEquals(0, root.path("frameworks").size());
  }

  private static List<String> names(JsonNode object) {
    var out = new java.util.ArrayList<String>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
