/**
 * The clock-free Mesos master core: the rules of when an allocation cycle runs, how a cycle's output becomes offers,
 * how an accept declines its unused part with the framework's filter, offer timeouts and rescinds, and what happens to
 * offers and held resources when an agent goes away. Time comes in as an argument and timers are requested through
 * {@link io.offerlab.simcore.master.Timers}, so the simulator (engine events) and a real master (a scheduled executor)
 * drive the same rules. It knows agents, frameworks and offers by id, index and {@code Resources}, and nothing of the
 * engine, the workload or the framework models.
 */
package io.offerlab.simcore.master;
