package io.offerlab.simcore.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Configs name no empty role (Mesos rejects an empty role), and a cluster whose total would overflow the allocator's
 * 64-bit thousandths is a clear error before the run, never a wrap (issue 10, items 7 and 8).
 */
class EmptyRoleAndOverflowConfigTest {
  private static String error(String yaml) {
    return assertThrows(IllegalArgumentException.class, () -> SimulationConfig.parse(yaml, "config.yaml"))
        .getMessage();
  }

  @Test
  void emptyRoleNamesAreRejected() {
    for (String yaml : new String[] {
        "allocator: {weights: {'': 2}}", "allocator: {priorities: {'': 1}}",
        "allocator: {partitions: {'': 0.5}}", "allocator: {partitionRoles: [a, '']}"}) {
      String message = error(yaml);
      assertTrue(message.contains("config.yaml") && message.contains("empty role"), yaml + " -> " + message);
    }
  }

  @Test
  void clusterWhoseTotalWouldOverflowIsAnError() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ClusterSpec.parse("uniform:2:cpus:4;mem:9000000000000000", Optional.empty()));
    assertTrue(e.getMessage().startsWith("cluster 'uniform:2:") && e.getMessage().contains("mem")
        && e.getMessage().contains("overflow"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
