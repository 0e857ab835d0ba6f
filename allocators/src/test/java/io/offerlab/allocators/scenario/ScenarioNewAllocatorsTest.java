package io.offerlab.allocators.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario files name the allocators of issue 19 and their options ({@code slotSize}, {@code offerSize}), and the
 * offers are those worked by hand in each case's comment.
 */
final class ScenarioNewAllocatorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A slot of &lt;2 CPUs, 1 GB&gt;: a1 &lt;5 CPUs, 4 GB&gt; has min(2, 4) = 2 slots; a2 &lt;1, 8 GB&gt; none. */
  @Test
  void slotsWithASlotSizeOption() throws Exception {
    assertEquals(List.of("A a1 cpus:4;mem:2048"), offers("""
        {"allocator": "slots", "options": {"slotSize": "cpus:2;mem:1024"}, "steps": [
          {"op": "addAgent", "id": "a1", "resources": "cpus:5;mem:4096"},
          {"op": "addAgent", "id": "a2", "resources": "cpus:1;mem:8192"},
          {"op": "addFramework", "id": "A", "role": "r1"},
          {"op": "allocate", "time": 0}
        ]}"""));
  }

  /**
   * Two roles of weight 1, one framework each: f = 1/2. a1 &lt;4 CPUs, 4 GB&gt; and a2 &lt;4, 4 GB&gt; (total &lt;8,
   * 8 GB&gt;): a1 to A, g = 1/2: all of a1 (min(&lt;4, 4 GB&gt;, &lt;4, 4 GB&gt;)); a2 to B likewise. Then A returns
   * &lt;3 CPUs, 3 GB&gt; (dominant share 1/8), and the next cycle offers a1's &lt;3, 3 GB&gt; to A, g = 3/8: all of it.
   */
  @Test
  void drfWithFairShareOfferSize() throws Exception {
    String steps = """
          {"op": "addAgent", "id": "a1", "resources": "cpus:4;mem:4096"},
          {"op": "addAgent", "id": "a2", "resources": "cpus:4;mem:4096"},
          {"op": "addFramework", "id": "A", "role": "r1"},
          {"op": "addFramework", "id": "B", "role": "r2"},
          {"op": "allocate", "time": 0},
          {"op": "recover", "framework": "A", "agent": "a1", "resources": "cpus:3;mem:3072", "time": 1},
          {"op": "allocate", "time": 2}
        ]}""";
    List<String> expected = List.of("A a1 cpus:4;mem:4096", "B a2 cpus:4;mem:4096", "A a1 cpus:3;mem:3072");
    assertEquals(expected, offers("{\"allocator\": \"drf\", \"options\": {\"offerSize\": \"fair-share\"}, \"steps\": ["
        + steps));
    assertEquals(expected, offers("{\"allocator\": \"drf-sized\", \"steps\": [" + steps));
  }

  private static List<String> offers(String scenario) throws Exception {
    JsonNode root = JSON.readTree(ScenarioRunner.run("case.json", scenario));
    List<String> out = new ArrayList<>();
    for (JsonNode allocation : root.get("allocations")) {
      for (JsonNode o : allocation.get("offers")) {
        out.add(o.get("framework").asText() + " " + o.get("agent").asText() + " " + o.get("resources").asText());
      }
    }
    return out;
  }
}
