package io.offerlab.cli.replay;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** Offers made, accepted and declined as the replay's frameworks saw them, task launches, and task failures. */
final class ReplayCounters {
  final AtomicLong made = new AtomicLong();
  final AtomicLong accepted = new AtomicLong();
  final AtomicLong declined = new AtomicLong();
  final AtomicLong launched = new AtomicLong();
  /** Nanoseconds from receiving an offer to the master's 202 for the answer, summed over answered offers. */
  final AtomicLong decisionNanos = new AtomicLong();
  final Map<String, Long> taskFailures = java.util.Collections.synchronizedMap(new TreeMap<>());
}
