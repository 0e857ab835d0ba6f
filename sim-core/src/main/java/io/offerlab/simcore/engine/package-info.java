/**
 * The discrete-event engine: a virtual clock in microseconds, events ordered by (time, priority, insertion sequence)
 * and named, seeded random streams. It knows nothing of clusters; many engines can run side by side in one JVM.
 */
package io.offerlab.simcore.engine;
