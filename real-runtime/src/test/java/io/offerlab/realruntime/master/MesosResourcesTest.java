package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.offerlab.allocators.Ranges;
import io.offerlab.allocators.Resources;
import io.offerlab.realruntime.agent.AgentResources;
import org.junit.jupiter.api.Test;

/** Mesos resources to the allocators' vector and back, ranges included, and Mesos' flat map of /master/state. */
class MesosResourcesTest {
  @Test
  void scalarsAndRangesRoundTrip() {
    var mesos = AgentResources.parse("cpus:2.5;mem:1024;ports:[31000-31004,31007-32000]");
    Resources vector = MesosResources.toVector(mesos);
    assertEquals(2.5, vector.cpus());
    assertEquals(Ranges.of(31000, 31004, 31007, 32000), vector.ranges("ports"));
    assertEquals(mesos.size(), MesosResources.toMesos(vector).size());
    assertEquals(vector, MesosResources.toVector(MesosResources.toMesos(vector)));
    assertEquals("{\"cpus\":2.5,\"gpus\":0.0,\"mem\":1024.0,\"disk\":0.0,\"ports\":\"[31000-31004, 31007-32000]\"}",
        StateJson.flat(mesos).toString());
    assertEquals(StateJson.flat(mesos), StateJson.flat(vector));
  }
}
