package io.offerlab.realruntime.agent;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.offerlab.realruntime.cgroups.CgroupHost;

/**
 * Whether real cgroups v1 can be used here. Tests that need them skip when they cannot, unless the environment sets
 * {@code OFFERLAB_REQUIRE_CGROUPS=1} (CI does), which turns "unavailable" into a failure.
 */
final class Cgroups {
  private Cgroups() {
  }

  static CgroupHost requireV1() {
    String why = CgroupHost.whyNotUsableV1();
    if (why != null) {
      if ("1".equals(System.getenv("OFFERLAB_REQUIRE_CGROUPS"))) {
        fail("OFFERLAB_REQUIRE_CGROUPS=1 but cgroups are unavailable: " + why);
      }
      assumeTrue(false, why);
    }
    try {
      return CgroupHost.detect();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
