package io.offerlab.realruntime.agent;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.offerlab.realruntime.cgroups.CgroupHost;
import java.nio.file.Files;

/**
 * Whether real cgroups v1 can be used here. Tests that need them skip when they cannot, unless the environment sets
 * {@code OFFERLAB_REQUIRE_CGROUPS=1} (CI does), which turns "unavailable" into a failure.
 */
final class Cgroups {
  private Cgroups() {
  }

  static CgroupHost requireV1() {
    String why = null;
    CgroupHost host = null;
    try {
      host = CgroupHost.detect();
      if (host.version() != 1) {
        why = "this host mounts cgroups v" + host.version() + "; the real tests need v1";
      } else {
        for (String c : new String[] {"cpu", "cpuacct", "memory", "freezer", "cpuset"}) {
          if (host.controllerDirs().get(c) == null || !Files.isWritable(host.controllerDirs().get(c))) {
            why = "the v1 '" + c + "' controller is not mounted writable";
          }
        }
      }
    } catch (Exception e) {
      why = "cannot read cgroups: " + e.getMessage();
    }
    if (why != null) {
      if ("1".equals(System.getenv("OFFERLAB_REQUIRE_CGROUPS"))) {
        fail("OFFERLAB_REQUIRE_CGROUPS=1 but cgroups are unavailable: " + why);
      }
      assumeTrue(false, why);
    }
    return host;
  }
}
