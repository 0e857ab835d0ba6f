package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link Allocator#updateAgent} and {@link Allocator#addResourceProvider} keep what frameworks hold, as Mesos'
 * {@code updateSlave} and {@code addResourceProvider} do, and a rejected provider changes nothing.
 */
final class AgentUpdateTest {
  private static Allocator heldAgent() {
    Allocator a = Allocators.create("drf", AllocatorOptions.defaults());
    a.addAgent("a1", Resources.parse("cpus:4;mem:400"));
    a.addFramework("f1", "r1");
    List<Offer> offers = a.allocate(0);
    assertEquals(1, offers.size());
    return a;
  }

  @Test
  void shrinkingBelowWhatIsHeldFreesNothingUntilEnoughIsRecovered() {
    Allocator a = heldAgent();
    a.updateAgent("a1", Resources.parse("cpus:2;mem:200"));
    assertEquals(Resources.parse("cpus:4;mem:400"), a.allocation("f1", "a1"));
    assertEquals(Resources.EMPTY, a.available("a1"));
    a.recover("f1", "a1", Resources.parse("cpus:3;mem:100"), 0, 0);
    assertEquals(Resources.parse("cpus:1"), a.available("a1"));
    a.recover("f1", "a1", Resources.parse("cpus:1;mem:300"), 0, 0);
    assertEquals(Resources.parse("cpus:2;mem:200"), a.available("a1"));
  }

  @Test
  void aProviderWhoseUsesDoNotFitChangesNothing() {
    Allocator a = heldAgent();
    a.recover("f1", "a1", Resources.parse("cpus:1"), 0, 0);
    assertThrows(IllegalArgumentException.class,
        () -> a.addResourceProvider("a1", Resources.parse("cpus:1"), Map.of("f1", Resources.parse("cpus:3"))));
    assertEquals(Resources.parse("cpus:1"), a.available("a1"));
    assertEquals(Resources.parse("cpus:3;mem:400"), a.allocation("f1", "a1"));
    a.addResourceProvider("a1", Resources.parse("cpus:1"), Map.of("f1", Resources.parse("cpus:2")));
    assertEquals(Resources.EMPTY, a.available("a1"));
    assertEquals(Resources.parse("cpus:5;mem:400"), a.allocation("f1", "a1"));
  }
}
