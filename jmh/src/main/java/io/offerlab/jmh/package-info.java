/** JMH benchmarks of the allocators (and later the engine), mirroring Mesos' allocator benchmarks. */
/** Shaded into {@code jmh/target/benchmarks.jar}; run from the command line, never from the test suite. */
package io.offerlab.jmh;
