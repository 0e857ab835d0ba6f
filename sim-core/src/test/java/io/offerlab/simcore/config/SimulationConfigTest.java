package io.offerlab.simcore.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.allocators.AllocatorOptions.Partition;
import io.offerlab.isolationmodel.IsolationConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings: defaults.yaml documents every knob; a user's YAML overrides it; bad keys and values fail by path. */
class SimulationConfigTest {
  private static String error(String yaml) {
    return assertThrows(IllegalArgumentException.class, () -> SimulationConfig.parse(yaml, "config.yaml"))
        .getMessage();
  }

  @Test
  void defaultsFollowMesos() {
    SimulationConfig c = SimulationConfig.defaults();
    assertEquals(1_000_000, c.master().allocationIntervalMicros());
    assertEquals(5.0, c.framework("anyone").refuseSeconds());
    assertEquals(100_000, c.framework("anyone").tJobMicros());
    assertEquals(5_000, c.framework("anyone").tTaskMicros());
    assertEquals(GangPolicy.HOLD, c.framework("anyone").gangPolicy());
    assertEquals(IsolationConfig.mesosCgroups(), c.isolation().toConfig());
    assertEquals(60_000_000, c.metrics().sampleIntervalMicros());
    assertEquals(0, c.agents().mtbfMicros());
  }

  /** A per-framework override is merged onto frameworks.default; the rest of the defaults stay. */
  @Test
  void userYamlDeepMergesOntoTheDefaults() {
    SimulationConfig c = SimulationConfig.parse("""
        master: {offerTimeout: 2m}
        frameworks:
          default: {tJob: 250ms}
          hadoop: {tTask: 1, role: batch}
        allocator:
          weights: {batch: 2}
          partitions: {a: 0.25, b: [a0, a1]}
        """, "config.yaml");
    assertEquals(120_000_000, c.master().offerTimeoutMicros());
    assertEquals(1_000_000, c.master().allocationIntervalMicros());
    assertEquals(250_000, c.framework("spark").tJobMicros());
    assertEquals(250_000, c.framework("hadoop").tJobMicros());
    assertEquals(1_000_000, c.framework("hadoop").tTaskMicros());
    assertEquals("batch", c.framework("hadoop").role());
    assertEquals("", c.framework("spark").role());
    assertEquals(2.0, c.allocator().weights().get("batch"));
    assertEquals(new Partition.Fraction(0.25), c.allocator().partitions().get("a"));
    assertTrue(c.allocator().partitions().get("b") instanceof Partition.Agents);
  }

  @Test
  void durationsTakeUnits() {
    assertEquals(1, Durations.parseMicros("1us"));
    assertEquals(1_500, Durations.parseMicros("1.5ms"));
    assertEquals(5_000_000, Durations.parseMicros("5s"));
    assertEquals(5_000_000, Durations.parseMicros("5"));
    assertEquals(120_000_000, Durations.parseMicros("2m"));
    assertEquals(3_600_000_000L, Durations.parseMicros("1h"));
    assertEquals(86_400_000_000L, Durations.parseMicros("1d"));
  }

  @Test
  void aNegativeDurationNamesTheKeysPath() {
    assertEquals("config.yaml: frameworks.default.tJob: expected a duration >= 0, found -1",
        error("frameworks: {default: {tJob: -1}}"));
    assertEquals("config.yaml: frameworks.spark.refuseSeconds: expected a duration >= 0, found -2s",
        error("frameworks: {spark: {refuseSeconds: -2s}}"));
  }

  @Test
  void unknownKeysFailWithTheirPath() {
    String message = error("frameworks: {hadoop: {tjob: 1}}");
    assertTrue(message.startsWith("config.yaml: frameworks.hadoop.tjob: unknown key; expected one of"), message);
    assertTrue(error("mastr: {}").startsWith("config.yaml: mastr: unknown key"), error("mastr: {}"));
    assertTrue(error("isolation: {cpus: quota}").startsWith("config.yaml: isolation.cpus: unknown key"));
  }

