package io.offerlab.realruntime.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.allocators.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history ring keeps the newest {@code capacity} samples, oldest first, across any number of wrap-arounds. */
class MetricsHistoryTest {
  private static MetricsSample at(double time) {
    return new MetricsSample(time, 1, 0, Resources.of(1, 128, 0, 0), Resources.EMPTY, Resources.EMPTY, Map.of());
  }

  private static List<Double> times(MetricsHistory history) {
    return history.samples().stream().map(MetricsSample::time).toList();
  }

  @Test
  void anEmptyRingHasNoSamples() {
    assertEquals(List.of(), new MetricsHistory(3, 5_000).samples());
  }

  @Test
  void beforeItFillsTheRingKeepsEverySampleInOrder() {
    var history = new MetricsHistory(4, 5_000);
    history.add(at(1));
    history.add(at(2));
    assertEquals(List.of(1.0, 2.0), times(history));
  }

  @Test
  void onceFullEachSampleReplacesTheOldestAndOrderStaysOldestFirst() {
    var history = new MetricsHistory(3, 5_000);
    for (int t = 1; t <= 3; t++) {
      history.add(at(t));
    }
    assertEquals(List.of(1.0, 2.0, 3.0), times(history));
    history.add(at(4));
    assertEquals(List.of(2.0, 3.0, 4.0), times(history));
    history.add(at(5));
    history.add(at(6));
    assertEquals(List.of(4.0, 5.0, 6.0), times(history), "exactly one full turn later");
    for (int t = 7; t <= 3 * 10 + 1; t++) {
      history.add(at(t));
    }
    assertEquals(List.of(29.0, 30.0, 31.0), times(history), "after many wrap-arounds");
  }

  @Test
  void theDefaultRingHoldsOneHourOfFiveSecondSamples() {
    var history = new MetricsHistory(MetricsHistory.DEFAULT_CAPACITY, MetricsHistory.DEFAULT_INTERVAL_MILLIS);
    for (int t = 0; t < 1000; t++) {
      history.add(at(t));
    }
    List<Double> times = times(history);
    assertEquals(720, times.size());
    assertEquals(3600, 720 * MetricsHistory.DEFAULT_INTERVAL_MILLIS / 1000);
    assertEquals(280.0, times.get(0));
    assertEquals(999.0, times.get(719));
    for (int i = 1; i < times.size(); i++) {
      assertTrue(times.get(i - 1) < times.get(i));
    }
  }

  @Test
  void aRingOfOneKeepsTheNewest() {
    var history = new MetricsHistory(1, 5_000);
    history.add(at(1));
    history.add(at(2));
    assertEquals(List.of(2.0), times(history));
  }

  @Test
  void badSizesAreRefusedWithTheirNames() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new MetricsHistory(0, 5_000)).getMessage()
        .contains("capacity"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new MetricsHistory(3, 0)).getMessage()
        .contains("--metrics-interval"));
  }
}
