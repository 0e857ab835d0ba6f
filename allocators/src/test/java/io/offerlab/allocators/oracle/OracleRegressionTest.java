package io.offerlab.allocators.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.offerlab.allocators.oracle.NaiveOracle.OfferLine;
import io.offerlab.allocators.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal scenarios on which the oracle property once found an allocator disagreeing with the contract, kept as
 * plain tests so that they run first and name the rule. Each compares the allocator, run through
 * {@link ScenarioRunner}, with {@link NaiveOracle} on the same steps.
 */
final class OracleRegressionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The random allocator draws at every agent visit, also on idle cycles: its shortcuts used to skip the visits of an
   * agent on which every framework was filtered (and whole idle cycles), so the draws of later cycles came from
   * another place in the stream than the same calls without the shortcuts give.
   */
  @Test
  void randomAllocatorDrawsAtEveryVisitEvenWhenNothingCanBeOffered() {
    for (long seed = 0; seed < 10; seed++) {
      assertSameOffers("random", seed, """
        {"op": "addAgent", "id": "a0", "resources": "cpus:4;mem:8192"},
        {"op": "addFramework", "id": "f0", "role": "r0"},
        {"op": "allocate"},
        {"op": "recover", "framework": "f0", "agent": "a0", "resources": "cpus:4;mem:8192", "refuseSeconds": 0.1},
        {"op": "allocate"},
        {"op": "allocate"},
        {"op": "allocate"},
        {"op": "addFramework", "id": "f1", "role": "r0"},
        {"op": "addFramework", "id": "f2", "role": "r0"},
        {"op": "allocate", "time": 0.1, "agents": ["a0"]}""");
    }
  }

  private static void assertSameOffers(String allocator, long seed, String steps) {
    String scenario = "{\"allocator\": \"" + allocator + "\", \"seed\": " + seed + ", \"steps\": [" + steps + "]}";
    JsonNode root = read(scenario);
    NaiveOracle oracle = new NaiveOracle(OracleConfig.of(allocator, seed));
    List<String> expected = new ArrayList<>();
    int index = 0;
    for (JsonNode step : root.get("steps")) {
      List<OfferLine> offers = oracle.apply(OracleSteps.fromJson(step));
      if (offers != null) {
        expected.add(index + " " + offers);
      }
      index++;
    }
    List<String> actual = new ArrayList<>();
    for (JsonNode allocation : read(ScenarioRunner.run("regression.json", scenario)).get("allocations")) {
      List<OfferLine> offers = new ArrayList<>();
      for (JsonNode o : allocation.get("offers")) {
        offers.add(new OfferLine(o.get("framework").asText(), o.get("agent").asText(), o.get("resources").asText()));
      }
      actual.add(allocation.get("step").asInt() + " " + offers);
    }
    assertEquals(expected, actual);
  }

  private static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
