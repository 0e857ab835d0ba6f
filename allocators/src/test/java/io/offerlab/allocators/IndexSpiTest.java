package io.offerlab.allocators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The index-based SPI (batch allocate into a reused {@link OfferBatch}, recover by index) gives exactly the offers the
 * String-id methods give, for every allocator, ranges included; and the interface's defaults, built on the String-id
 * methods, give the same for an implementation that overrides none of them (a plain forwarding wrapper).
 */
class IndexSpiTest {
  private static final long SECOND = 1_000_000;

  @Test
  void batchAndIndexRecoverMatchTheStringPathForEveryAllocator() {
    for (String name : Allocators.names()) {
      AllocatorOptions options = AllocatorOptions.defaults().withSeed(7).withShuffleAgents(true);
      assertSamePath(name, Allocators.create(name, options), Allocators.create(name, options));
    }
  }

  @Test
  void theDefaultsWorkForAWrapperThatForwardsOnlyTheStringMethods() {
    AllocatorOptions options = AllocatorOptions.defaults().withSeed(3).withShuffleAgents(true);
    Allocator inner = Allocators.create("drf", options);
    InvocationHandler forward = (proxy, method, args) -> method.isDefault()
        ? InvocationHandler.invokeDefault(proxy, method, args) : method.invoke(inner, args);
    Allocator wrapper = (Allocator) Proxy.newProxyInstance(Allocator.class.getClassLoader(),
        new Class<?>[] {Allocator.class}, forward);
    assertSamePath("drf (default methods)", Allocators.create("drf", options), wrapper);
  }

  @Test
  void indicesMapToIdsAndUnknownOnesFail() {
    Allocator a = Allocators.create("drf", AllocatorOptions.defaults());
    a.addAgent("x", Resources.parse("cpus:1"));
    a.addAgent("y", Resources.parse("cpus:1"));
    a.addFramework("f", "r");
    assertEquals(1, a.agentIndex("y"));
    assertEquals("y", a.agentId(1));
    assertEquals(0, a.frameworkIndex("f"));
    assertEquals("f", a.frameworkId(0));
    assertEquals(-1, a.agentIndex("nope"));
    assertEquals(-1, a.frameworkIndex("nope"));
    a.removeAgent("x");
    a.addAgent("x", Resources.parse("cpus:1"));
    assertEquals(2, a.agentIndex("x"), "an id added again gets a new index");
    assertThrows(IllegalArgumentException.class, () -> a.recover(5, 0, new long[] {1000}, 0, 0));
    OfferBatch batch = new OfferBatch(1);
    a.allocate(0, batch);
    assertEquals(2, batch.size());
    assertThrows(IndexOutOfBoundsException.class, () -> batch.agent(2));
  }

  /** Drives both allocators with the same seeded calls, one through String ids and lists, one through indices. */
  private static void assertSamePath(String name, Allocator byId, Allocator byIndex) {
    String[] agents = new String[12];
    for (int i = 0; i < agents.length; i++) {
      agents[i] = "agent-" + i;
      String total = i % 4 == 3 ? "cpus:4;mem:2048;ports:[31000-31009]" : "cpus:" + (2 + i % 3) + ";mem:4096";
      byId.addAgent(agents[i], Resources.parse(total));
      byIndex.addAgent(agents[i], Resources.parse(total));
    }
    for (int f = 0; f < 5; f++) {
      byId.addFramework("fw-" + f, "role-" + f % 2);
      byIndex.addFramework("fw-" + f, "role-" + f % 2);
    }
    SplittableRandom random = new SplittableRandom(11);
    OfferBatch batch = new OfferBatch(2);
    for (int step = 0; step < 40; step++) {
      long now = step * SECOND;
      List<Offer> expected = byId.allocate(now);
      byIndex.allocate(now, batch);
      List<Offer> actual = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        actual.add(new Offer(byIndex.frameworkId(batch.framework(i)), byIndex.agentId(batch.agent(i)),
            batch.resources(i)));
        assertEquals(batch.resources(i).hasRanges(), batch.hasRanges(i));
      }
      assertEquals(expected, actual, name + " at step " + step);
      for (int i = 0; i < expected.size(); i++) {
        Offer offer = expected.get(i);
        double refuse = random.nextInt(3) * 1.5;
        if (random.nextInt(3) == 0 && !offer.resources().hasRanges()) {
          Resources keep = Resources.parse("cpus:1;mem:512");
          Resources back = offer.resources().minus(keep.min(offer.resources()));
          byId.recover(offer.frameworkId(), offer.agentId(), back, refuse, now);
          long[] milli = new long[Math.max(batch.kinds(), 2)];
          batch.copyMilli(i, milli);
          milli[OfferBatch.CPUS] -= Math.min(1000, milli[OfferBatch.CPUS]);
          milli[OfferBatch.MEM] -= Math.min(512_000, milli[OfferBatch.MEM]);
          byIndex.recover(batch.framework(i), batch.agent(i), milli, refuse, now);
        } else {
          byId.recover(offer.frameworkId(), offer.agentId(), offer.resources(), refuse, now);
          byIndex.recover(batch, i, refuse, now);
        }
        assertEquals(byId.available(offer.agentId()), byIndex.available(offer.agentId()));
      }
      if (step % 7 == 6) {
        byId.revive("fw-1");
        byIndex.revive("fw-1");
      }
    }
  }
}
