package io.offerlab.simcore;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.offerlab.allocators.Allocators;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conservation, checked after every event in the debug mode ({@code simulation.checkInvariants}): on every agent,
 * the resources of running tasks plus those in outstanding offers plus the allocator's free resources equal the
 * agent's total (range resources included). The mixed workload exercises
 * offers held during decisions, offer latency and timeouts, gangs held and declined, OOM kills and retries, agent
 * failures (lost tasks, rescinded offers) and rejoins, under every allocator.
 */
class ConservationTest {
  static Iterable<String> allocators() {
    return Allocators.names();
  }

  @ParameterizedTest
  @MethodSource("allocators")
  void allocatedPlusOfferedPlusFreeIsTheTotalAfterEveryEvent(String allocator, @TempDir Path dir) {
    var run = Fixtures.run(MixedWorkload.config("checkInvariants: true"),
        MixedWorkload.jobs(17, 250), allocator, MixedWorkload.CLUSTER, 1, dir);
    var results = run.results();
    assertTrue(results.at("/summary/tasks/completed").asLong() > 100, allocator + ": tasks ran");
    assertTrue(results.at("/summary/agentFailures").asLong() > 0, allocator + ": agents failed");
    assertTrue(results.at("/summary/tasks/lost").asLong() > 0, allocator + ": tasks were lost");
    assertTrue(results.at("/summary/offers/rescinded").asLong() > 0, allocator + ": offers were rescinded");
    assertTrue(results.at("/isolation/oomKills").asLong() > 0, allocator + ": tasks were OOM-killed");
  }

  /** Agents that offer port ranges, as Mesos agents do: the ranges travel with every offer and come back whole. */
  @ParameterizedTest
  @MethodSource("allocators")
  void portRangesAreConservedToo(String allocator, @TempDir Path dir) {
    var run = Fixtures.run(MixedWorkload.config("checkInvariants: true"), MixedWorkload.jobs(17, 120), allocator,
        MixedWorkload.CLUSTER + ";ports:[31000-32000,32100-32200]", 1, dir);
    assertTrue(run.results().at("/summary/tasks/completed").asLong() > 50, allocator + ": tasks ran");
  }
}
