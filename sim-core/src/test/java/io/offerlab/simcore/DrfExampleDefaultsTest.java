package io.offerlab.simcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synthetic:drf-example} run with nothing but its defaults gives the DRF paper's answer (Ghodsi et al., NSDI
 * 2011, section 4): A runs 3 tasks and B 2, because the mix suggests {@code maxTasksPerOffer: 1}. A run's config still
 * overrides the suggestion: with no limit per offer, A's first offer (the whole agent) takes 4 tasks and B gets 1.
 */
class DrfExampleDefaultsTest {
  private static List<Map<String, String>> run(Path dir, Path config) {
    Simulations.run(new RunSpec("synthetic:drf-example", Map.of("synthetic.tasks", "40"), "drf", null, config, 1),
        dir, ProgressListener.NONE);
    return Fixtures.csv(dir.resolve("timeseries.csv"));
  }

  @Test
  void defaultsGiveThreeTasksOfAAndTwoOfB(@TempDir Path dir) {
    List<Map<String, String>> rows = run(dir.resolve("run"), null);
    // Every task runs 60 s and the sample interval is 60 s: a row's mean holds the gap while a task is replaced.
    for (Map<String, String> row : rows.subList(1, Math.min(rows.size(), 10))) {
      double a = Fixtures.number(row, "cpus:A");
      double b = Fixtures.number(row, "cpus:B");
      assertTrue(a > 2.8 && a <= 3.0, "A holds 3 CPUs (3 tasks) at " + row.get("time_s") + ": " + a);
      assertTrue(b > 5.6 && b <= 6.0, "B holds 6 CPUs (2 tasks) at " + row.get("time_s") + ": " + b);
    }
  }

  @Test
  void theRunsConfigOverridesTheSuggestion(@TempDir Path dir) throws Exception {
    Path config = Files.writeString(dir.resolve("config.yaml"), "frameworks: {default: {maxTasksPerOffer: 0}}\n");
    List<Map<String, String>> rows = run(dir.resolve("run"), config);
    Map<String, String> row = rows.get(3);
    assertEquals(4.0, Math.ceil(Fixtures.number(row, "cpus:A")), "A takes 4 tasks from one offer: " + row);
    assertEquals(3.0, Math.ceil(Fixtures.number(row, "cpus:B")), "B is left 1 task: " + row);
  }
}
