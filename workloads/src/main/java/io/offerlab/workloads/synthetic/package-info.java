/**
 * Synthetic workloads: named mixes after published experiments (Mesos, DRF, Omega) and a parameterized Poisson
 * generator, all drawn from Commons Math distributions on per-framework seeded streams.
 */
package io.offerlab.workloads.synthetic;