  @Test
  void badValuesSayWhatWasExpected() {
    assertEquals("config.yaml: isolation.cpu: expected shares, quota or none, found 'fast'",
        error("isolation: {cpu: fast}"));
    assertEquals("config.yaml: frameworks.default.gangPolicy: expected hold or decline, found 'wait'",
        error("frameworks: {default: {gangPolicy: wait}}"));
    assertEquals("config.yaml: frameworks.default.maxTasksPerOffer: expected an integer, found 'many'",
        error("frameworks: {default: {maxTasksPerOffer: many}}"));
    assertEquals("config.yaml: master.allocationInterval: expected a duration > 0, found 0",
        error("master: {allocationInterval: 0}"));
    assertTrue(error("isolation: {oversubscribe: true}").startsWith("config.yaml: isolation.oversubscribe:"));
    assertTrue(error("allocator: {weights: {a: 0}}").startsWith("config.yaml: allocator.weights.a: expected a number > 0"),
        error("allocator: {weights: {a: 0}}"));
    assertTrue(error("allocator: {partitions: {a: 1.5}}").startsWith("config.yaml: allocator.partitions.a:"),
        error("allocator: {partitions: {a: 1.5}}"));
  }

  @Test
  void slotSizeAndOfferSizeAreReadAndValidated() {
    var defaults = SimulationConfig.defaults().allocator();
    assertEquals(io.offerlab.allocators.Resources.parse("cpus:1;mem:2048"), defaults.slot());
    assertEquals(io.offerlab.allocators.OfferSize.WHOLE, defaults.offerSizeValue());
    assertTrue(!defaults.describe().containsKey("slotSize") && !defaults.describe().containsKey("offerSize"),
        "the defaults are not listed, so that existing results read as before");
    var set = SimulationConfig.parse("allocator: {slotSize: 'cpus:2;mem:4096', offerSize: fair-share}", "c").allocator();
    assertEquals(io.offerlab.allocators.Resources.parse("cpus:2;mem:4096"), set.slot());
    assertEquals(io.offerlab.allocators.OfferSize.FAIR_SHARE, set.offerSizeValue());
    assertEquals("cpus:2;mem:4096", set.describe().get("slotSize"));
    assertEquals("fair-share", set.describe().get("offerSize"));
    assertEquals("config.yaml: allocator.offerSize: expected an offer size 'whole' or 'fair-share', found 'half'",
        error("allocator: {offerSize: half}"));
    assertTrue(error("allocator: {slotSize: 'cpus:one'}").startsWith("config.yaml: allocator.slotSize: expected positive "
        + "scalar quantities like 'cpus:1;mem:2048'"), error("allocator: {slotSize: 'cpus:one'}"));
    assertTrue(error("allocator: {slotSize: 'ports:[1-2]'}").startsWith("config.yaml: allocator.slotSize: expected"),
        error("allocator: {slotSize: 'ports:[1-2]'}"));
    assertTrue(error("allocator: {slotSize: ''}").startsWith("config.yaml: allocator.slotSize: expected"),
        error("allocator: {slotSize: ''}"));
  }

  @Test
  void badYamlNamesTheLine() {
    String message = error("master:\n  allocationInterval: [1\n");
    assertTrue(message.startsWith("config.yaml:"), message);
    assertTrue(message.contains("expected valid YAML"), message);
    assertTrue(error("master: {offerLatency: 1}\nmaster: {offerTimeout: 1}").contains("Duplicate"),
        "duplicate keys are errors");
  }

  @Test
  void loadsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("run.yaml");
    Files.writeString(file, "metrics: {sampleInterval: 10s}\n");
    assertEquals(10_000_000, SimulationConfig.load(file).metrics().sampleIntervalMicros());
    Path missing = dir.resolve("missing.yaml");
    var e = assertThrows(IllegalArgumentException.class, () -> SimulationConfig.load(missing));
    assertEquals(missing + ": no such file", e.getMessage());
  }

  @Test
  void describeListsTheEffectiveSettings() {
    var map = SimulationConfig.parse("frameworks: {hadoop: {tJob: 2s}}", "c").describe();
    assertEquals(java.util.List.of("cluster", "master", "allocator", "frameworks", "agents", "isolation", "metrics",
        "simulation"), new java.util.ArrayList<>(map.keySet()));
    @SuppressWarnings("unchecked")
    var frameworks = (java.util.Map<String, java.util.Map<String, Object>>) map.get("frameworks");
    assertEquals(2.0, frameworks.get("hadoop").get("tJob"));
    assertEquals(0.1, frameworks.get("default").get("tJob"));
  }
}
