/**
 * The side-by-side benchmark with CloudSim Plus 7.3.0, the usual peer: one generated task list
 * ({@link io.offerlab.jmh.peer.TaskList}) simulated by CloudSim Plus ({@link io.offerlab.jmh.peer.CloudSimRun}) and
 * by Offerlab ({@code offerlab simulate}). CloudSim Plus is a dependency of the jmh module only; nothing else links
 * this package. See docs/benchmarks.md, "Side by side with CloudSim Plus".
 */
package io.offerlab.jmh.peer;
