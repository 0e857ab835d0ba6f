package io.offerlab.allocators.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.offerlab.allocators.Allocator;
import io.offerlab.allocators.AllocatorOptions;
import io.offerlab.allocators.Allocators;
import io.offerlab.allocators.Offer;
import io.offerlab.allocators.Resources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The DRF paper's worked example (Ghodsi et al., NSDI 2011, section 4) played against the {@code drf} allocator through
 * its API, with the frameworks' rule written out instead of hand-computed: on each offer a framework launches one
 * task if it fits and returns the rest without a filter. The allocator must settle with A running 3 tasks of
 * <1 CPU, 4 GB> and B 2 tasks of <3 CPUs, 1 GB>, both at dominant share 2/3, and the offers made on the way must be
 * those {@code offerlab/DrfPaperExample.expected.json} pins for the scenario version.
 */
final class ScenarioDrfPaperExampleTest {
  private static final Resources TOTAL = Resources.parse("cpus:9;mem:18432");
  private static final Map<String, Resources> TASK = Map.of(
      "A", Resources.parse("cpus:1;mem:4096"),
      "B", Resources.parse("cpus:3;mem:1024"));

  @Test
  void frameworksLaunchingOneTaskPerOfferEndAtThreeAndTwoTasks() {
    Allocator drf = Allocators.create("drf", AllocatorOptions.defaults());
    drf.addAgent("s1", TOTAL);
    drf.addFramework("A", "A");
    drf.addFramework("B", "B");
    Map<String, Integer> tasks = new HashMap<>(Map.of("A", 0, "B", 0));
    List<String> offers = new ArrayList<>();
    int idleCycles = 0;
    for (int cycle = 0; cycle < 50 && idleCycles < 2; cycle++) {
      long now = cycle * 1_000_000L;
      boolean launched = false;
      for (Offer offer : drf.allocate(now)) {
        offers.add(offer.frameworkId() + " " + offer.resources());
        Resources task = TASK.get(offer.frameworkId());
        Resources returned = offer.resources();
        if (offer.resources().contains(task)) {
          tasks.merge(offer.frameworkId(), 1, Integer::sum);
          returned = returned.minus(task);
          launched = true;
        }
        drf.recover(offer.frameworkId(), offer.agentId(), returned, 0, now);
      }
      idleCycles = launched ? 0 : idleCycles + 1;
    }
    assertEquals(Map.of("A", 3, "B", 2), tasks);
    assertEquals(Resources.parse("cpus:3;mem:12288"), drf.allocation("A", "s1"));
    assertEquals(Resources.parse("cpus:6;mem:2048"), drf.allocation("B", "s1"));
    assertEquals(2.0 / 3, drf.allocation("A", "s1").dominantShare(TOTAL), 1e-12);
    assertEquals(2.0 / 3, drf.allocation("B", "s1").dominantShare(TOTAL), 1e-12);
    assertEquals(expectedOffersOfTheScenario(), offers);
  }

  private static List<String> expectedOffersOfTheScenario() {
    JsonNode expected = ScenarioFiles.read(ScenarioFiles.root().resolve("offerlab/DrfPaperExample.expected.json"));
    List<String> offers = new ArrayList<>();
    for (JsonNode allocation : expected.get("allocations")) {
      for (JsonNode offer : allocation.get("offers")) {
        offers.add(offer.get("framework").asText() + " " + offer.get("resources").asText());
      }
    }
    return offers;
  }
}
