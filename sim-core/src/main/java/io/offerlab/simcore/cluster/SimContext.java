package io.offerlab.simcore.cluster;

import io.offerlab.isolationmodel.IsolationConfig;
import io.offerlab.simcore.engine.Engine;
import io.offerlab.simcore.metrics.Metrics;

/**
 * What the parts of one simulated run share: the engine (the clock and the event queue), the metrics, the run's
 * counters, the isolation settings, the solver's scratch arrays and how task requests are counted.
 *
 * @param engine the run's engine
 * @param metrics the run's time-weighted metrics
 * @param counters the run's counts for results.json
 * @param isolation the cgroup settings of every agent
 * @param scratch the CPU solver's scratch arrays, shared by every agent
 * @param slots how task requests are counted: in whole slots under the {@code slots} allocator, else as they are
 */
record SimContext(Engine engine, Metrics metrics, Counters counters, IsolationConfig isolation, Agent.Scratch scratch,
    SlotRounding slots) {}
