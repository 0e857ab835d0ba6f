package io.offerlab.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Checks the two queues of {@link EventQueueBenchmark} run the same hold model; no timing. */
class EventQueueBenchmarkTest {

  /** Fed the same delays, the engine and the plain heap pop the same non-decreasing times and keep N pending. */
  @Test
  void engineAndPlainHeapPopTheSameTimes() {
    EventQueueBenchmark forEngine = benchmark(300);
    EventQueueBenchmark.EngineQueue engine = new EventQueueBenchmark.EngineQueue();
    engine.fill(forEngine);
    EventQueueBenchmark forHeap = benchmark(300);
    EventQueueBenchmark.PrimitiveHeap heap = new EventQueueBenchmark.PrimitiveHeap();
    heap.fill(forHeap);
    long previous = 0;
    for (int op = 0; op < 20_000; op++) {
      long fromEngine = forEngine.engine(engine);
      long fromHeap = forHeap.primitiveHeap(heap);
      assertEquals(fromHeap, fromEngine, "op " + op);
      assertTrue(fromEngine >= previous, "time went back at op " + op);
      previous = fromEngine;
    }
    assertEquals(300, engine.engine.size());
    assertEquals(300, heap.count);
    assertEquals(300, java.util.Arrays.stream(heap.ids).distinct().count(), "every event id stays pending once");
  }

  private static EventQueueBenchmark benchmark(int size) {
    EventQueueBenchmark benchmark = new EventQueueBenchmark();
    benchmark.size = size;
    benchmark.drawDelays();
    return benchmark;
  }
}
